// Security in a real VS Code: hostile text in every field the result panel paints (real webview, real
// Chromium), a sweep of everything the extension and VS Code wrote for a sentinel API key, and workspace
// settings that try to send the stored key to an "attacker" listener on 127.0.0.1.
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';
import { join } from 'path';
import * as vscode from 'vscode';
import type { ShownLookup } from '../../src/features/lookup/contracts';
import { ResultPanels } from '../../src/features/resultPanel/panels';
import { openResultPanels } from '../support/resultPanels';
import type { OpenResultPanel } from '../../src/features/resultPanel/panels';
import type { RenderReport } from '../../src/shared/resultPanelMessages';
import { SEEDED } from '../simulator/seed';
import { readRunFile, runDirFiles } from '../support/runFiles';
import { ALL_ECHOES, jsonLiteral } from '../support/echoes';
import { CUSTOMER_ID, SENTINEL_KEY, assertNoSecret, findSentinel } from '../support/sentinel';
import { EXTENSION_ID, testHooks, waitFor, withWorkspaceSettings } from '../support/extensionHost';
import { DEMO, SIM, exec, messages, quickPick, readOutputLog, startWorld, withStubs } from '../support/lookupHarness';
import type { World } from '../support/lookupHarness';
import { recordingLogger } from '../support/recordingLogger';
import { ScriptedRunner, failure, newRef, painted, panelOf, success } from '../support/panelFixtures';

const status = (args: unknown) => exec<ShownLookup | undefined>('telesign.getTransactionStatus', args);
const quietly = <R>(body: () => Promise<R>) =>
  withStubs({ showInformationMessage: messages().fn, showWarningMessage: messages().fn, showErrorMessage: messages().fn }, body);

/** Payloads that would create elements or run script if any field were written as HTML. */
const PAYLOADS = {
  script: '<script>globalThis.__pwned=1;acquireVsCodeApi().postMessage({type:"refresh"})</script>',
  img: '<img src=x onerror="globalThis.__pwned=2;acquireVsCodeApi().postMessage({type:\'copy-json\'})">',
  svg: '"><svg onload="globalThis.__pwned=3">',
  js: 'javascript:acquireVsCodeApi().postMessage({type:"open-docs"})',
} as const;
const ALL = Object.values(PAYLOADS).join(' ');

function assertInert(r: RenderReport, p: OpenResultPanel, where: string): void {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    assert.ok(r.text.includes(payload), `${where}: the ${name} payload shows as literal text`);
  }
  assert.strictEqual(r.imgCount, 0, `${where}: no img element`);
  assert.strictEqual(r.scriptCount, 0, `${where}: no script element`);
  assert.strictEqual(p.rejectedMessages, 0, `${where}: the payload posted nothing`);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(p.panel.webview.html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none';/, 'CSP present and default-deny');
  assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{16,}'(;|$)/, 'scripts by nonce only');
  assert.ok(!/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/.test(csp), `no unsafe source in ${csp}`);
  assert.ok(
    !/(^|;)\s*(connect-src|frame-src|child-src|object-src|form-action)\b/.test(csp),
    `nothing beyond default-src 'none' for connections, frames, objects or forms: ${csp}`,
  );
  assert.ok(!p.panel.webview.html.includes('__pwned'), 'no payload in the HTML shell');
}

/** Every file this run's VS Code wrote holds no spelling of the sentinel (see secrets.ts). */
function sweepRunDir(): void {
  const { files } = runDirFiles();
  assert.ok(
    files.some((f) => /Telesign\.log$/.test(f)),
    'the Telesign output log is among the swept files',
  );
  assert.ok(
    files.some((f) => f.endsWith(join('User', 'settings.json'))),
    'user settings.json is among the swept files',
  );
  const hits: string[] = [];
  for (const f of files) {
    // Every reversible spelling (secrets.ts): escaped, percent- or entity-encoded, hex, base64 at offsets, any case.
    const bytes = readRunFile(f);
    const hit = bytes && findSentinel(bytes.toString('latin1'));
    if (hit !== undefined) hits.push(`${f} holds ${hit.slice(0, 10)}…`);
  }
  assert.deepStrictEqual(hits, [], `swept ${files.length} files`);
}

