// Select Profile… and the status bar item, on user-level profiles.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ProfileStatusBar } from '../../src/features/profiles/statusBar';
import { SENTINEL_KEY, CUSTOMER_ID } from '../support/sentinel';
import { waitFor } from '../support/extensionHost';
import { DEMO, DEMO_DIGEST, REMOTE, SIM, exec, messages, quickPick, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';

const active = () => vscode.workspace.getConfiguration('telesign').inspect<string>('activeProfile')?.globalValue;

describe('profiles', () => {
  let world: World;
  let bar: ProfileStatusBar;
  before(async () => {
    world = await startWorld();
    bar = new ProfileStatusBar();
  });
  after(async () => {
    bar.dispose();
    await withStubs({ showInformationMessage: messages().fn }, () => exec('telesign.clearCredentials', { profile: SIM, confirm: false }));
    await world.restore();
  });

  it('Select Profile with an argument switches the active profile and the status bar follows', async () => {
    assert.strictEqual(await exec('telesign.selectProfile', { profile: DEMO_DIGEST }), DEMO_DIGEST);
    assert.strictEqual(active(), DEMO_DIGEST);
    await waitFor(() => bar.item.text === `$(shield) Telesign: ${DEMO_DIGEST}`, 5000, 'the status bar text');
    assert.strictEqual(bar.item.command, 'telesign.selectProfile');
    assert.strictEqual(bar.item.backgroundColor, undefined, 'a loopback profile is not flagged');
    const tooltip = bar.item.tooltip instanceof vscode.MarkdownString ? bar.item.tooltip.value : String(bar.item.tooltip);
    assert.ok(tooltip.includes(world.sim.url), 'tooltip has the base URL');
    assert.match(tooltip, /Digest/);
  });

  it('a production (non-loopback) profile gets the warning background', async () => {
    await exec('telesign.selectProfile', { profile: REMOTE });
    await waitFor(() => bar.item.text.endsWith(REMOTE), 5000, 'the status bar text');
    assert.ok(bar.item.backgroundColor instanceof vscode.ThemeColor);
    assert.strictEqual((bar.item.backgroundColor as unknown as { id: string }).id, 'statusBarItem.warningBackground');
    await exec('telesign.selectProfile', { profile: DEMO });
    await waitFor(() => bar.item.backgroundColor === undefined, 5000, 'the warning to go');
  });

  it('an unknown profile name changes nothing and says so', async () => {
    const errors = messages();
    const result = await withStubs({ showErrorMessage: errors.fn }, () => exec('telesign.selectProfile', { profile: 'Nope' }));
    assert.strictEqual(result, undefined);
    assert.strictEqual(active(), DEMO);
    assert.match(errors.seen[0], /Nope/);
  });

  it('the picker lists every profile with base URL, auth and a credentials hint, plus Edit profiles…', async () => {
    await withStubs({ showInformationMessage: messages().fn }, () =>
      exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }),
    );
    const pick = quickPick<vscode.QuickPickItem>((items) => items.find((i) => i.label === SIM));
    const result = await withStubs({ showQuickPick: pick.fn }, () => exec('telesign.selectProfile'));
    assert.strictEqual(result, SIM);
    assert.strictEqual(active(), SIM);
    const items = pick.seen[0];
    const byName = (n: string) => items.find((i) => i.label === n);
    assert.strictEqual(byName(SIM)?.description, world.sim.url);
    assert.match(byName(SIM)?.detail ?? '', /\$\(key\) credentials set/);
    assert.match(byName(DEMO)?.detail ?? '', /demo/);
    assert.match(byName(REMOTE)?.detail ?? '', /not set/);
    assert.match(byName(DEMO_DIGEST)?.detail ?? '', /Digest/);
    assert.ok(items.some((i) => /Edit profiles in settings/.test(i.label)));
    await waitFor(() => bar.item.text.endsWith(SIM), 5000, 'the status bar text');
  });

  it('Escape in the picker keeps the active profile', async () => {
    const before = active();
    const result = await withStubs({ showQuickPick: quickPick(() => undefined).fn }, () => exec('telesign.selectProfile'));
    assert.strictEqual(result, undefined);
    assert.strictEqual(active(), before);
    await exec('telesign.selectProfile', { profile: DEMO });
  });
});
