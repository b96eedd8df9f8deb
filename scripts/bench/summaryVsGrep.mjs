// Big-log summary at grep speed, stand-alone (npm run bench runs the same measurement, scripts/bench/lib/summaryVsGrep.mjs).
//   node esbuild.js --tests=bench && node esbuild.js --tests=summaryWorker && node scripts/bench/summaryVsGrep.mjs [--bytes=200e6] [--rounds=3] [--file=PATH] [--keep]
//   [--telesign-every=N]: one line in N Telesign-related (1: every line of the Telesign kinds; npm run bench
//   reports 1 and its realistic mix, REALISTIC_TELESIGN_EVERY).
//   [--compare=RUNNER.js]: also time another build's scripts/bench/node/summarize.js bundle (e.g. before a change).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLog, summaryVsGrep } from './lib/summaryVsGrep.mjs';
import { TMP } from './lib/paths.mjs';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const FILE = arg('file', join(TMP, 'distinct.log'));
const TELESIGN_EVERY = Number(arg('telesign-every', '1'));

const g = ensureLog(FILE, Number(arg('bytes', '200e6')), TELESIGN_EVERY);
if (g.generated) console.log(`generated ${FILE}: ${(g.bytes / 1e6).toFixed(0)} MB, ${g.lines} lines`);
const r = summaryVsGrep({ file: FILE, rounds: Number(arg('rounds', '3')), compare: arg('compare', '') });
console.table(r.table);
console.log(JSON.stringify({ ...r, telesignEvery: TELESIGN_EVERY, table: undefined }, null, 1));
if (!process.argv.includes('--keep') && !arg('file')) rmSync(FILE, { force: true });
