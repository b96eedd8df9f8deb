// The Telesign sidebar in a real extension host: stored responses after lookups, open / compare / pin
// without a network call (the simulator's request log proves it), persistence across a reload (a fresh
// store over the same files), the count limit, clear; the deep-link handler end to end; walkthrough steps.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import { TransactionStore } from '../../src/features/transactions/store';
import type { TxNode } from '../../src/features/transactions/tree';
import { openResultPanels } from '../support/resultPanels';
import { testHooks, waitFor } from '../support/extensionHost';
import { exec, messages, startWorld, withStubs, type World } from '../support/lookupHarness';

const REF = '364C81F5F3D0020C91E7A731DE93A777'; // simulator: auto OTP 50361
const OTP = '50361';
const hooks = testHooks;
const transactionsForTests = () => hooks().transactions;
const completedSteps = () => hooks().walkthroughSteps();

async function storedNodes(group: 'pinned' | 'recent'): Promise<Extract<TxNode, { kind: 'stored' }>[]> {
  const tx = transactionsForTests();
  assert.ok(tx, 'the Transactions view is registered');
  const groups = await tx.tree.getChildren();
  const g = groups.find((n) => n.kind === 'group' && n.group === group);
  return g ? ((await tx.tree.getChildren(g)) as Extract<TxNode, { kind: 'stored' }>[]) : [];
}

