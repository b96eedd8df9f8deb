// "Finalize verification…" in the real extension's result panel, against the simulator: the button shows only for
// a Verify API process still ONGOING; it asks for the code, confirms in a modal naming host and profile, sends
// one PATCH with the code, and the code ends up in no log, history entry or file this VS Code wrote.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { waitFor } from '../support/extensionHost';
import { DEMO, DEMO_DIGEST, exec, inputBoxes, messages, quickPick, readOutputLog, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';
import { openResultPanels } from '../support/resultPanels';
import { readRunFile, runDirFiles } from '../support/runFiles';

const FINALIZE = 'Finalize verification…';

describe('result panel: finalize a Verify API process', function () {
  this.timeout(60000);
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    for (const p of openResultPanels()) p.panel.dispose();
    await world.restore();
  });

  const codes: string[] = [];
  for (const [profile, code] of [
    [DEMO, '9081726354'],
    [DEMO_DIGEST, '8172635490'],
  ] as const) {
    it(`${profile}: asks, confirms naming host and profile, sends one PATCH with the code, shows VERIFIED`, async () => {
      codes.push(code);
      const { referenceId } = world.sim.addTransaction({
        endpoint: 'verification',
        otp: code,
        progression: [{ afterMs: 0, state: 'ONGOING' }],
      });
      const shown = await exec<ShownLookup>('telesign.getTransactionStatus', { referenceId, endpoint: 'verification', profile });
      assert.strictEqual(shown.outcome.ok && shown.outcome.state, 'ONGOING');
      const panel = await waitFor(
        () => openResultPanels().find((p) => p.referenceId === referenceId && p.report?.buttons.includes(FINALIZE)),
        15000,
        'the panel with its Finalize button',
      );
      const boxes = inputBoxes([code], [['12', '12a456', '12345678901']]);
      const warnings = messages((_m, buttons) => buttons[0]);
      await withStubs({ showInputBox: boxes.fn, showWarningMessage: warnings.fn }, async () => {
        panel.receive({ type: 'finalize' });
        await waitFor(
          () => {
            const p = openResultPanels().find((x) => x.referenceId === referenceId);
            return p?.lastRendered.outcome.ok && p.lastRendered.outcome.state === 'VERIFIED' ? p : undefined;
          },
          15000,
          'the panel to show VERIFIED',
        );
      });
      for (const m of boxes.messages.flat()) assert.ok(typeof m === 'string' && m.length > 0, 'a bad code is refused inline');
      assert.strictEqual(warnings.seen.length, 1);
      assert.ok(warnings.seen[0].includes(`127.0.0.1:${world.sim.port}`), warnings.seen[0]);
      assert.ok(warnings.seen[0].includes(`"${profile}"`), warnings.seen[0]);
      const patches = world.sim.requests.filter((r) => r.method === 'PATCH' && r.path === `/verification/${referenceId}/state`);
      assert.strictEqual(patches.length, 1, 'one PATCH');
      assert.deepStrictEqual(JSON.parse(patches[0].body ?? ''), { action: 'finalize', security_factor: code });
      assert.strictEqual(patches[0].status, 200);
      const after = await waitFor(
        () => openResultPanels().find((p) => p.referenceId === referenceId && p.report && !p.report.buttons.includes(FINALIZE)),
        15000,
        'the Finalize button gone once VERIFIED',
      );
      assert.ok(after.report?.text.includes('VERIFIED'), after.report?.text);
    });
  }

  it('declining the confirmation sends nothing', async () => {
    const { referenceId } = world.sim.addTransaction({
      endpoint: 'verification',
      otp: '123456',
      progression: [{ afterMs: 0, state: 'ONGOING' }],
    });
    await exec('telesign.getTransactionStatus', { referenceId, endpoint: 'verification', profile: DEMO });
    const panel = await waitFor(
      () => openResultPanels().find((p) => p.referenceId === referenceId && p.report?.buttons.includes(FINALIZE)),
      15000,
      'the panel',
    );
    const warnings = messages(() => undefined);
    await withStubs({ showInputBox: inputBoxes(['123456']).fn, showWarningMessage: warnings.fn }, async () => {
      panel.receive({ type: 'finalize' });
      await waitFor(() => warnings.seen.length === 1 || undefined, 10000, 'the confirmation');
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(world.sim.requests.filter((r) => r.method === 'PATCH').length, 2, 'only the two earlier PATCHes');
  });

  it('the codes are in no log, history entry or file this VS Code wrote', async () => {
    assert.strictEqual(codes.length, 2);
    await waitFor(
      () => (readOutputLog().match(/Finalize [0-9A-F]{32}/g) ?? []).length >= 2 || undefined,
      10000,
      'the finalize lines in the log',
    );
    const pick = quickPick<vscode.QuickPickItem>(() => undefined);
    await withStubs({ showQuickPick: pick.fn }, () => exec('telesign.showHistory'));
    const { files } = runDirFiles();
    assert.ok(
      files.some((f) => /Telesign\.log$/.test(f)),
      'the Telesign output log is among the swept files',
    );
    const hits: string[] = [];
    for (const code of codes) {
      if (JSON.stringify(pick.seen).includes(code)) hits.push(`history holds ${code}`);
      for (const f of files) if (readRunFile(f)?.toString('latin1').includes(code)) hits.push(`${f} holds ${code}`);
    }
    assert.deepStrictEqual(hits, [], `swept ${files.length} files`);
  });
});
