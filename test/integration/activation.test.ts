import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './helpers';

describe('activation', () => {
  it('runs in the real VS Code this suite targets', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), 'extension is loaded');
  });

  it('activates and returns its public API', async () => {
    const api = await activateExtension<Record<string, unknown>>();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(typeof api, 'object');
  });

  it('registers every command the manifest contributes', async () => {
    await activateExtension();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });
});
