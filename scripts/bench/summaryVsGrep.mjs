// Big-log summary at grep speed: one generated log of distinct lines (no repeated block), and in one run,
// interleaved round by round: the summary (prefilter), the summary's exhaustive reference path,
// `LC_ALL=C grep -c`, the locale's grep -c, `rg -c` (when installed) and `wc -l` as the I/O floor.
// Raw samples are kept so spreads can be computed; MB/s and ratios against LC_ALL=C grep -c are printed.
//   node esbuild.js --tests=bench && node scripts/bench/summaryVsGrep.mjs [--bytes=200e6] [--rounds=3] [--file=PATH] [--keep]
//   [--compare=RUNNER.js]: also time another build's scripts/bench/node/summarize.js bundle (e.g. before a change).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDistinctLog } from './lib/genlog.mjs';
import { OUT, TMP } from './lib/paths.mjs';
import { summary } from './lib/stats.mjs';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const BYTES = Number(arg('bytes', '200e6'));
const ROUNDS = Number(arg('rounds', '3'));
const FILE = arg('file', join(TMP, 'distinct.log'));
// --telesign-every=N: one line in N Telesign-related (default 1: the mix of npm run bench's big log).
const TELESIGN_EVERY = Number(arg('telesign-every', '1'));
const MB = 1e6;
// The scanner's rules as one ERE (the same pattern the big-log figure of npm run bench uses).
const PATTERN = `[0-9A-Fa-f]{32}|(code|status_code|statusCode|error_code|errorCode|err_code|errCode)["']?[[:space:]]*[:=][[:space:]]*["']?-?[0-9]{3,5}|-[1-9]00[0-9]{2}`;

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const timed = (cmd, args, env = {}) => {
  const t0 = performance.now();
  const out = execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
  return { ms: performance.now() - t0, out: out.trim() };
};
const COMPARE = arg('compare', '');
const ours = (extra = [], runner = join(OUT, 'node', 'summarize.js')) => {
  const r = timed(process.execPath, [runner, FILE, ...extra]);
  const j = JSON.parse(r.out);
  return { ms: j.ms, cpuMs: j.cpuMs, wallMs: r.ms, digest: j.digest, lines: j.lines, codes: j.codes, references: j.references, rssGrowthMiB: (j.peakEnd - j.rssStart) / 2 ** 20 };
};

const runners = {
  summary: () => ours(),
  'summary (exhaustive reference)': () => ours(['--exhaustive']),
  ...(COMPARE ? { 'summary (compare build)': () => ours([], COMPARE) } : {}),
  'LC_ALL=C grep -c': () => timed('grep', ['-c', '-E', PATTERN, FILE], { LC_ALL: 'C' }),
  'grep -c (locale)': () => timed('grep', ['-c', '-E', PATTERN, FILE], { LC_ALL: process.env.BENCH_LOCALE ?? 'C.UTF-8' }),
  ...(has('rg') ? { 'rg -c': () => timed('rg', ['-c', PATTERN, FILE]) } : {}),
  'wc -l': () => timed('wc', ['-l', FILE]),
};

if (!existsSync(join(OUT, 'node', 'summarize.js'))) throw new Error('run `node esbuild.js --tests=bench` first');
if (!existsSync(FILE) || statSync(FILE).size < BYTES * 0.99) {
  const t0 = performance.now();
  const g = generateDistinctLog(FILE, BYTES, { telesignEvery: TELESIGN_EVERY });
  console.log(`generated ${FILE}: ${(g.bytes / MB).toFixed(0)} MB, ${g.lines} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const bytes = statSync(FILE).size;
execFileSync('cat', [FILE], { stdio: ['ignore', 'ignore', 'inherit'] }); // warm the page cache

const samples = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
const extra = {};
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order each round so no runner always follows the same neighbour.
  const names = Object.keys(runners);
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + r) % names.length];
    const res = runners[name]();
    samples[name].push(res.ms);
    if (res.lines !== undefined) (extra[name] ??= []).push({ cpuMs: res.cpuMs === undefined ? null : Math.round(res.cpuMs), digest: res.digest ?? null, lines: res.lines, codes: res.codes, references: res.references, rssGrowthMiB: Number(res.rssGrowthMiB.toFixed(1)) });
  }
}

const mbps = (ms) => bytes / MB / (ms / 1000);
const base = summary(samples['LC_ALL=C grep -c']).median;
const table = Object.entries(samples).map(([name, ms]) => {
  const s = summary(ms);
  return { name, medianMs: s.median, minMs: s.min, maxMs: s.max, mbps: Number(mbps(s.median).toFixed(1)), xCgrep: Number((base / s.median).toFixed(3)) };
});
const digests = new Set(Object.values(extra).flat().map((e) => e.digest).filter(Boolean));
console.table(table);
console.log(JSON.stringify({ file: FILE, bytes, telesignEvery: TELESIGN_EVERY, rounds: ROUNDS, identicalSummaries: digests.size === 1, samplesMs: samples, summaries: extra }, null, 1));
if (!process.argv.includes('--keep') && !arg('file')) rmSync(FILE, { force: true });
