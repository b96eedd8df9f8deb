// Child process for the big-log benchmark: summarizeFile on one file, so the RSS measured is its own.
// Prints one JSON line: elapsed ms, the summary's size, and RSS at the start and the peak (bytes).
import { performance } from 'perf_hooks';
import { summarizeFile } from '../../../src/core/logs/summarize';

async function main(): Promise<void> {
  const file = process.argv[2];
  const rssStart = process.memoryUsage().rss;
  const peakStart = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const s = await summarizeFile(file);
  const ms = performance.now() - t0;
  const peakEnd = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ ms, bytes: s.bytes, lines: s.lines, codes: s.codes.length, references: s.references.length, notes: s.notes, rssStart, peakStart, peakEnd }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
