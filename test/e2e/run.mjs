// node test/e2e/run.mjs <workspaceFolder>: runs every scenario in test/e2e/scenarios/ against the code-server
// that e2e.sh started (CS_PORT) with the simulator at SIM_URL. One fresh window per scenario; a failing
// scenario leaves <name>-failure.png. Prints "N passed, N failed" last.
// Every scenario starts from the same user settings (CS_USER_SETTINGS as start.sh wrote them), so one that
// fails half-way (say, with another profile active) cannot make the ones after it fail too.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Workbench } from './workbench.mjs';

const folder = process.argv[2];
const only = process.env.E2E_ONLY ?? '';
const dir = resolve(import.meta.dirname, 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f.includes(only))
  .sort();
const settingsFile = process.env.CS_USER_SETTINGS;
const settings = settingsFile ? readFileSync(settingsFile, 'utf8') : undefined;
/** The keys whose values differ between two settings.json texts (all of them if either does not parse). */
function changedKeys(before, after) {
  try {
    const [a, b] = [JSON.parse(before), JSON.parse(after)];
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  } catch {
    return before === after ? [] : ['(unparsable)'];
  }
}
let passed = 0,
  failed = 0;
const t0 = Date.now();
for (const file of files) {
  const name = file.replace(/\.mjs$/, '');
  const { default: scenario } = await import(resolve(dir, file));
  const changed = settingsFile ? changedKeys(settings, readFileSync(settingsFile, 'utf8')) : [];
  if (changed.length) {
    writeFileSync(settingsFile, settings);
    console.log(`  (user settings put back before ${name}: ${changed.join(', ')})`);
  }
  const wb = await Workbench.open(folder);
  const started = Date.now();
  try {
    await scenario(wb, { step: (m) => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`) });
    passed++;
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (e) {
    failed++;
    console.error(`✘ ${name}: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    await wb.screenshot(`${name}-failure`).catch(() => {});
  } finally {
    await wb.close();
  }
}
console.log(`screenshots: ${process.env.SHOTS_DIR}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !files.length ? 1 : 0);
