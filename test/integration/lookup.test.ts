// Get Transaction Status… and Verify OTP Code… in a real VS Code against the simulator started here:
// with and without arguments, every documented answer of the seed page, retries and cancellation.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { openResultPanels } from '../support/resultPanels';
import { SEEDED } from '../simulator/seed';
import { startSimulator } from '../simulator/server';
import { DEMO, DEMO_DIGEST, SIM, exec, inputBoxes, messages, quickPick, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';
import { waitFor, withWorkspaceSettings } from '../support/extensionHost';

const HOUR = 3_600_000;
const status = (args: unknown) => exec<ShownLookup | undefined>('telesign.getTransactionStatus', args);
const verify = (args: unknown) => exec<ShownLookup | undefined>('telesign.verifyCode', args);

function ok(shown: ShownLookup | undefined) {
  assert.ok(shown, 'a result');
  assert.ok(shown.outcome.ok, `success expected, got ${JSON.stringify(shown.outcome).slice(0, 400)}`);
  return shown.outcome;
}
function failed(shown: ShownLookup | undefined) {
  assert.ok(shown, 'a result');
  assert.ok(!shown.outcome.ok, `failure expected, got ${JSON.stringify(shown.outcome).slice(0, 400)}`);
  return shown.outcome.error;
}

describe('lookup commands', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world.restore();
  });
  beforeEach(() => {
    // Back to real time (the -10004 test moves the sim clock; Digest dates are checked against it).
    world.sim.clock.set(Date.now());
    world.sim.reset();
  });

  describe('with an argument object (no prompts)', () => {
    it('3000 Delivered with an auto-generated OTP: UNKNOWN without a code, VALID / INVALID with one', async () => {
      const plain = ok(await status({ referenceId: SEEDED.autoOtp, show: false }));
      assert.strictEqual(plain.status.code, 3000);
      assert.strictEqual(plain.status.description, 'Delivered');
      assert.strictEqual(plain.verify?.state, 'UNKNOWN');
      assert.ok(plain.channels.some((c) => c.channel === 'whatsapp' && c.code === 3000));

      const valid = ok(await status({ referenceId: SEEDED.autoOtp, verifyCode: '50361', show: false }));
      assert.strictEqual(valid.verify?.state, 'VALID');
      const invalid = ok(await verify({ referenceId: SEEDED.autoOtp, verifyCode: '99999', show: false }));
      assert.strictEqual(invalid.verify?.state, 'INVALID');
      assert.strictEqual(world.sim.requests.at(-1)?.query.verify_code, '99999');
    });

    it('OTP not auto-generated: 3000 and no verify object', async () => {
      const o = ok(await status({ referenceId: SEEDED.notAutoOtp, show: false }));
      assert.strictEqual(o.status.code, 3000);
      assert.strictEqual(o.verify, undefined);
    });

    it('the SMS Verify endpoint and a Digest-signed profile', async () => {
      const o = ok(
        await verify({ referenceId: SEEDED.verifySmsValid, verifyCode: '45558', endpoint: 'verify', profile: DEMO_DIGEST, show: false }),
      );
      assert.strictEqual(o.verify?.state, 'VALID');
      assert.strictEqual(o.request.auth, 'digest');
      assert.match(String(world.sim.requests.at(-1)?.headers.authorization), /^TSA /);
    });

    it('400 3311 comes back as bad-request', async () => {
      world.sim.faults.next({ kind: 'error', error: 'malformed-ref' });
      const e = failed(await status({ referenceId: SEEDED.autoOtp, show: false }));
      assert.strictEqual(e.kind, 'bad-request');
      assert.strictEqual(e.code, 3311);
      assert.strictEqual(e.httpStatus, 400);
    });

    it('401 3206: product not enabled for the customer', async () => {
      world.sim.faults.next({ kind: 'error', error: 'not-enabled' });
      const e = failed(await status({ referenceId: SEEDED.autoOtp, show: false }));
      assert.strictEqual(e.code, 3206);
      assert.strictEqual(e.kind, 'not-enabled');
    });

    it('404 -10004 once the sim clock passes the 12-hour window', async () => {
      ok(await status({ referenceId: SEEDED.notAutoOtp, show: false }));
      world.sim.clock.advance(13 * HOUR);
      const e = failed(await status({ referenceId: SEEDED.notAutoOtp, show: false }));
      assert.strictEqual(e.code, -10004);
      assert.strictEqual(e.kind, 'expired');
      assert.strictEqual(e.httpStatus, 404);
    });

    it('429 3204 is retried (maxRetries 1) and then reported as rate-limited', async () => {
      const before = world.sim.requests.length;
      const shown = await status({ referenceId: SEEDED.alwaysRateLimited, show: false });
      const e = failed(shown);
      assert.strictEqual(e.code, 3204);
      assert.strictEqual(e.kind, 'rate-limited');
      assert.strictEqual(shown!.outcome.attempts, 2);
      assert.strictEqual(world.sim.requests.length - before, 2);
    });

    it('503 3041 is retried and then reported as unavailable', async () => {
      const shown = await status({ referenceId: SEEDED.alwaysUnavailable, show: false });
      const e = failed(shown);
      assert.strictEqual(e.code, 3041);
      assert.strictEqual(e.kind, 'unavailable');
      assert.strictEqual(shown!.outcome.attempts, 2);
    });

    it('invalid arguments are refused without touching the network', async () => {
      const before = world.sim.requests.length;
      const refused = await withStubs({ showErrorMessage: messages().fn }, async () => [
        await status({ referenceId: 'not-a-reference-id', show: false }),
        await status({ referenceId: SEEDED.autoOtp, verifyCode: '12ab', show: false }),
        await status({ referenceId: SEEDED.messaging, endpoint: 'messaging', verifyCode: '12345', show: false }),
        await status({ referenceId: SEEDED.autoOtp, endpoint: 'nope', show: false }),
        await verify({ referenceId: SEEDED.messaging, endpoint: 'messaging', verifyCode: '12345', show: false }),
      ]);
      for (const r of refused) {
        assert.strictEqual(failed(r).kind, 'invalid-input');
        assert.strictEqual(r!.outcome.attempts, 0);
      }
      assert.strictEqual(world.sim.requests.length, before);
    });

    it('an unknown profile name is a clear config error, not a throw', async () => {
      const e = failed(await status({ referenceId: SEEDED.autoOtp, profile: 'No such profile', show: false }));
      assert.strictEqual(e.kind, 'config');
      assert.match(e.message, /No such profile/);
      assert.ok(e.actions.includes('select-profile'));
    });

    it('the public API returns the same ShownLookup with the profile summary', async () => {
      const api = vscode.extensions.getExtension<{ getTransactionStatus(a: unknown): Thenable<unknown> }>(
        'telesign-inspector-oss.telesign-inspector',
      )!.exports;
      const shown = (await api.getTransactionStatus({ referenceId: SEEDED.notAutoOtp, show: false })) as ShownLookup;
      ok(shown);
      assert.deepStrictEqual(shown.profile, { name: DEMO, baseUrl: world.sim.url, auth: 'basic', demo: true });
    });

    it('shows the result panel unless show is false', async () => {
      const shown = await status({ referenceId: SEEDED.notAutoOtp });
      ok(shown);
      const panel = await waitFor(() => openResultPanels().find((p) => p.referenceId === SEEDED.notAutoOtp), 10000, 'the result panel');
      assert.strictEqual(panel.lastRendered.outcome.referenceId, SEEDED.notAutoOtp);
      panel.panel.dispose();
    });
  });

  describe('with prompts', () => {
    it('asks for the reference ID then the optional OTP, validating inline', async () => {
      const boxes = inputBoxes(
        [SEEDED.autoOtp, '50361'],
        [
          ['12345', 'XYZ'],
          ['12a', '1'],
        ],
      );
      const pick = quickPick<vscode.QuickPickItem>((items) => items[0]); // "Enter a reference ID…" when recent IDs exist
      const shown = await withStubs({ showInputBox: boxes.fn, showQuickPick: pick.fn }, () => status(undefined));
      assert.strictEqual(ok(shown).verify?.state, 'VALID');
      assert.strictEqual(boxes.calls.length, 2);
      for (const m of boxes.messages.flat()) assert.ok(typeof m === 'string' && m.length > 0, 'wrong input is refused inline');
      assert.match(boxes.calls[1].prompt ?? '', /leave empty/);
      for (const p of openResultPanels()) p.panel.dispose();
    });

    it('an empty OTP means status only', async () => {
      const boxes = inputBoxes([SEEDED.autoOtp, '']);
      const pick = quickPick<vscode.QuickPickItem>((items) => items[0]);
      const shown = await withStubs({ showInputBox: boxes.fn, showQuickPick: pick.fn }, () => status({ show: false }));
      assert.strictEqual(ok(shown).verify?.state, 'UNKNOWN');
      assert.strictEqual(world.sim.requests.at(-1)?.query.verify_code, undefined);
    });

    it('skips the OTP for endpoints that take none', async () => {
      const boxes = inputBoxes([SEEDED.messaging]);
      const pick = quickPick<vscode.QuickPickItem>((items) => items[0]);
      const shown = await withStubs({ showInputBox: boxes.fn, showQuickPick: pick.fn }, () =>
        status({ endpoint: 'messaging', show: false }),
      );
      ok(shown);
      assert.strictEqual(boxes.calls.length, 1);
    });

    it('offers recent reference IDs and re-runs the picked one', async () => {
      ok(await status({ referenceId: SEEDED.verifySmsValid, endpoint: 'verify', show: false }));
      const boxes = inputBoxes(['']);
      const pick = quickPick<vscode.QuickPickItem>((items) => items.find((i) => i.label === SEEDED.verifySmsValid));
      const shown = await withStubs({ showInputBox: boxes.fn, showQuickPick: pick.fn }, () => status({ show: false }));
      assert.strictEqual(ok(shown).request.endpoint, 'verify', 'the recent lookup keeps its endpoint');
      assert.strictEqual(boxes.calls.length, 1, 'only the optional OTP was asked');
    });

    it('pre-fills the reference ID from the word under the cursor', async () => {
      const doc = await vscode.workspace.openTextDocument({
        content: `2024-01-01 sent ref=${SEEDED.notAutoOtp} status=3000\n`,
        language: 'log',
      });
      const editor = await vscode.window.showTextDocument(doc);
      const col = doc.lineAt(0).text.indexOf(SEEDED.notAutoOtp) + 5;
      editor.selection = new vscode.Selection(0, col, 0, col);
      const boxes = inputBoxes([SEEDED.notAutoOtp, '']);
      const shown = await withStubs({ showInputBox: boxes.fn }, () => status({ show: false }));
      ok(shown);
      assert.strictEqual(boxes.calls[0].value, SEEDED.notAutoOtp);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('Escape at any step cancels quietly: nothing sent, nothing returned', async () => {
      const before = world.sim.requests.length;
      const pick = quickPick<vscode.QuickPickItem>((items) => items[0]);
      const first = await withStubs({ showInputBox: inputBoxes([undefined]).fn, showQuickPick: pick.fn }, () => status(undefined));
      const second = await withStubs({ showInputBox: inputBoxes([SEEDED.autoOtp, undefined]).fn, showQuickPick: pick.fn }, () =>
        status(undefined),
      );
      const third = await withStubs({ showInputBox: inputBoxes([undefined]).fn }, () => verify({ referenceId: SEEDED.autoOtp }));
      assert.deepStrictEqual([first, second, third], [undefined, undefined, undefined]);
      assert.strictEqual(world.sim.requests.length, before);
    });

    it('Verify OTP Code requires the code (an empty one is refused inline)', async () => {
      const boxes = inputBoxes(['50361'], [['', 'abc']]);
      const shown = await withStubs({ showInputBox: boxes.fn }, () => verify({ referenceId: SEEDED.autoOtp, show: false }));
      assert.strictEqual(ok(shown).verify?.state, 'VALID');
      assert.ok(boxes.messages[0].every((m) => typeof m === 'string' && m.length > 0));
    });
  });

  describe('cancellation', () => {
    it('cancelling the progress notification ends a slow request as cancelled, with no panel', async () => {
      world.sim.faults.next({ kind: 'latency', ms: 8000 });
      const source = new vscode.CancellationTokenSource();
      const before = world.sim.requests.length;
      const withProgress = async (
        _o: vscode.ProgressOptions,
        task: (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Thenable<unknown>,
      ) => {
        setTimeout(() => void waitFor(() => world.sim.requests.length > before, 5000, 'the request').then(() => source.cancel()), 0);
        return task({ report: () => undefined }, source.token);
      };
      const panelsBefore = openResultPanels().length;
      const started = Date.now();
      const shown = await withStubs({ withProgress }, () => status({ referenceId: SEEDED.notAutoOtp }));
      assert.strictEqual(failed(shown).kind, 'cancelled');
      assert.ok(Date.now() - started < 8000, 'did not wait for the slow answer');
      assert.strictEqual(openResultPanels().length, panelsBefore);
      source.dispose();
    });
  });

  describe('settings', () => {
    it('a workspace-level telesign.profiles value is ignored: lookups still go to the user profile', async () => {
      const decoy = await startSimulator({ port: 0 });
      const hostile = {
        'telesign.profiles': [
          { name: DEMO, baseUrl: decoy.url, auth: 'basic', demo: true },
          { name: SIM, baseUrl: decoy.url },
        ],
        'telesign.activeProfile': SIM,
        'telesign.request.timeoutSeconds': 14,
      };
      const cfg = () => vscode.workspace.getConfiguration('telesign');
      // VS Code refuses to write application-scoped settings to the workspace through the API (that is the
      // first line of defence); a cloned repository can still ship them in .vscode/settings.json, so write that.
      await assert.rejects(Promise.resolve(cfg().update('profiles', hostile['telesign.profiles'], vscode.ConfigurationTarget.Workspace)));
      try {
        await withWorkspaceSettings(hostile, async () => {
          const before = world.sim.requests.length;
          const shown = await status({ referenceId: SEEDED.notAutoOtp, show: false });
          ok(shown);
          assert.strictEqual(shown!.profile.name, DEMO, 'the user-level active profile');
          assert.strictEqual(shown!.profile.baseUrl, world.sim.url);
          assert.strictEqual(world.sim.requests.length - before, 1);
          assert.strictEqual(decoy.requests.length, 0, 'the workspace-chosen host got nothing');
        });
      } finally {
        await decoy.close();
      }
    });

    it('the lookup goes to the user-level profile named in the arguments', async () => {
      const shown = await status({ referenceId: SEEDED.notAutoOtp, profile: DEMO_DIGEST, show: false });
      assert.strictEqual(ok(shown).request.auth, 'digest');
      assert.strictEqual(shown!.profile.name, DEMO_DIGEST);
    });
  });
});
