// Shared by the integration tests: the extension under test and small waits.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'telesign-inspector-oss.telesign-inspector';

export async function activateExtension<T = unknown>(): Promise<T> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
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
