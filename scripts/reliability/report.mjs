#!/usr/bin/env node
// Regenerates RELIABILITY.md: bundles the reliability unit tests and runs the fault matrix with
// RELIABILITY_REPORT=1 (known-bug rows included, so the table shows them failing until they are fixed).
// Exits non-zero only when a row that is not a known bug fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

const build = run(process.execPath, ['esbuild.js', '--tests=reliability']);
if (build.status !== 0) process.exit(build.status ?? 1);
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
run(
  process.execPath,
  [
    mocha,
    '--no-config',
    '--timeout',
    '15000',
    '--reporter',
    'dot',
    'out/test/unit/reliability/faults.test.js',
    'out/test/unit/reliability/callbackFaults.test.js',
  ],
  {
    RELIABILITY_REPORT: '1',
  },
);

const report = readFileSync(join(root, 'RELIABILITY.md'), 'utf8');
const rows = report.split('\n').filter((l) => /^\| \d+ \|/.test(l));
const unexpected = rows.filter((l) => /\| no: /.test(l));
console.log(
  `RELIABILITY.md: ${rows.length} rows, ${rows.filter((l) => /known bug/.test(l)).length} known bugs, ${unexpected.length} unexpected failures`,
);
process.exit(unexpected.length > 0 ? 1 : 0);