/** A TCP listener that only counts: an "attacker" host any leaked request would reach. */
async function attacker(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let n = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    n++;
    sockets.add(s);
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => n,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('reliability/security: webview injection', function () {
  this.timeout(40000);
  let world: World;
  let panels: ResultPanels;
  let runner: ScriptedRunner;
  before(async () => {
    world = await startWorld();
  });
  beforeEach(() => {
    runner = new ScriptedRunner();
    panels = new ResultPanels(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, {
      runner,
      logger: recordingLogger().logger,
      autoRefreshEnabled: () => false,
    });
  });
  afterEach(() => panels.dispose());
  after(async () => {
    await world.restore();
  });

  it('success fields (status, channels, price, currency, external id, code entered, raw JSON) paint as text', async () => {
    const ref = newRef();
    const base = success(ref);
    assert.ok(base.outcome.ok);
    panels.show({
      ...base,
      outcome: {
        ...base.outcome,
        status: { ...base.outcome.status, description: ALL, lastChannel: PAYLOADS.img },
        channels: [
          { channel: PAYLOADS.svg, code: 3000, description: ALL },
          { channel: PAYLOADS.script, code: 3112, description: PAYLOADS.js },
        ],
        price: PAYLOADS.img,
        currency: PAYLOADS.svg,
        externalId: PAYLOADS.js,
        verify: { state: 'VALID', codeEntered: PAYLOADS.script },
        raw: { status: { description: ALL }, external_id: PAYLOADS.js },
      },
    });
    const r = await painted(ref, (x) => x.text.includes('__pwned=3'), 'the hostile success paint');
    const p = panelOf(ref)!;
    assertInert(r, p, 'success');
    for (const section of ['header', 'channels', 'details', 'rawJson']) {
      assert.ok((r.sections[section] ?? '').includes('__pwned'), `section ${section} holds the text`);
    }
    assert.strictEqual(runner.calls.length, 0, 'no refresh was triggered');
  });

  it('error fields (description, message, signature string, body preview) paint as text', async () => {
    const ref = newRef();
    panels.show(
      failure(ref, {
        description: ALL,
        message: PAYLOADS.svg,
        signatureString: `GET\n${ALL}`,
        bodyPreview: ALL,
        raw: { status: { description: ALL } },
      }),
    );
    const r = await painted(ref, (x) => x.sections.error?.includes('__pwned') ?? false, 'the hostile error paint');
    assertInert(r, panelOf(ref)!, 'error');
    assert.strictEqual(runner.calls.length, 0);
  });

  it("hostile values from the wire (simulator transaction) paint as text in the extension's own panel", async () => {
    const summary = world.sim.addTransaction({
      externalId: ALL,
      price: PAYLOADS.img,
      currency: PAYLOADS.svg,
      channels: [{ channel: PAYLOADS.script, code: 3000, afterMs: 0 }],
    });
    const shown = await status({ referenceId: summary.referenceId, show: true });
    assert.ok(shown?.outcome.ok, JSON.stringify(shown?.outcome));
    const r = await painted(summary.referenceId, (x) => x.text.includes('__pwned=3'), 'the wire paint');
    const p = panelOf(summary.referenceId)!;
    assertInert(r, p, 'wire');
    p.panel.dispose();
  });
});

describe('reliability/security: secrets sweep', function () {
  this.timeout(60000);
  let world: World;
  before(async () => {
    world = await startWorld();
    world.sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  after(async () => {
    await quietly(() => exec('telesign.clearCredentials', { profile: SIM, confirm: false }));
    await world.restore();
  });

  it('after success, auth failure, network failure, cURL copy, history and set/clear credentials, nothing written holds the key', async () => {
    const seen: unknown[] = [];
    const thrown: string[] = [];
    const run = async (args: unknown): Promise<ShownLookup | undefined> => {
      try {
        const r = await quietly(() => status(args));
        seen.push(r);
        return r;
      } catch (e) {
        thrown.push(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));
        return undefined;
      }
    };
    assert.strictEqual(
      await quietly(() => exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY })),
      true,
    );

    const ok = await run({ referenceId: SEEDED.autoOtp, verifyCode: '50361', profile: SIM, show: true });
    assert.ok(ok?.outcome.ok, `success: ${JSON.stringify(ok?.outcome ?? thrown)}`);
    world.sim.faults.next({ kind: 'error', error: 'invalid-key' });
    const auth = await run({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false });
    assert.ok(auth && !auth.outcome.ok && auth.outcome.error.kind === 'auth');
    world.sim.faults.next({ kind: 'reset-before-body' }, 5);
    const net = await run({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false });
    assert.ok(net && !net.outcome.ok && net.outcome.error.kind === 'network');
    world.sim.faults.clear();
    // An auth failure shown in a panel as well.
    world.sim.faults.next({ kind: 'error', error: 'invalid-key' });
    await run({ referenceId: SEEDED.fallback, profile: SIM, show: true });
    world.sim.faults.clear();

    const panel = await waitFor(() => panelOf(SEEDED.autoOtp), 10000, 'the success panel');
    const received: string[] = [];
    const clipboard: string[] = [];
    for (const shell of ['bash', 'powershell', 'cmd'] as const) {
      panel.receive({ type: 'copy-curl', shell });
      const text = await waitFor(
        async () => {
          const t = await vscode.env.clipboard.readText();
          return t.includes('curl') && !clipboard.includes(t) ? t : undefined;
        },
        10000,
        `the ${shell} cURL on the clipboard`,
      );
      clipboard.push(text);
    }
    assert.ok(
      clipboard.some((c) => c.includes('TELESIGN_API_KEY')),
      'the cURL reads the key from the environment',
    );
    panel.receive({ type: 'copy-json' });
    clipboard.push(
      await waitFor(
        async () => {
          const t = await vscode.env.clipboard.readText();
          return t.startsWith('{') ? t : undefined;
        },
        10000,
        'the JSON on the clipboard',
      ),
    );

    const history = quickPick<vscode.QuickPickItem>(() => undefined);
    await withStubs({ showQuickPick: history.fn }, () => exec('telesign.showHistory'));
    assert.ok((history.seen[0] ?? []).length >= 3, 'history holds the lookups');

    assert.strictEqual(await quietly(() => exec('telesign.clearCredentials', { profile: SIM, confirm: false })), true);
    assert.strictEqual(
      await quietly(() => exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY })),
      true,
    );

    for (const p of openResultPanels()) {
      received.push(p.panel.webview.html, JSON.stringify(p.lastRendered), JSON.stringify(p.report ?? {}));
    }

    // In memory: outcomes, thrown errors, panel HTML/state/report, clipboard, history, settings.
    assertNoSecret(seen, 'returned outcomes');
    assertNoSecret(thrown, 'thrown errors');
    assertNoSecret(received, 'the panels (HTML, state, painted text)');
    assertNoSecret(clipboard, 'the clipboard');
    assertNoSecret(history.seen, 'history');
    assertNoSecret(vscode.workspace.getConfiguration().inspect('telesign'), 'telesign settings');

    // On disk: every file this run's VS Code wrote (logs incl. the Telesign output log, User/settings.json,
    // globalStorage, workspaceStorage, caches).
    await waitFor(() => readOutputLog().includes(SEEDED.fallback), 10000, 'the Output log to be flushed');
    sweepRunDir();
    for (const p of openResultPanels()) p.panel.dispose();
  });

  const recent = async (): Promise<string[]> => {
    const pick = quickPick<vscode.QuickPickItem>(() => undefined);
    await quietly(() => withStubs({ showQuickPick: pick.fn }, () => exec('telesign.showHistory')));
    return (pick.seen[0] ?? []).map((i) => i.label);
  };

  it('a workspace settings.json cannot wipe the global history (history.maxItems: 0)', async () => {
    world.sim.faults.clear();
    const earlier = await quietly(() => status({ referenceId: SEEDED.notAutoOtp, profile: DEMO, show: false }));
    assert.ok(earlier?.outcome.ok, JSON.stringify(earlier?.outcome));
    assert.ok((await recent()).includes(SEEDED.notAutoOtp), 'the earlier lookup is in history');
    await withWorkspaceSettings({ 'telesign.history.maxItems': 0, 'telesign.request.timeoutSeconds': 12 }, async () => {
      const shown = await quietly(() => status({ referenceId: SEEDED.autoOtp, profile: DEMO, show: false }));
      assert.ok(shown?.outcome.ok, JSON.stringify(shown?.outcome));
      const labels = await recent();
      assert.ok(labels.includes(SEEDED.notAutoOtp) && labels.includes(SEEDED.autoOtp), `history kept and recorded: [${labels.join(', ')}]`);
    });
  });

  it('a workspace settings.json cannot pick the endpoint, and so the host, of a lookup (defaultEndpoint)', async () => {
    world.sim.faults.clear();
    await withWorkspaceSettings({ 'telesign.defaultEndpoint': 'verification', 'telesign.request.timeoutSeconds': 11 }, async () => {
      const before = world.sim.requests.length;
      const shown = await quietly(() => status({ referenceId: SEEDED.autoOtp, profile: DEMO, show: false }));
      assert.strictEqual(shown?.outcome.request.endpoint, 'omnichannel', 'the endpoint comes from user settings');
      assert.deepStrictEqual(
        world.sim.requests.slice(before).map((r) => r.endpoint),
        ['omnichannel'],
      );
    });
  });

  it('answers echoing the key in every spelling (success and error, Basic and Digest, panel or not) leave it nowhere', async () => {
    // A hostile server: each answer holds every spelling from echoes.ts as values and keys, and a
    // description with newlines that would forge a line in the Telesign log.
    const forged = 'Delivered\n2099-01-01 00:00:00.000 [info] FORGED line';
    const echo = `{${ALL_ECHOES.map((n) => `${jsonLiteral(n)}:${jsonLiteral(n)}`).join(',')}}`;
    const server = http.createServer((req, res) => {
      const ok = !req.url?.includes('/EE');
      const body = ok
        ? `{"reference_id":"x","status":{"code":3000,"description":${JSON.stringify(forged)}},"echo":${echo},"external_id":${jsonLiteral(ALL_ECHOES[0])}}`
        : `{"status":{"code":3411,"description":${jsonLiteral(ALL_ECHOES[1])},"signature_string":${jsonLiteral(ALL_ECHOES[0])}},"echo":${echo}}`;
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cfg = vscode.workspace.getConfiguration('telesign');
    const profiles = cfg.inspect<unknown[]>('profiles')?.globalValue ?? [];
    const seen: unknown[] = [];
    try {
      await cfg.update(
        'profiles',
        [...profiles, { name: 'Echo basic', baseUrl: url, auth: 'basic' }, { name: 'Echo digest', baseUrl: url, auth: 'digest' }],
        vscode.ConfigurationTarget.Global,
      );
      for (const profile of ['Echo basic', 'Echo digest']) {
        assert.strictEqual(
          await quietly(() => exec('telesign.setCredentials', { profile, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY })),
          true,
        );
        for (const [ref, show] of [
          ['AA000000000000000000000000000001', true],
          ['EE000000000000000000000000000002', true],
          ['AA000000000000000000000000000003', false],
          ['EE000000000000000000000000000004', false],
        ] as const) {
          const r = await quietly(() => status({ referenceId: ref, profile, show }));
          assert.ok(r && r.outcome.ok === ref.startsWith('AA'), `${profile} ${ref}: ${JSON.stringify(r?.outcome).slice(0, 300)}`);
          seen.push(r);
        }
      }
      const panel = await waitFor(() => panelOf('AA000000000000000000000000000001'), 10000, 'the echo panel');
      panel.receive({ type: 'copy-json' });
      const json = await waitFor(
        async () => {
          const t = await vscode.env.clipboard.readText();
          return t.startsWith('{') && t.includes('FORGED') ? t : undefined;
        },
        10000,
        'the JSON on the clipboard',
      );
      const history = quickPick<vscode.QuickPickItem>(() => undefined);
      await withStubs({ showQuickPick: history.fn }, () => exec('telesign.showHistory'));
      const received = openResultPanels().flatMap((p) => [
        p.panel.webview.html,
        JSON.stringify(p.lastRendered),
        JSON.stringify(p.report ?? {}),
      ]);
      assertNoSecret(seen, 'command results');
      assertNoSecret(received, 'the panels');
      assertNoSecret(json, 'Copy JSON');
      assertNoSecret(history.seen, 'history');
      await waitFor(() => readOutputLog().includes('EE000000000000000000000000000004'), 10000, 'the Output log to be flushed');
      assert.ok(!/^\S+ \S+ \[info\] FORGED/m.test(readOutputLog()), 'no forged line in the Telesign log');
      for (const p of openResultPanels()) p.panel.dispose();
      sweepRunDir();
    } finally {
      await cfg.update('profiles', profiles, vscode.ConfigurationTarget.Global);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('a workspace settings.json pointing the stored-key profile at an attacker is ignored', async () => {
    world.sim.faults.clear();
    const evil = await attacker();
    const hostile = {
      'telesign.profiles': [
        { name: SIM, baseUrl: evil.url, auth: 'basic' },
        { name: 'Attacker', baseUrl: evil.url, auth: 'basic' },
      ],
      'telesign.activeProfile': SIM,
      'telesign.request.timeoutSeconds': 13,
    };
    try {
      await withWorkspaceSettings(hostile, async () => {
        await quietly(() => exec('telesign.setCredentials', { profile: SIM, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }));
        const before = world.sim.requests.length;
        const shown = await quietly(() => status({ referenceId: SEEDED.notAutoOtp, profile: SIM, show: false }));
        assert.ok(shown?.outcome.ok, JSON.stringify(shown?.outcome));
        assert.strictEqual(shown.profile.baseUrl, world.sim.url, 'the user profile');
        assert.strictEqual(world.sim.requests.length - before, 1, "the user profile's simulator got the request");
        const named = await quietly(() => status({ referenceId: SEEDED.notAutoOtp, profile: 'Attacker', show: false }));
        assert.ok(named && !named.outcome.ok, 'a profile only the workspace defines does not exist');
        assert.strictEqual(evil.connections(), 0, 'the attacker received nothing');
      });
    } finally {
      await evil.close();
    }
  });

  // Last in this block: the stored responses of every lookup above (echoes included) are kept and swept too.
  it('stored responses (files under globalStorageUri/transactions) and Show Request Sent hold no key and no OTP', async () => {
    world.sim.faults.clear();
    const tx = testHooks().transactions;
    assert.ok(tx, 'the Transactions view is registered');
    const cfg = vscode.workspace.getConfiguration('telesign');
    const profiles = cfg.inspect<unknown[]>('profiles')?.globalValue ?? [];
    const OTP = '50361'; // the simulator's OTP for SEEDED.autoOtp
    const started = Date.now() - 1000;
    try {
      await cfg.update(
        'profiles',
        [...profiles, { name: 'Sentinel digest', baseUrl: world.sim.url, auth: 'digest' }],
        vscode.ConfigurationTarget.Global,
      );
      for (const profile of [SIM, 'Sentinel digest']) {
        await quietly(() => exec('telesign.setCredentials', { profile, customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY }));
        const ok = await quietly(() => status({ referenceId: SEEDED.autoOtp, verifyCode: OTP, profile, show: false }));
        assert.ok(ok?.outcome.ok && ok.outcome.verify?.state === 'VALID', `${profile}: ${JSON.stringify(ok?.outcome)}`);
        world.sim.faults.next({ kind: 'error', error: 'invalid-key' });
        const auth = await quietly(() => status({ referenceId: SEEDED.autoOtp, verifyCode: OTP, profile, show: false }));
        assert.ok(auth && !auth.outcome.ok, `${profile}: the auth failure`);
        world.sim.faults.next({ kind: 'reset-before-body' }, 1);
        await quietly(() => status({ referenceId: SEEDED.autoOtp, verifyCode: OTP, profile, show: false }));
        world.sim.faults.clear();
      }
      const summaries = await waitFor(
        async () => {
          const l = await tx.store.summaries();
          // this test's six lookups with an OTP (earlier suites stored some of the same ID; writes are not awaited)
          return l.filter((s) => s.referenceId === SEEDED.autoOtp && s.otpSent && Date.parse(s.at) >= started).length >= 6 ? l : undefined;
        },
        10000,
        'the six lookups with an OTP stored',
      );
      const files = (await vscode.workspace.fs.readDirectory(tx.store.dir)).filter(([n]) => n.endsWith('.json'));
      assert.ok(
        files.length > summaries.length,
        `one file per stored lookup plus the index: ${files.length} files, ${summaries.length} lookups`,
      );
      const hits: string[] = [];
      for (const [name] of files) {
        // The store's count limit may drop an earlier suite's entry between the listing and the read (writes and
        // prunes are not awaited by lookups); a file that is gone holds nothing.
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(tx.store.dir, name)).then(
          (b) => b,
          (e: unknown) => {
            if (e instanceof vscode.FileSystemError && /NotFound/.test(e.code)) return undefined;
            throw e;
          },
        );
        if (!bytes) continue;
        const text = new TextDecoder().decode(bytes);
        if (findSentinel(text) !== undefined) hits.push(`${name} holds the key`);
        if (text.includes(OTP)) hits.push(`${name} holds the OTP`);
      }
      const views: string[] = [];
      // This test's own lookups: earlier suites' entries may be pruned by the count limit while it runs.
      for (const s of summaries.filter((x) => Date.parse(x.at) >= started)) {
        const view = await quietly(() => exec<string | undefined>('telesign.showRequestSent', { id: s.id }));
        assert.ok(view && /GET /.test(view), `the request view of ${s.id}: ${view}`);
        views.push(view);
        if (findSentinel(view) !== undefined) hits.push(`the request view of ${s.id} holds the key`);
        if (view.includes(OTP)) hits.push(`the request view of ${s.id} holds the OTP`);
      }
      assert.ok(
        views.some((v) => /string-to-sign/i.test(v)),
        'a Digest request view (its string-to-sign) is among them',
      );
      assert.ok(
        views.some((v) => /verify_code=/.test(v)),
        'a request that sent an OTP is among them (its value masked)',
      );
      assert.deepStrictEqual(hits, [], `swept ${files.length} stored files and ${views.length} request views`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      sweepRunDir();
    } finally {
      await cfg.update('profiles', profiles, vscode.ConfigurationTarget.Global);
      await quietly(() => exec('telesign.clearCredentials', { profile: 'Sentinel digest', confirm: false }));
    }
  });
});
