// Callbacks in the real extension host: the simulator posts signed callbacks of every family to the listener,
// which forwards them byte-exact to a test app on 127.0.0.1 and keeps them with their verdicts; tampered
// bodies and wrong keys get the right verdicts; Send Test Callback reaches the app signed; an app off this
// machine needs a confirmation and a workspace cannot choose the target. No key in any result.
import * as assert from 'assert';
import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { signCallback, verifyCallbackSignature } from '../../src/core/callbacks';
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import { startSimulator } from '../simulator/server';
import type { Simulator } from '../simulator/server';
import { SENTINEL_KEY } from '../support/sentinel';
import { waitFor, withStub, withWorkspaceSettings } from '../support/extensionHost';
import { exec, SIM, startWorld, type World } from '../support/lookupHarness';

interface Got {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
interface Summary {
  id: number;
  family: string;
  referenceId?: string;
  statusCode: number | null;
  statusMeaning?: string;
  signature: { kind: string; reason?: string; message: string };
  forward?: { status?: number; error?: string; ms: number } | 'pending';
}

async function testApp(): Promise<{ server: Server; url: string; got: Got[] }> {
  const got: Got[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/telesign/callbacks`, got };
}

const post = (url: string, body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers });
const noKey = (v: unknown, what: string) =>
  assert.ok(!JSON.stringify(v).includes(DEMO_CREDENTIALS.apiKey) && !JSON.stringify(v).includes(SENTINEL_KEY), `${what} holds a key`);

describe('callbacks: listener, view, test callbacks, signatures', function () {
  this.timeout(60_000);
  let world: World;
  let app: Awaited<ReturnType<typeof testApp>>;
  let sim: Simulator;

  before(async () => {
    world = await startWorld();
    app = await testApp();
    sim = await startSimulator({ port: 0, seed: false, clock: { frozen: true } });
  });
  after(async () => {
    await exec('telesign.stopCallbackListener');
    await sim.close();
    app.server.close();
    await world.restore();
  });
  beforeEach(async () => {
    await exec('telesign.clearCallbacks');
    app.got.length = 0;
  });

  it('simulator → listener → app for every family: byte-exact, signed, answered, kept newest first', async () => {
    const started = await exec<{ listening: boolean; url: string; forwardTo: string }>('telesign.startCallbackListener', {
      port: 0,
      forwardTo: app.url,
    });
    assert.strictEqual(started.listening, true);
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    sim.callbacks.setUrl(started.url);
    sim.addTransaction({
      referenceId: 'E0000000000000000000000000000001',
      channels: [
        { channel: 'viber', code: 3112, afterMs: 1000 },
        { channel: 'sms', code: 3000, afterMs: 1000 },
      ],
      readAfterMs: 500,
    });
    sim.addTransaction({ referenceId: 'B0000000000000000000000000000001', endpoint: 'verify', otp: '12345' });
    sim.addTransaction({ referenceId: 'B0000000000000000000000000000002', endpoint: 'verify', subResource: 'call' });
    sim.addTransaction({ referenceId: 'C0000000000000000000000000000001', endpoint: 'messaging' });
    sim.addTransaction({
      referenceId: 'D0000000000000000000000000000001',
      endpoint: 'verification',
      progression: [
        { afterMs: 0, state: 'ONGOING' },
        { afterMs: 30000, state: 'VERIFIED' },
      ],
    });
    for (const kind of [
      { kind: 'inbound', channel: 'sms', text: 'STOP now', phoneNumber: '15555550199' },
      { kind: 'template', code: 3852 },
      { kind: 'bulk-sms', code: 286 },
    ]) {
      assert.strictEqual(
        (await post(`${sim.url}/_sim/callbacks`, JSON.stringify(kind), { 'Content-Type': 'application/json' })).status,
        201,
      );
    }
    for (const ms of [0, 1000, 1000, 500, 30000]) {
      sim.clock.advance(ms);
      await sim.callbacks.settle();
    }
    const deliveries = sim.callbacks.list();
    assert.ok(deliveries.length >= 12, `deliveries: ${deliveries.length}`);
    assert.ok(
      deliveries.every((d) => d.state === 'delivered' && d.attempts[0].status === 200),
      'the sender saw the app’s 200',
    );
    // The app got every body byte-exact with both signature headers, each verifying with the sender's key.
    assert.strictEqual(app.got.length, deliveries.length);
    for (const d of deliveries) {
      const g = app.got.find((x) => x.body.toString('utf8') === d.body);
      assert.ok(g, `the app got delivery ${d.id} (${d.family}) byte-exact`);
      assert.strictEqual(g.url, '/telesign/callbacks');
      assert.strictEqual(g.headers.authorization, g.headers['x-ts-authorization']);
      assert.strictEqual(verifyCallbackSignature({ rawBody: g.body, headers: g.headers, credentials: DEMO_CREDENTIALS }).kind, 'valid');
    }
    const list = await waitFor(
      async () => {
        const l = await exec<Summary[]>('telesign.listCallbacks');
        return l.length === deliveries.length && l.every((s) => s.forward !== 'pending') ? l : undefined;
      },
      10_000,
      'every callback kept and answered',
    );
    assert.deepStrictEqual(
      new Set(list.map((s) => s.family)),
      new Set([
        'messaging-delivery',
        'messaging-read',
        'sms-verify-delivery',
        'voice-verify-delivery',
        'sms-delivery',
        'verify-api',
        'inbound',
        'template-review',
        'bulk-sms',
      ]),
    );
    assert.ok(
      list.every((s) => s.signature.kind === 'valid'),
      JSON.stringify(list.map((s) => s.signature)),
    );
    assert.ok(list.every((s) => typeof s.forward === 'object' && s.forward.status === 200));
    assert.deepStrictEqual(
      list.map((s) => s.id),
      list.map((s) => s.id).sort((a, b) => b - a),
      'newest first',
    );
    const read = list.find((s) => s.family === 'messaging-read');
    assert.strictEqual(read?.statusCode, 3005);
    assert.ok(read?.statusMeaning, 'the status code has a meaning');
    const template = list.find((s) => s.family === 'template-review');
    assert.match(template?.statusMeaning ?? '', /reject/i, 'template review 3852 explained as a template code');
    noKey(list, 'listCallbacks');

    // Opening an inbound one: masked by default, revealed on request, with the explanation and the verdict.
    const inbound = list.find((s) => s.family === 'inbound')!;
    await exec('telesign.openCallback', { id: inbound.id });
    const doc = await waitFor(() =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'telesign-callback' ? vscode.window.activeTextEditor.document : undefined,
    );
    assert.match(doc.getText(), /Signature: signature valid/);
    assert.match(doc.getText(), /1500/);
    assert.ok(!doc.getText().includes('STOP now') && !doc.getText().includes('15555550199'), 'masked by default');
    await exec('telesign.toggleCallbackReveal', { reveal: true });
    await waitFor(() => doc.getText().includes('STOP now'), 5000, 'revealed text');
    await exec('telesign.toggleCallbackReveal', { reveal: false });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Replay sends the same bytes again; Look up asks the status endpoint of its family.
    const before = app.got.length;
    const replay = await exec<{ status: number }>('telesign.replayCallback', { id: read.id, url: app.url });
    assert.strictEqual(replay.status, 200);
    assert.strictEqual(app.got[before].body.toString('utf8'), deliveries.find((d) => d.family === 'messaging-read')!.body);
    world.sim.addTransaction({ referenceId: 'C0000000000000000000000000000001', endpoint: 'messaging' });
    const sms = list.find((s) => s.family === 'sms-delivery')!;
    const looked = await exec<{ outcome: { ok: boolean; request: { endpoint: string }; referenceId: string } }>('telesign.lookupCallback', {
      id: sms.id,
      show: false,
    });
    assert.deepStrictEqual(
      [looked.outcome.ok, looked.outcome.request.endpoint, looked.outcome.referenceId],
      [true, 'messaging', 'C0000000000000000000000000000001'],
    );
    const curl = await exec<string>('telesign.copyCallbackAsCurl', { id: sms.id });
    assert.match(curl, /\$TELESIGN_API_KEY/);
    noKey(curl, 'the cURL');
    assert.strictEqual(await vscode.env.clipboard.readText(), curl);
  });

  it('a tampered body, a wrong key and no credentials get their verdicts, in the view and from the command', async () => {
    const { url } = await exec<{ url: string }>('telesign.startCallbackListener', { port: 0, forwardTo: '' });
    const body =
      '{"reference_id":"E0000000000000000000000000000002","status":{"code":3000,"description":"Delivered","last_channel":"sms","updated_on":"2025-01-01T00:00:00Z"},"channel_status":[]}';
    const signed = signCallback(DEMO_CREDENTIALS, body);
    await post(url, body.replace('3000', '3003'), signed);
    await post(url, body, signCallback({ customerId: DEMO_CREDENTIALS.customerId, apiKey: SENTINEL_KEY }, body));
    await post(url, JSON.stringify(JSON.parse(body), null, 2), signed);
    await post(url, body, { 'Content-Type': 'application/json' });
    const list = await waitFor(async () => {
      const l = await exec<Summary[]>('telesign.listCallbacks');
      return l.length === 4 ? l : undefined;
    });
    assert.deepStrictEqual(list.map((s) => [s.signature.kind, s.signature.reason]).reverse(), [
      ['invalid', 'no-match'],
      ['invalid', 'no-match'],
      ['invalid', 'body-reserialised'],
      ['unsigned', undefined],
    ]);
    const tampered = await exec<{ kind: string; reason: string }>('telesign.verifyCallbackSignature', {
      body: body.replace('3000', '3003'),
      authorization: signed.Authorization,
      show: false,
    });
    assert.deepStrictEqual([tampered.kind, tampered.reason], ['invalid', 'no-match']);
    const whole = await exec<{ kind: string; reason: string }>('telesign.verifyCallbackSignature', {
      body,
      signature: signed.Authorization,
      show: false,
    });
    assert.deepStrictEqual([whole.kind, whole.reason], ['invalid', 'whole-header']);
    const ok = await exec<{ kind: string }>('telesign.verifyCallbackSignature', { body, headers: signed, show: false });
    assert.strictEqual(ok.kind, 'valid');
    await vscode.workspace.getConfiguration('telesign').update('activeProfile', SIM, vscode.ConfigurationTarget.Global);
    try {
      const none = await exec<{ kind: string }>('telesign.verifyCallbackSignature', { body, headers: signed, show: false });
      assert.strictEqual(none.kind, 'no-credentials');
    } finally {
      await vscode.workspace.getConfiguration('telesign').update('activeProfile', 'Sim demo', vscode.ConfigurationTarget.Global);
    }
    noKey([list, tampered, whole, ok], 'verdicts');
  });

  it('Send Test Callback reaches the app signed with the profile’s key and returns its answer', async () => {
    const r = await exec<{ status: number; referenceId: string; body: string; customerId: string }>('telesign.sendTestCallback', {
      kind: 'inbound',
      referenceId: '0123456789ABCDEF0123456789ABCDEF',
      url: app.url,
    });
    assert.strictEqual(r.status, 200);
    assert.strictEqual(app.got.length, 1);
    const g = app.got[0];
    assert.strictEqual(g.body.toString('utf8'), r.body);
    assert.strictEqual(verifyCallbackSignature({ rawBody: g.body, headers: g.headers, credentials: DEMO_CREDENTIALS }).kind, 'valid');
    assert.strictEqual(r.customerId, DEMO_CREDENTIALS.customerId);
    noKey(r, 'the result');
    await assert.rejects(
      Promise.resolve(exec('telesign.sendTestCallback', { kind: 'pigeon', referenceId: r.referenceId, url: app.url })),
      /Unknown callback kind/,
    );
  });

  it('a busy port says so; an app off this machine needs a confirmation; a workspace cannot set the target', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const busy = await withStub(
        'showErrorMessage',
        () => Promise.resolve(undefined),
        () => exec<{ listening: boolean; error: string }>('telesign.startCallbackListener', { port }),
      );
      assert.strictEqual(busy.listening, false);
      assert.match(busy.error, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use.*telesign\\.callbacks\\.port`));
    } finally {
      blocker.close();
    }
    const asked: string[] = [];
    const refused = await withStub(
      'showWarningMessage',
      (m: string) => (asked.push(m), Promise.resolve(undefined)),
      () => exec<{ listening: boolean }>('telesign.startCallbackListener', { port: 0, forwardTo: 'https://app.example.com/cb' }),
    );
    assert.strictEqual(refused.listening, false);
    assert.match(asked[0], /app\.example\.com.*not on this machine/);
    const confirmed = await withStub(
      'showWarningMessage',
      () => Promise.resolve('Send There'),
      () =>
        exec<{ listening: boolean; forwardTo: string }>('telesign.startCallbackListener', {
          port: 0,
          forwardTo: 'https://app.example.com/cb',
        }),
    );
    assert.deepStrictEqual([confirmed.listening, confirmed.forwardTo], [true, 'https://app.example.com/cb']);
    await withWorkspaceSettings(
      { 'telesign.callbacks.forwardTo': 'http://127.0.0.1:1/evil', 'telesign.callbacks.port': 1, 'telesign.request.timeoutSeconds': 7 },
      async () => {
        const r = await exec<{ listening: boolean; forwardTo?: string; port: number }>('telesign.startCallbackListener', {});
        // The documented default port, not the workspace's (8788 may be taken by another listener on this machine).
        if (!r.listening) return assert.match((r as unknown as { error: string }).error, /Port 8788 /);
        assert.strictEqual(r.forwardTo, undefined, 'the workspace value is ignored');
        assert.strictEqual(r.port, 8788);
      },
    );
    assert.strictEqual((await exec<{ stopped: boolean }>('telesign.stopCallbackListener')).stopped, true);
    assert.strictEqual((await exec<{ stopped: boolean }>('telesign.stopCallbackListener')).stopped, false, 'already stopped');
  });
});
