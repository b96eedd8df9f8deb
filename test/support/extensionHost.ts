// Shared by the integration tests: the extension under test and small waits.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension';

export const EXTENSION_ID = 'telesign-inspector-oss.telesign-inspector';

export async function activateExtension<T = unknown>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** What a test build of the extension exports for tests to observe (see src/extension.ts). */
export function testHooks(): TestHooks {
  const h = vscode.extensions.getExtension<{ testHooks?: TestHooks }>(EXTENSION_ID)?.exports?.testHooks;
  assert.ok(h, 'a test build exports testHooks');
  return h;
}

/** True when the VS Code running the suite is older than `version` (e.g. '1.86.0'): the suite runs on the oldest
 *  supported version too, where a few built-in commands report less than later ones. */
export function vscodeOlderThan(version: string): boolean {
  const [a, b] = [vscode.version, version].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10000, what = 'condition'): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('integration tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Replaces a `vscode.window` function for the duration of `body` (the test shares the extension's API object). */
export async function withStub<K extends keyof typeof vscode.window, R>(
  name: K,
  impl: (typeof vscode.window)[K],
  body: () => Promise<R>,
): Promise<R> {
  const win = vscode.window as unknown as Record<string, unknown>;
  const orig = win[name];
  win[name] = impl;
  try {
    return await body();
  } finally {
    win[name] = orig;
  }
}

/**
 * Runs `body` with `settings` written into the fixture workspace's `.vscode/settings.json`, as a cloned
 * repository could ship them, then restores the file. `settings` must set `telesign.request.timeoutSeconds`:
 * that window-scoped marker shows VS Code has read the file before `body` runs.
 */
export async function withWorkspaceSettings<T>(settings: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const marker = settings['telesign.request.timeoutSeconds'];
  if (marker === undefined) throw new Error('withWorkspaceSettings needs telesign.request.timeoutSeconds as a marker');
  const cfg = () => vscode.workspace.getConfiguration('telesign');
  const file = workspaceFile('.vscode', 'settings.json');
  const original = await vscode.workspace.fs.readFile(file).then(
    (b) => b,
    () => undefined,
  );
  const merged = { ...(original ? (JSON.parse(Buffer.from(original).toString('utf8')) as object) : {}), ...settings };
  const seen = () => cfg().inspect('request.timeoutSeconds')?.workspaceValue === marker;
  try {
    // VS Code 1.85 sometimes misses the change event of a file it watches after many earlier writes in the
    // suite; writing again (as an editor's save would) makes it read the file. Up to 4 writes, 15 s in all.
    for (let i = 0; i < 4 && !seen(); i++) {
      await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(merged, null, 2) + ' '.repeat(i)));
      await waitFor(seen, 3750, 'VS Code to read the workspace settings').catch(() => undefined);
    }
    if (!seen()) throw new Error('VS Code did not read the workspace settings written to .vscode/settings.json within 15 s');
    return await body();
  } finally {
    if (original) await vscode.workspace.fs.writeFile(file, original);
    else {
      await vscode.workspace.fs.delete(file);
      const rest = await vscode.workspace.fs.readDirectory(workspaceFile('.vscode'));
      if (rest.length === 0) await vscode.workspace.fs.delete(workspaceFile('.vscode'));
    }
  }
}
