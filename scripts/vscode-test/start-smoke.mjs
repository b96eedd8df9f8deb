// npm run test:start: keeps the README's first command honest. Runs `npm start` itself (through npm, as a
// newcomer does: on a bare machine this is the run that installs the editor runtime) on free ports, opens the URL it prints in Chromium and checks what a newcomer should see: the sample log open,
// the simulator as the active profile, a hover explaining a code, a lookup that works with the demo
// credentials. Then Ctrl-C, and both servers must be gone. Prints "N passed, N failed".
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { Workbench } from '../../test/e2e/workbench.mjs';

const root = resolve(import.meta.dirname, '../..');
const shots = resolve(root, '.vscode-test-cs/shots/start');
mkdirSync(shots, { recursive: true });
const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => ok(p));
    });
  });
const listening = (port) =>
  new Promise((ok) => {
    const c = connect(port, '127.0.0.1');
    c.on('connect', () => {
      c.destroy();
      ok(true);
    });
    c.on('error', () => ok(false));
  });
const step = (m) => console.log(`  ${m}`);

const [SIM_PORT, CS_PORT] = [await freePort(), await freePort()];
const child = spawn('npm', ['start'], {
  cwd: root,
  detached: true,
  env: { ...process.env, SIM_PORT: String(SIM_PORT), CS_PORT: String(CS_PORT) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));

let ok = true;
let browser;
try {
  const url = await new Promise((res, rej) => {
    // the first run installs the editor runtime (about 3 minutes); later runs take seconds
    const timer = setTimeout(() => rej(new Error(`npm start printed no URL in 15 minutes:\n${out}`)), 900000);
    const poll = setInterval(() => {
      const m = /Open:\s+(\S+)/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        res(m[1]);
      }
    }, 200);
    void exited.then(() => {
      clearInterval(poll);
      clearTimeout(timer);
      rej(new Error(`npm start exited early:\n${out}`));
    });
  });
  step(`npm start printed ${url.slice(0, 60)}…`);
  assert.ok(url.startsWith(`http://127.0.0.1:${CS_PORT}/`), 'the URL is the editor on 127.0.0.1');

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60000);
  process.env.CS_PORT = String(CS_PORT);
  const wb = new Workbench(browser, page, resolve(root, 'demo'));
  wb.shots = shots;
  await page.goto(url);
  await page.locator('.tabs-container .tab', { hasText: 'otp-service.log' }).waitFor();
  step('the sample log is open');
  await page.locator('.statusbar-item', { hasText: 'Telesign: Local simulator' }).waitFor();
  step('the simulator is the active profile');
  await wb.waitForCommand('Telesign: Show Log');
  await page.locator('.monaco-editor .view-line', { hasText: '3204' }).first().waitFor();
  const hover = await wb.hover('3204');
  assert.match(hover, /Rate limit exceeded/);
  step('hovering 3204 explains it');
  await wb.screenshot('first-five-minutes');

  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await wb.runCommand('Telesign: Get Transaction Status…');
  await wb.answer('Reference ID of the transaction', '364C81F5F3D0020C91E7A731DE93A777');
  await wb.answer('OTP the end user entered', '50361');
  await wb.webview().locator('.section-verify', { hasText: 'Valid: the code matches' }).waitFor();
  step('a lookup with the demo credentials shows the verified state');
  await wb.screenshot('first-lookup');
} catch (e) {
  ok = false;
  console.error(`✘ npm start: ${e instanceof Error ? e.message : e}`);
  await browser
    ?.contexts()[0]
    ?.pages()[0]
    ?.screenshot({ path: resolve(shots, 'failure.png') })
    .catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    /* already gone */
  }
  const end = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 30000))]);
  if (!end) {
    ok = false;
    console.error('✘ npm start did not stop on Ctrl-C within 30 s');
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  for (const [what, port] of [
    ['simulator', SIM_PORT],
    ['code-server', CS_PORT],
  ]) {
    if (await listening(port)) {
      ok = false;
      console.error(`✘ the ${what} still listens on ${port} after Ctrl-C`);
    }
  }
}
if (ok) console.log('✔ npm start: editor, sample log, simulator profile, hover, lookup; Ctrl-C stops everything');
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
