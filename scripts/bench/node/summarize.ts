// Child process for the big-log benchmark: the summary as the extension runs it (summarizeInWorker: a worker
// per core over byte ranges for a big log, one worker otherwise) on one file, so the RSS measured is its own
// (worker threads included).
// Prints one JSON line: elapsed ms, CPU ms (user + system: less sensitive to other load), a digest, the summary's size, and RSS at the start and the peak (bytes).
import { createHash } from 'crypto';
import { performance } from 'perf_hooks';
import { join } from 'path';
import { summarizeFile, type LogSummary } from '../../../src/core/logs/summarize';
import { summarizeInWorker } from '../../../src/core/logs/summarizeInWorker';

/** The worker bundle esbuild --tests builds beside this file's tree (out/src/core/logs/summaryWorker.js). */
const WORKER = join(__dirname, '..', '..', '..', 'src', 'core', 'logs', 'summaryWorker.js');

/** A hash of the whole summary, so two runs can be checked for identical output without printing it. */
function digest(s: LogSummary): string {
  return createHash('sha256').update(JSON.stringify({ ...s, file: '' })).digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const file = process.argv[2];
  // --exhaustive: the reference path (every line decoded and scanned), to time against the prefilter.
  const exhaustive = process.argv.includes('--exhaustive');
  const rssStart = process.memoryUsage().rss;
  const peakStart = process.resourceUsage().maxRSS * 1024;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = exhaustive ? await summarizeFile(file, { exhaustive }) : await summarizeInWorker(WORKER, file);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peakEnd = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, digest: digest(s), bytes: s.bytes, lines: s.lines, codes: s.codes.length, references: s.references.length, notes: s.notes, rssStart, peakStart, peakEnd }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
