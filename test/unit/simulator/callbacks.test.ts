// The simulator's signed callbacks against a real receiver on 127.0.0.1: bodies, signatures, the retry
// schedule on the sim clock (frozen: time moves only when the test says), and each receiver failure.
import * as assert from 'assert';
import { parseCallback, verifyCallbackSignature } from '../../../src/core/callbacks';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { RETRY_DELAYS_MS } from '../../simulator/callbacks';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { closedPort } from '../../support/recordingServer';
import { ok, receiver, type Receiver } from '../../support/callbackReceiver';

const START = Date.parse('2025-01-01T00:00:00Z');

describe('simulator: signed callbacks', function () {
  this.timeout(15000);
  let sim: Simulator;
  let rx: Receiver;

  beforeEach(async () => {
    rx = await receiver();
    sim = await startSimulator({ clock: { startMs: START, frozen: true }, seed: false, callbacks: { url: rx.url, timeoutMs: 300 } });
  });
  afterEach(async () => {
    await sim.close();
    await rx.close();
  });

  it('posts each Messaging channel change, the final state and a read, signed in both headers', async () => {
    sim.addTransaction({
      referenceId: 'E0000000000000000000000000000001',
      channels: [
        { channel: 'viber', code: 3112, afterMs: 5000 },
        { channel: 'whatsapp', code: 3000, afterMs: 5000 },
      ],
      readAfterMs: 2000,
    });
    await sim.callbacks.settle();
    for (const ms of [5000, 5000, 2000]) {
      sim.clock.advance(ms);
      await sim.callbacks.settle();
    }
    const seen = rx.received.map((r) => {
      const p = parseCallback(r.body, r.headers);
      assert.ok(p.ok);
      const v = verifyCallbackSignature({ rawBody: r.body, headers: r.headers, credentials: DEMO_CREDENTIALS });
      assert.strictEqual(v.kind, 'valid', v.message);
      assert.strictEqual(r.headers.authorization, r.headers['x-ts-authorization']);
      assert.strictEqual(r.headers['content-type'], 'application/json');
      return `${p.callback.family}:${p.callback.status.code}:${p.callback.channels.map((c) => `${c.channel}=${c.code}`).join(',')}`;
    });
    assert.deepStrictEqual(seen, [
      'messaging-delivery:3001:viber=3001',
      'messaging-delivery:3001:viber=3112,whatsapp=3001',
      'messaging-delivery:3000:viber=3112,whatsapp=3000',
      'messaging-read:3005:',
    ]);
    assert.ok(sim.callbacks.list().every((d) => d.state === 'delivered' && d.attempts.length === 1 && d.attempts[0].status === 200));
  });

  it('posts Verify API state changes with inner_methods, and SMS Verify reports with code_state UNKNOWN', async () => {
    sim.addTransaction({
      referenceId: 'D0000000000000000000000000000009',
      endpoint: 'verification',
      progression: [
        { afterMs: 0, state: 'ONGOING' },
        { afterMs: 30000, state: 'VERIFIED' },
      ],
    });
    sim.addTransaction({ referenceId: 'B0000000000000000000000000000009', endpoint: 'verify', otp: '12345' });
    sim.clock.advance(30000);
    await sim.callbacks.settle();
    const parsed = rx.received.map((r) => {
      const p = parseCallback(r.body);
      assert.ok(p.ok);
      return p.callback;
    });
    const verifyApi = parsed.filter((c) => c.family === 'verify-api');
    assert.deepStrictEqual(
      verifyApi.map((c) => c.state),
      ['ONGOING', 'VERIFIED'],
    );
    assert.deepStrictEqual(
      verifyApi[1].innerMethods.map((m) => [m.method, m.state, m.errCode]),
      [['sms', 'VERIFIED', 3900]],
    );
    const smsVerify = parsed.filter((c) => c.family === 'sms-verify-delivery');
    assert.deepStrictEqual(
      smsVerify.map((c) => [c.status.code, c.verify?.codeState]),
      [
        [290, 'UNKNOWN'],
        [200, 'UNKNOWN'],
      ],
    );
  });

  it('sends inbound messages, template reviews and bulk SMS on demand through the admin API', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${sim.url}/_sim/callbacks`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    for (const body of [
      { kind: 'inbound', channel: 'whatsapp', text: 'STOP please' },
      { kind: 'inbound', text: 'Start', keyword: 'start', action: 'start' },
      { kind: 'template', code: 3852 },
      { kind: 'bulk-sms', code: 286 },
    ]) {
      assert.strictEqual((await post(body)).status, 201);
    }
    await sim.callbacks.settle();
    const got = rx.received.map((r) => {
      const p = parseCallback(r.body);
      assert.ok(p.ok);
      return [p.callback.family, p.callback.status.code, p.callback.inbound?.channel ?? '', p.callback.text(true) ?? ''];
    });
    assert.deepStrictEqual(got, [
      ['inbound', 1500, 'whatsapp', 'STOP please'],
      ['inbound', 1500, 'sms', 'Start'],
      ['template-review', 3852, '', ''],
      ['bulk-sms', 286, '', ''],
    ]);
    const bad = await post({ kind: 'inbound', channel: 'pigeon' });
    assert.strictEqual(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /"channel" must be one of sms, rcs/);
  });

  it('retries a 500 on the documented schedule, then succeeds; the admin API lists attempts and answers', async () => {
    rx.behave((res, _s, i) => {
      res.writeHead(i < 2 ? 500 : 200, { 'Content-Type': 'text/plain' });
      res.end(i < 2 ? `boom ${i}` : 'thanks');
    });
    sim.callbacks.send('inbound', { reference_id: 'F0000000000000000000000000000001', status: { code: 1500 } });
    await sim.callbacks.settle();
    assert.strictEqual(rx.received.length, 1);
    sim.clock.advance(RETRY_DELAYS_MS[0] - 1);
    await sim.callbacks.settle();
    assert.strictEqual(rx.received.length, 1, 'no retry before the delay has passed');
    sim.clock.advance(1);
    await sim.callbacks.settle();
    assert.strictEqual(rx.received.length, 2);
    sim.clock.advance(RETRY_DELAYS_MS[1]);
    await sim.callbacks.settle();
    const listed = (await (await fetch(`${sim.url}/_sim/callbacks`)).json()) as {
      retryDelaysMs: number[];
      deliveries: Array<{ state: string; attempts: Array<{ n: number; at: string; status: number; answer: string }> }>;
    };
    assert.deepStrictEqual(listed.retryDelaysMs, [10000, 30000, 60000, 300000, 900000]);
    const d = listed.deliveries[0];
    assert.strictEqual(d.state, 'delivered');
    assert.deepStrictEqual(
      d.attempts.map((a) => [a.n, a.at, a.status, a.answer]),
      [
        [1, '2025-01-01T00:00:00.000Z', 500, 'boom 0'],
        [2, '2025-01-01T00:00:10.000Z', 500, 'boom 1'],
        [3, '2025-01-01T00:00:40.000Z', 200, 'thanks'],
      ],
    );
    // Every attempt carries a valid signature over the same bytes.
    assert.ok(
      rx.received.every(
        (r) => verifyCallbackSignature({ rawBody: r.body, headers: r.headers, credentials: DEMO_CREDENTIALS }).kind === 'valid',
      ),
    );
    assert.ok(rx.received.every((r) => r.body.equals(rx.received[0].body)));
  });

  it('gives up after six attempts when the receiver hangs (per-attempt timeout)', async () => {
    rx.behave(() => undefined); // never answers
    sim.callbacks.send('template-review', { reference_id: 'F0000000000000000000000000000002', status: { code: 3850 } });
    await sim.callbacks.settle();
    for (const delay of RETRY_DELAYS_MS) {
      sim.clock.advance(delay);
      await sim.callbacks.settle();
    }
    const [d] = sim.callbacks.list();
    assert.strictEqual(d.state, 'failed');
    assert.deepStrictEqual(
      d.attempts.map((a) => a.error),
      Array(6).fill('timeout'),
    );
    assert.ok(
      d.attempts.every((a) => a.realMs >= 250 && a.realMs < 3000),
      JSON.stringify(d.attempts.map((a) => a.realMs)),
    );
    assert.strictEqual(rx.received.length, 6);
  });

  it('records a connection reset, then delivers on the retry', async () => {
    rx.behave((res, socket, i) => (i === 0 ? socket.resetAndDestroy() : ok(res, socket, i)));
    sim.callbacks.send('bulk-sms', { reference_id: 'F0000000000000000000000000000003', status: { code: 200 } });
    await sim.callbacks.settle();
    sim.clock.advance(RETRY_DELAYS_MS[0]);
    await sim.callbacks.settle();
    const [d] = sim.callbacks.list();
    assert.deepStrictEqual(
      d.attempts.map((a) => a.error ?? a.status),
      ['connection-reset', 200],
    );
    assert.strictEqual(d.state, 'delivered');
  });

  it('records a receiver that is down as connection-refused and keeps retrying', async () => {
    const port = await closedPort();
    sim.callbacks.send(
      'inbound',
      { reference_id: 'F0000000000000000000000000000004', status: { code: 1500 } },
      `http://127.0.0.1:${port}/cb`,
    );
    await sim.callbacks.settle();
    sim.clock.advance(RETRY_DELAYS_MS[0]);
    await sim.callbacks.settle();
    const [d] = sim.callbacks.list();
    assert.deepStrictEqual(
      d.attempts.map((a) => a.error),
      ['connection-refused', 'connection-refused'],
    );
    assert.strictEqual(d.state, 'pending');
    assert.strictEqual(d.nextAttemptAt, '2025-01-01T00:00:40.000Z');
  });

  it('per-transaction URLs win; only loopback http targets are accepted', async () => {
    const other = await receiver();
    try {
      sim.addTransaction({ referenceId: 'C0000000000000000000000000000009', endpoint: 'messaging', callbackUrl: other.url });
      await sim.callbacks.settle();
      assert.strictEqual(other.received.length, 1);
      assert.strictEqual(rx.received.length, 0);
    } finally {
      await other.close();
    }
    assert.throws(() => sim.callbacks.setUrl('https://example.com/cb'), /must be http:\/\//);
    assert.throws(() => sim.callbacks.setUrl('http://192.0.2.1/cb'), /never sends off this machine/);
    const res = await fetch(`${sim.url}/_sim/transactions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ callbackUrl: 'http://10.0.0.1/cb' }),
    });
    assert.strictEqual(res.status, 400);
  });

  it('a transaction created before any URL sends nothing until one is set, then only new changes', async () => {
    await sim.close();
    sim = await startSimulator({ clock: { startMs: START, frozen: true }, seed: false });
    sim.addTransaction({ referenceId: 'A1000000000000000000000000000001', channels: [{ channel: 'sms', code: 3000, afterMs: 10000 }] });
    sim.clock.advance(1000);
    const set = await fetch(`${sim.url}/_sim/callbacks/url`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: rx.url }),
    });
    assert.strictEqual(set.status, 200);
    sim.clock.advance(9000);
    await sim.callbacks.settle();
    const codes = rx.received.map((r) => JSON.parse(r.body.toString('utf8')).status.code as number);
    assert.deepStrictEqual(codes, [3000]);
  });
});
