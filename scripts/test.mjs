// npm test: every layer in order — lint, type-check, unit tests (mocha in Node), the integration suite in a real
// VS Code on each editor runtime (the oldest VS Code engines.vscode claims, and the newest) — then what ran:
// counts per layer and the VS Code versions. Stops at the first failing layer, as `a && b` would.
import { spawn } from 'node:child_process';

const layers = [
  { name: 'lint (ESLint, Prettier)', script: 'lint' },
  { name: 'type-check', script: 'typecheck' },
  { name: 'unit (mocha in Node ' + process.version + ')', script: 'test:unit', counts: mochaCounts },
  { name: 'integration', script: 'test:integration', counts: integrationCounts },
];

/** mocha's spec reporter: "N passing", "N pending", "N failing". */
function mochaCounts(out) {
  const n = (w) => Number(out.match(new RegExp(`^\\s*(\\d+) ${w}\\b`, 'm'))?.[1] ?? 0);
  return [{ label: '', passed: n('passing'), failed: n('failing'), pending: n('pending') }];
}

/** The integration runner: "integration tests in VS Code X (...)" then "N passed, N failed", per runtime. */
function integrationCounts(out) {
  const runs = [];
  let version = '?';
  for (const line of out.split('\n')) {
    const v = line.match(/^integration tests in VS Code (\S+)/);
    if (v) version = v[1];
    const c = line.match(/^(\d+) passed, (\d+) failed$/);
    if (c) (runs.push({ label: ` on VS Code ${version}`, passed: +c[1], failed: +c[2], pending: 0 }), (version = '?'));
  }
  return runs;
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['inherit', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const rows = [];
let failedLayer;
const t0 = Date.now();
for (const layer of layers) {
  const t = Date.now();
  const { code, out } = await run(layer.script);
  const secs = ((Date.now() - t) / 1000).toFixed(0);
  if (layer.counts) for (const c of layer.counts(out)) rows.push({ ...c, name: layer.name + c.label, secs });
  else rows.push({ name: layer.name, secs, ok: code === 0 });
  if (code !== 0) {
    failedLayer = layer.name;
    break;
  }
}

let passed = 0,
  failed = 0;
console.log(`\nnpm test — what ran (${((Date.now() - t0) / 1000).toFixed(0)} s):`);
for (const r of rows) {
  if ('ok' in r) {
    console.log(`  ${r.name.padEnd(44)} ${r.ok ? 'ok' : 'FAILED'}  (${r.secs} s)`);
    continue;
  }
  passed += r.passed;
  failed += r.failed;
  console.log(`  ${r.name.padEnd(44)} ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
}
const skipped = failedLayer ? layers.slice(layers.findIndex((l) => l.name === failedLayer) + 1).map((l) => l.name) : [];
if (skipped.length) console.log(`  not run, since ${failedLayer} failed: ${skipped.join(', ')}`);
console.log(`npm test: ${passed} passed, ${failed + (failedLayer && failed === 0 ? 1 : 0)} failed`);
process.exit(failedLayer ? 1 : 0);
