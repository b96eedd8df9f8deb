// Real VS Code (code-server) for the benchmarks: one server for the whole run, one Chromium, and a fresh
// browser context per window, so every window gets a fresh extension host. A window loads one extension
// from a folder (extensionDevelopmentPath) and runs a bench module's run() inside its extension host; the
// module reads its job from JOB_FILE and writes its result to job.outFile.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, TMP } from './paths.mjs';

const D = join(ROOT, 'scripts', 'vscode-test');
export const JOB_FILE = join(TMP, 'host-job.json');

/** Installs code-server + Node 24 + Chromium if missing (idempotent, quick when present). */
export function ensureInstalled() {
  execFileSync('bash', [join(D, 'install.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function freePort() {
  return execFileSync('bash', ['-c', `source "${join(D, 'lib.sh')}"; free_port`], { encoding: 'utf8' }).trim();
}

/** Starts code-server with `settings` merged into a fresh profile; returns { port, version, stop() }. */
export function startCodeServer(settings) {
  const port = freePort();
  const env = { ...process.env, CS_PORT: port, CS_SETTINGS: JSON.stringify(settings) };
  execFileSync('bash', [join(D, 'start.sh')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    port,
    stop: () => execFileSync('bash', [join(D, 'stop.sh'), port], { stdio: 'ignore' }),
  };
}

export async function launchBrowser() {
  const { launchChromium } = await import('../../vscode-test/chromium.mjs');
  return launchChromium();
}

/**
 * Opens a fresh window that loads `extensionPath` and runs `testsModule`'s run() with `job`; resolves with
 * what the module wrote to job.outFile. Rejects on a non-zero exit or after `timeoutMs`.
 */
export async function runWindow(browser, port, { extensionPath, testsModule, folder, job, timeoutMs = 120000, log = () => {} }) {
  const server = `http://127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(testsModule)]]);
  const url = `${server}/?${folder ? `folder=${encodeURIComponent(resolve(folder))}` : 'ew=true'}&payload=${encodeURIComponent(payload)}`;
  const outFile = join(TMP, `host-result-${Date.now()}.json`);
  writeFileSync(JOB_FILE, JSON.stringify({ ...job, outFile }));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    let settle;
    const done = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (line.startsWith('[bench]')) log(line);
      else if (type === 'error' && /\[bench\]|telesign-inspector/i.test(line)) log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('crash', () => settle('crashed'));
    const timer = setTimeout(() => settle(`timeout after ${timeoutMs} ms`), timeoutMs);
    await page.goto(url);
    const code = await done;
    clearTimeout(timer);
    if (!existsSync(outFile)) throw new Error(`the bench window wrote no result (exit ${code})`);
    const result = JSON.parse(readFileSync(outFile, 'utf8'));
    rmSync(outFile, { force: true });
    if (code !== 0) throw new Error(`the bench window exited with ${code}: ${result.error ?? ''}`);
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}
