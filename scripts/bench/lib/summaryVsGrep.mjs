// The summary against grep-family baselines on one generated log of distinct lines (no repeated block),
// interleaved round by round: the summary (prefilter), its exhaustive reference path, `LC_ALL=C grep -c`,
// the locale's grep -c, `rg -c` (when installed) and `wc -l` as the I/O floor. Raw samples are kept so
// spreads can be computed; MB/s and ratios against LC_ALL=C grep -c come back per runner.
// Used by npm run bench (scripts/bench/run.mjs) and by the stand-alone scripts/bench/summaryVsGrep.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDistinctLog } from './genlog.mjs';
import { OUT } from './paths.mjs';
import { summary } from './stats.mjs';

const MB = 1e6;
// The scanner's rules as one ERE: reference IDs, keyed codes (escaped quotes, "=>", PHP [key], PascalCase
// keys), negative code families, "<code> - <Description>". grep counts matching lines; the scanner's context
// rules (which need look-arounds and the whole line) are not in it, so grep does a little less work.
export const PATTERN = `[0-9A-Fa-f]{32}|(code|Code|status_code|statusCode|StatusCode|error_code|errorCode|ErrorCode|err_code|errCode)(\\\\*["'])?]?[[:space:]]*(=>|[:=])[[:space:]]*\\\\*["']?-?[0-9]{3,5}|-[1-9]00[0-9]{2}|[0-9]{3,5} - [A-Z]`;
export const C_GREP = 'LC_ALL=C grep -c';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const timed = (cmd, args, env = {}) => {
  const t0 = performance.now();
  const out = execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
  return { ms: performance.now() - t0, out: out.trim() };
};

/** Generates `file` (unless it already holds about `bytes`) with one line in `telesignEvery` Telesign-related. */
export function ensureLog(file, bytes, telesignEvery) {
  if (existsSync(file) && statSync(file).size >= bytes * 0.99) return { generated: false, bytes: statSync(file).size };
  const g = generateDistinctLog(file, bytes, { telesignEvery });
  return { generated: true, bytes: g.bytes, lines: g.lines };
}

/**
 * Runs every runner `rounds` times over `file`, rotating the order each round so no runner always follows
 * the same neighbour. `compare`: another build's scripts/bench/node/summarize.js bundle, timed too.
 */
export function summaryVsGrep({ file, rounds = 3, compare = '', locale = process.env.BENCH_LOCALE ?? 'C.UTF-8' }) {
  const runner = join(OUT, 'node', 'summarize.js');
  if (!existsSync(runner) || !existsSync(join(OUT, '..', '..', 'src', 'core', 'logs', 'summaryWorker.js'))) {
    throw new Error('run `node esbuild.js --tests=bench && node esbuild.js --tests=summaryWorker` first');
  }
  const ours = (extra = [], bundle = runner) => {
    const r = timed(process.execPath, [bundle, file, ...extra]);
    const j = JSON.parse(r.out);
    return { ms: j.ms, cpuMs: j.cpuMs, digest: j.digest, lines: j.lines, codes: j.codes, references: j.references, rssGrowthMiB: (j.peakEnd - j.rssStart) / 2 ** 20 };
  };
  const runners = {
    summary: () => ours(),
    'summary (exhaustive reference)': () => ours(['--exhaustive']),
    ...(compare ? { 'summary (compare build)': () => ours([], compare) } : {}),
    [C_GREP]: () => timed('grep', ['-c', '-E', PATTERN, file], { LC_ALL: 'C' }),
    [`grep -c (locale ${locale})`]: () => timed('grep', ['-c', '-E', PATTERN, file], { LC_ALL: locale }),
    ...(has('rg') ? { 'rg -c': () => timed('rg', ['-c', PATTERN, file]) } : {}),
    'wc -l': () => timed('wc', ['-l', file]),
  };
  const bytes = statSync(file).size;
  execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the page cache

  const samples = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
  const counts = {};
  const summaries = {};
  const names = Object.keys(runners);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      const res = runners[name]();
      samples[name].push(Number(res.ms.toFixed(1)));
      if (res.lines !== undefined) {
        (summaries[name] ??= []).push({ cpuMs: res.cpuMs === undefined ? null : Math.round(res.cpuMs), digest: res.digest ?? null, lines: res.lines, codes: res.codes, references: res.references, rssGrowthMiB: Number(res.rssGrowthMiB.toFixed(1)) });
      } else counts[name] = Number(res.out.split(/\s+/)[0]);
    }
  }
  const mbps = (ms) => Number((bytes / MB / (ms / 1000)).toFixed(1));
  const base = summary(samples[C_GREP]).median;
  const table = Object.entries(samples).map(([name, ms]) => {
    const s = summary(ms, 1);
    return { name, medianMs: s.median, minMs: s.min, maxMs: s.max, mbps: mbps(s.median), xCgrep: Number((base / s.median).toFixed(3)) };
  });
  const digests = new Set(Object.values(summaries).flat().map((e) => e.digest).filter(Boolean));
  return { file, bytes, rounds, pattern: PATTERN, rgInstalled: 'rg -c' in samples, table, samplesMs: samples, matchingLines: counts, summaries, identicalSummaries: digests.size === 1 };
}
