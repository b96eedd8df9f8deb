import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FrontDoorHooks, TelesignInspectorApi } from '../../src/extension';
import type { CodeMatch } from '../../src/core/catalog';
import type { LogSummary } from '../../src/core/logs/summaryTypes';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { EXTENSION_ID, activateExtension, vscodeOlderThan, withStub, workspaceFile } from '../support/extensionHost';

describe('activation', () => {
  // First in the suite (files run in name order): nothing has used the extension yet, and the test
  // workspace opens no log, so only the front door is loaded.
  describe('the front door', () => {
    it('activates with the features unloaded; the first command loads them and gets its own answer', async () => {
      const api = await activateExtension<{ frontDoor: FrontDoorHooks; explainCode(a: unknown): Thenable<unknown> }>();
      assert.strictEqual(api.frontDoor.loadedBy(), undefined, 'nothing asked for a feature yet');
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
      assert.deepStrictEqual(missing, [], 'every contributed command answers before the features load');
      assert.strictEqual(api.frontDoor.loadedBy(), undefined, 'listing the commands loads nothing');

      const matches = await vscode.commands.executeCommand<CodeMatch[]>('telesign.explainCode', { code: 3000 });
      assert.strictEqual(matches[0]?.entry.code, '3000', 'the call that loaded the features got the real answer');
      assert.strictEqual(api.frontDoor.loadedBy(), 'command telesign.explainCode');
      assert.ok((api.frontDoor.loadMs() ?? -1) > 0);
      // The stand-ins are gone: the command runs the feature directly, and answers the same.
      const again = (await api.explainCode({ code: 3000 })) as CodeMatch[];
      assert.deepStrictEqual(
        again.map((m) => m.entry.code),
        matches.map((m) => m.entry.code),
      );
    });
  });

  it('runs in the real VS Code this suite targets, not older than the manifest allows', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is loaded');
    const floor = (ext.packageJSON as { engines: { vscode: string } }).engines.vscode.replace(/^\^/, '');
    assert.ok(!vscodeOlderThan(floor), `VS Code ${vscode.version} is at least engines.vscode ${floor}`);
  });

  it('activates and returns its public API: the four documented functions', async () => {
    const api = await activateExtension<Record<string, unknown>>();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const documented = ['explainCode', 'getTransactionStatus', 'summarizeLog', 'verifyCode'];
    assert.deepStrictEqual(
      Object.keys(api)
        .filter((k) => k !== 'testHooks' && k !== 'frontDoor')
        .sort(),
      documented,
    );
    for (const name of documented) assert.strictEqual(typeof api[name], 'function', name);
  });

  describe('each API function does its job', () => {
    let api: TelesignInspectorApi;
    before(async () => {
      api = await activateExtension<TelesignInspectorApi>();
    });
    const quietly = <R>(body: () => Promise<R>): Promise<R> => withStub('showErrorMessage', () => Promise.resolve(undefined), body);
    const REF = '0123456789ABCDEF0123456789ABCDEF';

    it('getTransactionStatus: the lookup command, refusing bad input without a request', async () => {
      const shown = (await quietly(() =>
        Promise.resolve(api.getTransactionStatus({ referenceId: 'not-a-reference-id', show: false })),
      )) as ShownLookup;
      assert.ok(!shown.outcome.ok);
      assert.strictEqual(shown.outcome.error.kind, 'invalid-input');
      assert.match(shown.outcome.error.message, /reference ID/i);
      assert.strictEqual(shown.outcome.attempts, 0);
    });

    it('verifyCode: the verify command, refusing an endpoint that takes no OTP', async () => {
      const shown = (await quietly(() =>
        Promise.resolve(api.verifyCode({ referenceId: REF, endpoint: 'messaging', verifyCode: '12345', show: false })),
      )) as ShownLookup;
      assert.ok(!shown.outcome.ok);
      assert.strictEqual(shown.outcome.referenceId, REF);
      assert.strictEqual(shown.outcome.attempts, 0);
      if (shown.outcome.error.kind === 'invalid-input') assert.match(shown.outcome.error.message, /takes no OTP/);
      else assert.strictEqual(shown.outcome.error.kind, 'config', 'or no profile is configured');
    });

    it('explainCode: the ranked meanings of a code', async () => {
      const matches = (await api.explainCode({
        code: 3000,
        context: 'GET /v1/omnichannel/x HTTP 200 "status":{"code":3000}',
      })) as CodeMatch[];
      assert.ok(Array.isArray(matches) && matches.length > 0);
      assert.strictEqual(matches[0].entry.code, '3000');
      assert.ok(matches[0].entry.explanation.length > 10);
    });

    it('summarizeLog: the codes and reference IDs of a log file', async () => {
      const summary = (await api.summarizeLog({ file: workspaceFile('sample.log').fsPath })) as LogSummary;
      assert.ok(
        summary.codes.some((c) => c.code === '3000'),
        'sample.log has 3000',
      );
      assert.ok(summary.references.some((r) => r.referenceId === '364C81F5F3D0020C91E7A731DE93A777'));
    });
  });

  it('registers every command the manifest contributes', async () => {
    await activateExtension();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });
});
