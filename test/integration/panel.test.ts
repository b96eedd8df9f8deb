// The result panel in a real VS Code: the webview script runs in real Chromium, says `ready`, paints the
// model with DOM APIs and reports back what it painted (`rendered`), so these assertions read real DOM text.
import * as assert from 'assert';
import { recordingLogger } from '../support/recordingLogger';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, waitFor } from '../support/extensionHost';
import { ManualScheduler, PROFILE, ScriptedRunner, failure, inProgress, newRef, painted, panelOf, success } from '../support/panelFixtures';
import * as path from 'path';
import { catalogLoader } from '../../src/features/catalogLoader';
import type { Catalog } from '../../src/core/catalog';
import type { Logger } from '../../src/features/logger';
import { INTERMEDIATE_CODES } from '../../src/features/resultPanel/status';
import { ResultPanels } from '../../src/features/resultPanel/panels';
import { RESULT_VIEW_TYPE } from '../../src/features/contributions';
import { openResultPanels } from '../support/resultPanels';
import type { ShownLookup } from '../../src/features/lookup/contracts';

describe('result panel', function () {
  this.timeout(30000);
  let logger: Logger;
  let runner: ScriptedRunner;
  let scheduler: ManualScheduler;
  let autoRefresh: boolean;
  let panels: ResultPanels;
  let loadCatalog: () => Promise<Catalog>;

  before(async () => {
    await activateExtension();
    logger = recordingLogger().logger; // a second real "Telesign" channel would close the extension's own when disposed
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    loadCatalog = catalogLoader({ asAbsolutePath: (p: string) => path.join(root, p) }); // the real dist/codes.json
  });
  beforeEach(() => {
    runner = new ScriptedRunner();
    scheduler = new ManualScheduler();
    autoRefresh = true;
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    panels = new ResultPanels(extensionUri, { runner, logger, scheduler, autoRefreshEnabled: () => autoRefresh, catalog: loadCatalog });
  });
  afterEach(() => panels.dispose());

  const show = (shown: ShownLookup) => panels.show(shown);

  it('opens a panel whose script paints the status, verification, channels and details', async () => {
    const ref = newRef();
    show(success(ref));
    const r = await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'the first paint');
    const p = panelOf(ref)!;
    assert.strictEqual(p.panel.viewType, RESULT_VIEW_TYPE);
    assert.strictEqual(p.panel.title, `Telesign: ${ref.slice(0, 8)}…`);
    assert.match(r.sections.header, /3000\s+Delivered/);
    assert.match(r.sections.header, /Delivered/); // badge
    const meaning = (await loadCatalog()).explain(3000, `GET /v1/omnichannel/${ref} HTTP 200 "status":{"code":3000}`)[0].entry;
    assert.strictEqual(meaning.family, 'messaging-get-status');
    assert.ok(r.sections.header.includes(meaning.explanation), 'the catalog explanation of 3000 for a status lookup');
    assert.ok(r.sections.header.includes(`What to do: ${meaning.action}`));
    assert.match(r.sections.header, /Telesign does not say whether this status is final/); // 3000 has final: null
    assert.match(r.sections.verify, /Valid: the code matches/);
    assert.match(r.sections.verify, /Code entered: 50361/);
    assert.match(r.sections.channels, /viber\s+3112\s+Specified template does not exist/i);
    assert.match(r.sections.channels, /whatsapp\s+3000\s+Delivered/i);
    assert.ok(r.sections.channels.indexOf('3112') < r.sections.channels.indexOf('3000'), 'channels in fallback order');
    assert.match(r.sections.details, /0\.0050 USD/);
    assert.match(r.sections.details, /310 \/ 012/);
    assert.match(r.sections.details, /HTTP status\s+200/);
    assert.match(r.sections.details, /Basic/);
    assert.match(r.sections.details, /Simulator \(demo credentials\)/);
    assert.match(r.sections.details, /12-hour status window has closed/); // 2024 timestamps
    assert.match(r.sections.rawJson, /"price": "0\.0050"/);
    for (const b of ['Refresh', 'Verify a Code…', 'Copy JSON', 'Open Telesign Docs for This Code']) {
      assert.ok(r.buttons.includes(b), `button ${b}`);
    }
    for (const shell of ['bash', 'PowerShell', 'cmd']) assert.ok(r.buttons.includes(`Copy as cURL (${shell})`), `cURL ${shell}`);
    assert.strictEqual(r.imgCount, 0);
    assert.strictEqual(p.rejectedMessages, 0, 'every message the real webview sent is on the allow-list');
  });

  it('sets a strict CSP shell with no response data; data arrives only by postMessage', async () => {
    const ref = newRef();
    show(success(ref));
    const html = panelOf(ref)!.panel.webview.html;
    await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'paint');
    // The nonce and the resource URIs are random: a digit run like 310 can turn up in them by chance.
    const fixed = html.replace(/nonce-[A-Za-z0-9+/=]+|nonce="[^"]*"|(?:href|src)="[^"]*"/g, '');
    for (const data of [ref, ref.slice(0, 8), 'Delivered', '0.0050', 'whatsapp', '50361', '3000', '310']) {
      assert.ok(!fixed.includes(data), `HTML shell must not contain ${data}`);
    }
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([A-Za-z0-9]{16,})'/.exec(csp)?.[1] ?? 'no nonce';
    const src = panelOf(ref)!.panel.webview.cspSource;
    assert.strictEqual(csp, `default-src 'none'; img-src ${src} data:; style-src ${src}; script-src 'nonce-${nonce}'; font-src ${src}`);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/media/panel\\.js"`));
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(html));
    const options = panelOf(ref)!.panel.webview.options;
    assert.strictEqual(options.enableScripts, true);
    assert.deepStrictEqual(
      options.localResourceRoots?.map((u) => u.path),
      [vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'media').path],
    );
    const second = newRef();
    show(success(second));
    const otherNonce = /'nonce-([A-Za-z0-9]+)'/.exec(panelOf(second)!.panel.webview.html)![1];
    assert.notStrictEqual(otherNonce, nonce, 'a fresh nonce per webview');
  });

  it('keeps one panel per reference ID and updates it in place', async () => {
    const ref = newRef();
    show(inProgress(ref));
    await painted(ref, (x) => x.sections.header?.includes('3001') ?? false, 'in-progress paint');
    show(success(ref));
    await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'updated paint');
    assert.strictEqual(openResultPanels().filter((p) => p.referenceId === ref).length, 1);
    const other = newRef();
    show(success(other));
    await painted(other, (x) => x.sections.header?.includes('3000') ?? false, 'second panel');
    assert.strictEqual(openResultPanels().filter((p) => p.referenceId === ref || p.referenceId === other).length, 2);
  });

  it('paints again when a panel hidden behind another is shown again (its webview was torn down)', async () => {
    const first = newRef();
    show(success(first));
    await painted(first, (x) => x.sections.header?.includes('3000') ?? false, 'first panel');
    const second = newRef();
    show(inProgress(second));
    await painted(second, (x) => x.sections.header?.includes('3001') ?? false, 'second panel');
    // Wherever the second one opened (beside an editor, or not), bring it into the first one's group.
    panelOf(second)!.panel.reveal(panelOf(first)!.panel.viewColumn);
    await waitFor(() => panelOf(first) && !panelOf(first)!.visible, 10000, 'the first panel to be hidden');
    const stale = panelOf(first)!.report;
    panelOf(first)!.panel.reveal();
    const again = await waitFor(
      () => {
        const p = panelOf(first);
        return p?.visible && p.report && p.report !== stale ? p.report : undefined;
      },
      15000,
      'a fresh paint of the first panel',
    );
    assert.match(again.sections.header ?? '', /3000/);
    assert.ok(again.text.includes(first), 'it shows its own reference ID');
  });

  it('renders hostile response text as literal text: no element is created from it', async () => {
    const ref = newRef();
    const evil = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(2)>';
    const base = success(ref);
    assert.ok(base.outcome.ok);
    show({
      ...base,
      outcome: {
        ...base.outcome,
        status: { ...base.outcome.status, description: evil, lastChannel: img },
        channels: [{ channel: img, code: 3000, description: evil }],
        price: img,
        raw: { status: { description: evil }, note: img },
      },
    });
    const r = await painted(ref, (x) => x.sections.header?.includes('alert(1)') ?? false, 'hostile paint');
    assert.ok(r.sections.header.includes(evil), 'the script tag shows as text');
    assert.ok(r.sections.channels.includes(img) && r.sections.channels.includes(evil));
    assert.ok(r.sections.details.includes(img));
    assert.ok(r.sections.rawJson.includes(evil));
    assert.strictEqual(r.imgCount, 0, 'no img element exists');
    assert.strictEqual(r.scriptCount, 0, 'no script element in the painted area');
  });

  it('shows an error with its code, actions, signature string and raw body', async () => {
    const ref = newRef();
    show(failure(ref));
    const r = await painted(ref, (x) => x.sections.error !== undefined, 'error paint');
    assert.match(r.sections.header, /3411\s+Invalid API Key\./);
    assert.match(r.sections.header, /Error/);
    assert.match(r.sections.error, /Authentication failed/);
    assert.match(r.sections.error, /refused the credentials/);
    assert.match(r.sections.error, /x-ts-auth-method: HMAC-SHA256/);
    const meaning = (await loadCatalog()).explain(3411, `GET /v1/omnichannel/${ref} HTTP 401 "status":{"code":3411}`)[0].entry;
    assert.ok(r.sections.error.includes(meaning.explanation), 'the catalog explanation of 3411');
    for (const b of ['Set Credentials and Retry', 'Select Profile', 'Open Docs']) assert.ok(r.buttons.includes(b), `button ${b}`);
    assert.ok(!r.buttons.includes('Retry'), 'only the actions the error offers');
    assert.strictEqual(r.sections.verify, undefined);
    assert.strictEqual(scheduler.active, 0, 'no auto-refresh on an error');
  });

  it("offers Telesign's status page for 503 / 3041 and for a transaction in progress long past normal, only then", async () => {
    const STATUS = 'Telesign Status Page';
    const down = newRef();
    show(failure(down, { kind: 'unavailable', code: 3041, description: 'Service unavailable', httpStatus: 503, actions: ['retry'] }));
    const a = await painted(down, (x) => x.sections.error !== undefined, '3041 paint');
    assert.ok(a.buttons.includes(STATUS), `the status page offered for 503 3041: ${a.buttons.join(', ')}`);
    assert.match(a.sections.header, /service is unavailable: its status page says whether an incident is under way/);

    const stuck = newRef();
    const base = inProgress(stuck);
    assert.ok(base.outcome.ok);
    const sent = new Date(Date.parse(base.outcome.timing.startedAt) - 11 * 60_000).toISOString();
    show({ ...base, outcome: { ...base.outcome, status: { ...base.outcome.status, updatedOn: sent } } });
    const b = await painted(stuck, (x) => x.sections.header !== undefined, 'stuck paint');
    assert.ok(b.buttons.includes(STATUS), `the status page offered 11 minutes in progress: ${b.buttons.join(', ')}`);
    assert.match(b.sections.header, /Still in progress long past normal/);

    for (const [ref, shown] of [
      [newRef(), inProgress],
      [newRef(), failure],
      [newRef(), success],
    ] as const) {
      show(shown(ref));
      const r = await painted(ref, (x) => x.sections.header !== undefined, `${shown.name} paint`);
      assert.ok(!r.buttons.includes(STATUS), `no status page for ${shown.name}: ${r.buttons.join(', ')}`);
    }
  });

  it('says why the verification state is unknown', async () => {
    const noCode = newRef();
    show(inProgress(noCode));
    const a = await painted(noCode, (x) => x.sections.verify !== undefined, 'no-code paint');
    assert.match(a.sections.verify, /Unknown/);
    assert.match(a.sections.verify, /No code was sent with this lookup/);

    const dropped = newRef();
    const base = inProgress(dropped);
    show({ ...base, outcome: { ...base.outcome, verifyCode: '1234567' } }); // code given, not in the URL
    const b = await painted(dropped, (x) => x.sections.verify !== undefined, 'dropped-code paint');
    assert.match(b.sections.verify, /request URL carries no verify_code/);

    const notAuto = newRef();
    const s = success(notAuto, { verify: undefined });
    show(s);
    const c = await painted(notAuto, (x) => x.sections.verify !== undefined, 'no-verify paint');
    assert.match(c.sections.verify, /only when it generated the OTP itself/);
  });

  it('drops messages that are not on the allow-list and actions the result does not offer', async () => {
    const ref = newRef();
    show(success(ref));
    await painted(ref, () => true, 'paint');
    const p = panelOf(ref)!;
    p.receive({ type: 'run-command', command: 'workbench.action.closeWindow' });
    p.receive({ type: 'copy-curl', shell: 'zsh' });
    p.receive({ type: 'error-action', action: 'delete-everything' });
    p.receive('refresh');
    p.receive(null);
    await waitFor(() => panelOf(ref)!.rejectedMessages === 5, 2000, 'five rejections');
    p.receive({ type: 'error-action', action: 'retry' }); // allowed type, but this result is not an error
    await new Promise((r) => setTimeout(r, 200));
    assert.strictEqual(runner.calls.length, 0, 'nothing ran');
    assert.ok(panelOf(ref), 'panel still open');
  });

  it('auto-refreshes an intermediate status on a back-off schedule until it is final', async () => {
    const ref = newRef();
    runner.push(inProgress(ref), success(ref, { verifyCode: undefined }));
    show(inProgress(ref));
    await waitFor(() => scheduler.active === 1, 5000, 'first timer');
    assert.deepStrictEqual(scheduler.delays, [5000]);
    const r = await painted(ref, (x) => /next lookup in \d+ s/.test(x.sections.header ?? ''), 'countdown');
    assert.match(r.sections.header, /refresh 1/);
    assert.ok(r.buttons.includes('Stop'));

    scheduler.fire();
    await waitFor(() => scheduler.active === 1 && runner.calls.length === 1, 5000, 'second timer');
    assert.deepStrictEqual(scheduler.delays, [5000, 10000]);
    assert.deepStrictEqual(runner.calls[0], { referenceId: ref, endpoint: 'omnichannel', profile: 'Simulator', show: false });

    scheduler.fire();
    await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'final paint');
    await waitFor(() => panelOf(ref)?.autoRefresh.state === 'off', 5000, 'auto-refresh off');
    assert.strictEqual(scheduler.active, 0, 'no timer once final');
    assert.strictEqual(runner.calls.length, 2);
  });

  it('treats a code the catalog calls intermediate as still moving', async () => {
    const catalog = await loadCatalog();
    const entry = catalog.entries().find((e) => e.final === false && e.family === 'messaging' && !INTERMEDIATE_CODES.has(Number(e.code)));
    assert.ok(entry, 'the catalog has an intermediate messaging code outside the built-in set');
    const ref = newRef();
    const base = inProgress(ref);
    assert.ok(base.outcome.ok);
    show({ ...base, outcome: { ...base.outcome, status: { ...base.outcome.status, code: Number(entry.code), description: entry.text } } });
    await waitFor(() => scheduler.active === 1, 5000, `a timer for ${entry.code}`);
    const r = await painted(ref, (x) => x.sections.header?.includes(entry.code) ?? false, 'paint');
    assert.match(r.sections.header, /In progress/);
    assert.match(r.sections.header, /Intermediate status: it may still change/);
  });

  it('stops auto-refresh on Stop, when the setting is off, and when the panel closes (no timers left)', async () => {
    const stopped = newRef();
    show(inProgress(stopped));
    await waitFor(() => scheduler.active === 1, 5000, 'timer');
    panelOf(stopped)!.receive({ type: 'stop-auto-refresh' });
    await waitFor(() => scheduler.active === 0, 2000, 'timer cleared by Stop');
    await painted(stopped, (x) => /Auto-refresh stopped/.test(x.sections.header ?? ''), 'stopped text');

    autoRefresh = false;
    const off = newRef();
    show(inProgress(off));
    await painted(off, () => true, 'paint with auto-refresh off');
    assert.strictEqual(scheduler.active, 0);
    assert.strictEqual(panelOf(off)!.autoRefresh.state, 'off');

    autoRefresh = true;
    const closed = newRef();
    show(inProgress(closed));
    await waitFor(() => scheduler.active === 1, 5000, 'timer');
    panelOf(closed)!.panel.dispose();
    assert.strictEqual(scheduler.active, 0, 'disposing the panel clears its timer');
    assert.strictEqual(panelOf(closed), undefined, 'gone from the registry');
    assert.strictEqual(panels.pendingTimers(), 0);
    assert.strictEqual(runner.calls.length, 0);
  });

  it('revives a panel from the state its webview saved, and closes one with unusable state', async () => {
    const ref = newRef();
    const restored = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    await panels.serializer.deserializeWebviewPanel(restored, { version: 1, shown: success(ref) });
    const r = await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'revived paint');
    assert.match(r.sections.verify, /Valid/);
    assert.strictEqual(panelOf(ref)!.panel, restored);
    assert.strictEqual(restored.title, `Telesign: ${ref.slice(0, 8)}…`);

    const bogus = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'bogus', vscode.ViewColumn.Active, {});
    let closed = false;
    bogus.onDidDispose(() => (closed = true));
    await panels.serializer.deserializeWebviewPanel(bogus, { version: 1, shown: { outcome: { referenceId: '<x>' } } });
    assert.ok(closed, 'a panel with malformed state is closed');
  });

  it('saves for revival only which lookup it shows (no OTP, URL or body), and a revived panel re-runs it without the code', async () => {
    const ref = newRef();
    show(success(ref)); // sent with verify_code=50361; the body says code_entered 50361
    const first = await painted(ref, (x) => x.sections.header?.includes('3000') ?? false, 'the first paint');
    // What the real webview's getState() returns: what VS Code writes to workspace storage and hands the serializer.
    const savedText = first.savedState ?? 'no state reported';
    for (const leak of ['50361', 'verify_code', 'code_entered', 'Delivered', '127.0.0.1']) {
      assert.ok(!savedText.includes(leak), `saved state holds ${leak}: ${savedText}`);
    }
    const saved: unknown = JSON.parse(savedText);
    assert.deepStrictEqual(saved, { version: 2, referenceId: ref, endpoint: 'omnichannel', profile: PROFILE.name });
    panelOf(ref)!.panel.dispose();

    runner.push(inProgress(ref));
    const restored = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    await panels.serializer.deserializeWebviewPanel(restored, saved);
    assert.deepStrictEqual(
      runner.calls,
      [{ referenceId: ref, endpoint: 'omnichannel', profile: PROFILE.name, show: false }],
      'one re-run, with no code',
    );
    const again = await painted(ref, (x) => x.sections.header?.includes('3001') ?? false, 'the revived panel paints the re-run');
    assert.strictEqual(panelOf(ref)!.panel, restored);
    assert.deepStrictEqual(JSON.parse(again.savedState ?? 'null'), saved);

    // A state an older version saved (the whole result) paints once and is replaced by the minimal one.
    const old = newRef();
    const legacy = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'legacy', vscode.ViewColumn.Active, {});
    await panels.serializer.deserializeWebviewPanel(legacy, { version: 1, shown: success(old) });
    const migrated = await painted(old, (x) => x.savedState?.includes('"version":2') ?? false, 'the legacy panel re-saves its state');
    assert.ok(!(migrated.savedState ?? '').includes('50361'), 'the OTP is gone from the saved state');
    assert.strictEqual(runner.calls.length, 1, 'a legacy state is painted, not re-run');
  });

  it('a restored panel closed while its lookup re-runs is not brought back', async () => {
    const ref = newRef();
    let release: (v: ShownLookup) => void = () => undefined;
    let cancelled = false;
    const slow = {
      run: (_a: unknown, token?: vscode.CancellationToken) => {
        token?.onCancellationRequested(() => (cancelled = true));
        return new Promise<ShownLookup>((r) => (release = r));
      },
      curl: () => Promise.resolve(''),
    };
    const own = new ResultPanels(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, {
      runner: slow,
      logger,
      scheduler,
      catalog: loadCatalog,
    });
    try {
      const restored = vscode.window.createWebviewPanel(RESULT_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
      const reviving = own.serializer.deserializeWebviewPanel(restored, {
        version: 2,
        referenceId: ref,
        endpoint: 'verify',
        profile: PROFILE.name,
      });
      assert.match(restored.webview.html, /Loading…/, 'the shell shows while the lookup runs');
      restored.dispose();
      assert.ok(cancelled, 'closing the panel cancels its lookup');
      release(success(ref));
      await reviving;
      assert.strictEqual(panelOf(ref), undefined);
    } finally {
      own.dispose();
    }
  });
});