describe('Transactions view (sidebar)', function () {
  this.timeout(60000);
  let world: World;
  const cfg = () => vscode.workspace.getConfiguration('telesign');

  before(async () => {
    world = await startWorld();
    await exec('telesign.clearStored', { confirm: false });
  });
  after(async () => {
    await cfg().update('transactions.maxStored', undefined, vscode.ConfigurationTarget.Global);
    await exec('telesign.clearStored', { confirm: false });
    await world.restore();
  });

  it('keeps each lookup (no key, no OTP) and opens, compares and pins them without a network call', async () => {
    await exec('telesign.getTransactionStatus', { referenceId: REF, show: false });
    await exec('telesign.getTransactionStatus', { referenceId: REF, verifyCode: OTP, show: false });
    const tx = transactionsForTests();
    assert.ok(tx);
    const recent = await waitFor(
      async () => ((await storedNodes('recent')).length === 2 ? storedNodes('recent') : undefined),
      10000,
      'two stored lookups',
    );
    const item = tx.tree.getTreeItem(recent[0]);
    assert.match(String(item.description), /3000 Delivered · VALID/);
    assert.strictEqual(item.contextValue, 'telesign.stored.unpinned');
    assert.match(String((item.tooltip as vscode.MarkdownString).value), /Delivered/);

    // What is on disk: no key in any encoding, no OTP.
    const dir = tx.store.dir;
    for (const [name] of await vscode.workspace.fs.readDirectory(dir)) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
      for (const secret of [
        DEMO_CREDENTIALS.apiKey,
        Buffer.from(`${DEMO_CREDENTIALS.customerId}:${DEMO_CREDENTIALS.apiKey}`).toString('base64'),
        OTP,
      ]) {
        assert.ok(!text.includes(secret), `${name} contains a secret`);
      }
    }

    const sent = world.sim.requests.length;
    const shown = await exec<{ outcome: { ok: boolean; verifyCode?: string } }>('telesign.openStored', recent[0]);
    assert.ok(shown.outcome.ok && shown.outcome.verifyCode === undefined);
    const panel = await waitFor(
      () => openResultPanels().find((p) => p.referenceId === REF && p.report),
      15000,
      'the panel to paint the stored response',
    );
    assert.strictEqual(panel.autoRefresh.state, 'off', 'a stored response is not refreshed on its own');
    const diff = await exec<{ key: string; before?: string; after?: string }[]>('telesign.compareStored', recent[0]);
    const verify = diff.find((c) => c.key === 'verify');
    assert.deepStrictEqual([verify?.before, verify?.after], ['UNKNOWN', 'VALID']);
    const request = await exec<string>('telesign.showRequestSent', recent[0]);
    assert.match(request, /Authorization: Basic \[REDACTED\]/);
    assert.match(request, /verify_code=\*\*\*/);
    assert.ok(!request.includes(OTP) && !request.includes(DEMO_CREDENTIALS.apiKey));
    await exec('telesign.pinStored', recent[1]);
    assert.deepStrictEqual(
      (await storedNodes('pinned')).map((n) => n.summary.id),
      [recent[1].summary.id],
    );
    assert.strictEqual(world.sim.requests.length, sent, 'open, compare, show request and pin sent nothing');

    // A reload: a new store over the same files reads the same entries, pin included.
    const fresh = new TransactionStore(dir, () => 100);
    const again = await fresh.summaries();
    assert.deepStrictEqual(again.map((s) => [s.id, s.pinned]).sort(), (await tx.store.summaries()).map((s) => [s.id, s.pinned]).sort());
    assert.ok(await fresh.get(recent[0].summary.id), 'the full entry reads back');
    fresh.dispose();
  });

  it('applies the count limit (pinned kept) and clears on request', async () => {
    const tx = transactionsForTests();
    assert.ok(tx);
    await cfg().update('transactions.maxStored', 1, vscode.ConfigurationTarget.Global);
    await exec('telesign.getTransactionStatus', { referenceId: '364C82042F68010C91E2B8633BE34860', show: false });
    await waitFor(
      async () => (await tx.store.summaries()).length === 1 && (await vscode.workspace.fs.readDirectory(tx.store.dir)).length === 2,
      10000,
      'the limit to apply',
    );
    assert.ok((await tx.store.summaries())[0].pinned, 'the pinned lookup survives the limit');
    await exec('telesign.clearStored', { confirm: false });
    assert.deepStrictEqual(await tx.tree.getChildren(), []);
    await cfg().update('transactions.maxStored', undefined, vscode.ConfigurationTarget.Global);
  });

  it('deep link: asks first, then looks up; refuses a link with a credential and sends nothing', async () => {
    const base = `${vscode.env.uriScheme}://telesign-inspector-oss.telesign-inspector/lookup`;
    // The handler the extension registered with vscode.window.registerUriHandler, called as VS Code calls it.
    const open = (uri: string) => hooks().handleUri(vscode.Uri.parse(uri));
    const errors = messages();
    const sent = world.sim.requests.length;
    await withStubs({ showErrorMessage: errors.fn }, async () => {
      const r = await open(`${base}?ref=${REF}&apiKey=${encodeURIComponent('c2VjcmV0IGluIGEgbGluaw==')}`);
      assert.deepStrictEqual(r, { ok: false, reason: 'refused' });
    });
    assert.match(errors.seen.join('\n'), /credential/);
    const declined = messages(() => undefined);
    await withStubs({ showInformationMessage: declined.fn }, async () =>
      assert.deepStrictEqual(await open(`${base}?ref=${REF}&endpoint=omnichannel`), { ok: false, reason: 'declined' }),
    );
    assert.match(declined.seen.join('\n'), new RegExp(REF));
    assert.strictEqual(world.sim.requests.length, sent, 'nothing sent before the user agreed');
    const agreed = messages((_m, buttons) => buttons[0]);
    await withStubs({ showInformationMessage: agreed.fn }, async () =>
      assert.strictEqual((await open(`${base}?ref=${REF}&endpoint=omnichannel`)).ok, true),
    );
    assert.strictEqual(world.sim.requests.length, sent + 1);
  });

  it('walkthrough steps complete on the real events', async () => {
    assert.ok(completedSteps().includes('lookup') && completedSteps().includes('simulator'), `done: ${completedSteps().join(', ')}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'log', content: 'WARN status.code=3204 rate limited\n' });
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 19));
    await waitFor(() => completedSteps().includes('hover'), 5000, 'the hover step');
  });
});
