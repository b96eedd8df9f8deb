// Recent lookups: newest first, de-duplicated, capped by telesign.history.maxItems, re-run on pick,
// cleared with confirmation, and never holding the key or the OTP.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { openResultPanels } from '../support/resultPanels';
import { SEEDED } from '../simulator/seed';
import { DEMO, DEMO_DIGEST, exec, messages, quickPick, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';

const lookup = (args: object) => exec<ShownLookup | undefined>('telesign.getTransactionStatus', { show: false, ...args });

/** The history rows Show Recent Lookups offers (Escape in the picker). */
async function rows(): Promise<vscode.QuickPickItem[]> {
  const pick = quickPick<vscode.QuickPickItem>(() => undefined);
  const info = messages();
  await withStubs({ showQuickPick: pick.fn, showInformationMessage: info.fn }, () => exec('telesign.showHistory'));
  return pick.seen[0] ?? [];
}

async function clearHistory(): Promise<void> {
  assert.strictEqual(await exec('telesign.clearHistory', { confirm: false }), true);
}

describe('history', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await clearHistory();
    await world.restore();
  });
  beforeEach(async () => {
    world.sim.reset();
    await clearHistory();
  });

  it('lists lookups newest first with endpoint, profile, status and a relative time', async () => {
    await lookup({ referenceId: SEEDED.notAutoOtp });
    await lookup({ referenceId: SEEDED.verifySmsValid, endpoint: 'verify', verifyCode: '45558' });
    await lookup({ referenceId: SEEDED.alwaysUnavailable });
    const r = await rows();
    assert.deepStrictEqual(
      r.map((i) => i.label),
      [SEEDED.alwaysUnavailable, SEEDED.verifySmsValid, SEEDED.notAutoOtp],
    );
    assert.match(r[0].detail ?? '', /unavailable \(3041\)/);
    assert.match(r[1].description ?? '', /verify · Sim demo · with OTP/);
    assert.match(r[1].detail ?? '', /VALID · just now/);
    assert.match(r[2].detail ?? '', /3000 Delivered/);
    assert.ok(!JSON.stringify(r).includes('45558'), 'only whether an OTP was sent is kept');
  });

  it('de-duplicates by reference ID, endpoint and profile', async () => {
    await lookup({ referenceId: SEEDED.notAutoOtp });
    await lookup({ referenceId: SEEDED.autoOtp });
    await lookup({ referenceId: SEEDED.notAutoOtp });
    await lookup({ referenceId: SEEDED.notAutoOtp, profile: DEMO_DIGEST });
    const r = await rows();
    assert.deepStrictEqual(
      r.map((i) => `${i.label} ${i.description}`),
      [
        `${SEEDED.notAutoOtp} omnichannel · ${DEMO_DIGEST}`,
        `${SEEDED.notAutoOtp} omnichannel · ${DEMO}`,
        `${SEEDED.autoOtp} omnichannel · ${DEMO}`,
      ],
    );
  });

  it('is capped by telesign.history.maxItems, and 0 turns it off', async () => {
    const cfg = () => vscode.workspace.getConfiguration('telesign');
    await cfg().update('history.maxItems', 2, vscode.ConfigurationTarget.Global);
    try {
      for (const ref of [SEEDED.notAutoOtp, SEEDED.autoOtp, SEEDED.failed]) await lookup({ referenceId: ref });
      assert.deepStrictEqual(
        (await rows()).map((i) => i.label),
        [SEEDED.failed, SEEDED.autoOtp],
      );
      await cfg().update('history.maxItems', 0, vscode.ConfigurationTarget.Global);
      await lookup({ referenceId: SEEDED.notAutoOtp });
      assert.deepStrictEqual(await rows(), []);
    } finally {
      await cfg().update('history.maxItems', 50, vscode.ConfigurationTarget.Global);
    }
  });

  it('lookups that were never sent are not recorded', async () => {
    await withStubs({ showErrorMessage: messages().fn }, () => lookup({ referenceId: 'bad' }));
    await lookup({ referenceId: SEEDED.notAutoOtp, profile: 'No such profile' });
    assert.deepStrictEqual(await rows(), []);
  });

  it('picking a row re-runs that lookup and returns it', async () => {
    await lookup({ referenceId: SEEDED.verifySmsValid, endpoint: 'verify' });
    await lookup({ referenceId: SEEDED.notAutoOtp });
    const before = world.sim.requests.length;
    const pick = quickPick<vscode.QuickPickItem>((items) => items.find((i) => i.label === SEEDED.verifySmsValid));
    const shown = await withStubs({ showQuickPick: pick.fn }, () => exec<ShownLookup | undefined>('telesign.showHistory'));
    assert.ok(shown?.outcome.ok);
    assert.strictEqual(shown.outcome.request.endpoint, 'verify');
    assert.strictEqual(world.sim.requests.length - before, 1);
    assert.strictEqual(world.sim.requests.at(-1)?.path, `/v1/verify/${SEEDED.verifySmsValid}`);
    assert.strictEqual((await rows())[0].label, SEEDED.verifySmsValid, 'moved to the top');
    for (const p of openResultPanels()) p.panel.dispose();
  });

  it('Clear asks for confirmation (modal) unless confirm is false', async () => {
    await lookup({ referenceId: SEEDED.notAutoOtp });
    const modal: boolean[] = [];
    const ask =
      (answer: (buttons: string[]) => string | undefined) =>
      (_m: string, ...rest: unknown[]) => {
        modal.push((rest[0] as vscode.MessageOptions | undefined)?.modal === true);
        return Promise.resolve(answer(rest.filter((r): r is string => typeof r === 'string')));
      };
    assert.strictEqual(await withStubs({ showWarningMessage: ask(() => undefined) }, () => exec('telesign.clearHistory')), false);
    assert.strictEqual((await rows()).length, 1);
    assert.strictEqual(await withStubs({ showWarningMessage: ask((b) => b[0]) }, () => exec('telesign.clearHistory')), true);
    assert.deepStrictEqual(modal, [true, true]);
    const info = messages();
    await withStubs({ showInformationMessage: info.fn }, () => exec('telesign.showHistory'));
    assert.match(info.seen[0], /No recent/);
  });
});
