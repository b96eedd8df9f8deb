// node run-ext-tests.mjs <extensionDir> <testsModule.js> [workspaceFolder] -> exits with the tests' code.
// Chromium is the VS Code window; the URL payload makes the workbench load the extension from source and
// run <testsModule>.run() in the extension host; VS Code then calls window.codeAutomationExit(code).
import { launchChromium } from './chromium.mjs';
import { resolve } from 'node:path';
import { format } from 'node:util';
const [ext, tests, folder] = process.argv.slice(2).map((p) => p && resolve(p));
const server = `http://127.0.0.1:${process.env.CS_PORT ?? 8080}`;
const remote = (p) => `vscode-remote://${new URL(server).host}${p}`; // code-server's remote authority
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(ext)],
  ['extensionTestsPath', remote(tests)],
]);
const url = `${server}/?${folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'}&payload=${encodeURIComponent(payload)}`;
// Workbench chatter that says nothing about our tests (no network here, no GitHub auth, disposed overlays).
const noise =
  /open-vsx|ENOTFOUND|Canceled|OverlayWebview|provider 'github'|^\s+at |^(Resolv|Creating a socket|Updating add|\[(Service|reconn|AgentHost|AccountPolicy))/;
const browser = await launchChromium();
let settle;
const done = new Promise((r) => (settle = r));
const ms = Number(process.env.TEST_TIMEOUT_MS ?? 600000);
const timer = setTimeout(() => {
  console.error(`TIMEOUT after ${ms} ms`);
  settle(124);
}, ms);
// VS Code 1.85's web clipboard is the browser's, which asks for these permissions (later versions fall back)
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
await page.exposeFunction('codeAutomationLog', (type, args) => {
  // extension host + workbench console
  const line = format(...(args ?? []));
  if (process.env.VERBOSE || !noise.test(line)) (type === 'error' ? console.error : console.log)(line);
});
await page.exposeFunction('codeAutomationExit', (code) => settle(code));
page.on('crash', () => settle(1));
await page.goto(url);
const code = await done;
clearTimeout(timer);
if (code !== 0) await page.screenshot({ path: resolve(process.env.SHOTS_DIR ?? '.', 'integration-failure.png') }).catch(() => {});
await browser.close();
console.log(`extension tests exit code: ${code}`);
process.exit(code);
