// Time-driven behaviour on the sim clock: 12-hour expiry, status progression, OTP validity and
// attempts, rate limiting. No sleeps: the tests move the clock.
import * as assert from 'assert';
import { createSimClock } from '../../simulator/clock';
import { SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { STATUS_WINDOW_MS } from '../../simulator/transactions';
import { getJson } from '../../support/simulatorRequests';

const START = Date.parse('2025-06-01T08:00:00Z');

describe('simulator: sim clock', () => {
  it('real-time clocks move with real time plus any offset; frozen ones only when told', () => {
    const real = createSimClock({ startMs: 1_000_000 });
    assert.ok(real.now() >= 1_000_000 && real.now() < 1_000_000 + 5_000);
    assert.ok(real.advance(60_000) >= 1_060_000);
    const frozen = createSimClock({ startMs: 5_000, frozen: true });
    assert.strictEqual(frozen.now(), 5_000);
    assert.strictEqual(frozen.advance(250), 5_250);
    assert.strictEqual(frozen.set(42), 42);
    assert.throws(() => frozen.advance(Number.NaN));
  });

  describe('driving the server', () => {
    let sim: Simulator;
    before(async () => {
      sim = await startSimulator({ clock: { startMs: START, frozen: true } });
    });
    after(() => sim.close());
    beforeEach(() => {
      sim.clock.set(START);
      sim.reset();
    });

    it('in progress (3001) until 60 s of sim time, then Delivered (3000) with the channel reference', async () => {
      sim.clock.advance(59_999);
      assert.strictEqual((await getJson(sim, `/v1/omnichannel/${SEEDED.inProgress}`)).body.status.code, 3001);
      sim.clock.advance(1);
      const done = (await getJson(sim, `/v1/omnichannel/${SEEDED.inProgress}`)).body;
      assert.strictEqual(done.status.code, 3000);
      assert.strictEqual(done.status.updated_on, '2025-06-01T08:01:00.000000Z');
      assert.match(done.channel_status[0].sms.reference_id, /^[0-9A-F]{32}$/);
    });

    it('channel fallback: viber in progress, viber 3112 then whatsapp in progress, then whatsapp 3000', async () => {
      const at = async (ms: number): Promise<[number, string, [string, number][]]> => {
        sim.clock.set(START + ms);
        const b = (await getJson(sim, `/v1/omnichannel/${SEEDED.fallback}`)).body;
        return [
          b.status.code,
          b.status.last_channel,
          b.channel_status.map((c: Record<string, { code: number }>) => [Object.keys(c)[0], Object.values(c)[0].code]),
        ];
      };
      assert.deepStrictEqual(await at(0), [3001, 'viber', [['viber', 3001]]]);
      assert.deepStrictEqual(await at(10_000), [
        3001,
        'whatsapp',
        [
          ['viber', 3112],
          ['whatsapp', 3001],
        ],
      ]);
      assert.deepStrictEqual(await at(30_000), [
        3000,
        'whatsapp',
        [
          ['viber', 3112],
          ['whatsapp', 3000],
        ],
      ]);
    });

    it('failed delivery ends in 3003', async () => {
      sim.clock.advance(5_000);
      const b = (await getJson(sim, `/v1/omnichannel/${SEEDED.failed}`)).body;
      assert.deepStrictEqual([b.status.code, b.status.description], [3003, 'Delivery error']);
    });

    it('a transaction is served for 12 hours, then answers 404 -10004', async () => {
      // The published example was created 5 minutes before start.
      sim.clock.advance(STATUS_WINDOW_MS - 5 * 60_000);
      assert.strictEqual((await getJson(sim, `/v1/omnichannel/${SEEDED.notAutoOtp}`)).status, 200);
      sim.clock.advance(5 * 60_000 + 1);
      const gone = await getJson(sim, `/v1/omnichannel/${SEEDED.notAutoOtp}`);
      assert.deepStrictEqual([gone.status, gone.body.status.code], [404, -10004]);
      const v = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`);
      assert.deepStrictEqual([v.status, v.body.errors[0].code, v.body.status.code], [404, -10004, 599]);
      const m = await getJson(sim, `/v1/messaging/${SEEDED.messaging}`);
      assert.deepStrictEqual([m.status, m.body.status.code], [404, 10036]);
    });

    it('messaging 290 → 200, verification ONGOING → VERIFIED, call 103 → 100', async () => {
      sim.clock.advance(30_000);
      assert.strictEqual((await getJson(sim, `/v1/messaging/${SEEDED.messaging}`)).body.status.code, 200);
      assert.strictEqual((await getJson(sim, `/verification/${SEEDED.verification}`)).body.state, 'VERIFIED');
      assert.strictEqual((await getJson(sim, `/v1/verify/${SEEDED.verifyCall}`)).body.status.code, 100);
    });

    it('verify: a code asserted after the validity period is EXPIRED; before it, VALID', async () => {
      const tx = sim.addTransaction({ endpoint: 'verify', otp: '4711', validityMs: 5 * 60_000 });
      const path = `/v1/verify/${tx.referenceId}?verify_code=4711`;
      sim.clock.advance(5 * 60_000);
      assert.strictEqual((await getJson(sim, path)).body.verify.code_state, 'VALID');
      sim.clock.advance(1);
      assert.deepStrictEqual((await getJson(sim, path)).body.verify, { code_state: 'EXPIRED', code_entered: '4711' });
    });

    it('verify: N wrong codes, then MAX_ATTEMPTS_EXCEEDED even for the right one; reset restores', async () => {
      const tx = sim.addTransaction({ referenceId: 'E0000000000000000000000000000003', endpoint: 'verify', otp: '4711', maxAttempts: 2 });
      const base = `/v1/verify/${tx.referenceId}?verify_code=`;
      assert.strictEqual((await getJson(sim, base + '1')).body.verify.code_state, 'INVALID');
      assert.strictEqual((await getJson(sim, base + '2')).body.verify.code_state, 'INVALID');
      assert.strictEqual((await getJson(sim, base + '4711')).body.verify.code_state, 'MAX_ATTEMPTS_EXCEEDED');
      assert.strictEqual(sim.transactions().find((t) => t.referenceId === tx.referenceId)?.wrongAttempts, 2);
      sim.reset();
      const again = await getJson(sim, `/v1/verify/${SEEDED.verifySmsMaxAttempts}?verify_code=22222`);
      assert.strictEqual(again.body.verify.code_state, 'MAX_ATTEMPTS_EXCEEDED');
      assert.strictEqual((await getJson(sim, base + '4711')).status, 404, 'added transactions are gone after reset');
    });
  });

  describe('rate limiting', () => {
    let sim: Simulator;
    const SENTINEL = {
      customerId: 'RATE-TEST',
      apiKey: 'cmF0ZS10ZXN0LWtleQ==',
      rateLimit: { requests: 1, windowMs: 10_000, retryAfter: true },
    };
    before(async () => {
      sim = await startSimulator({
        clock: { startMs: START, frozen: true },
        rateLimit: { requests: 3, windowMs: 1_000 },
        customers: [SENTINEL],
      });
    });
    after(() => sim.close());

    it('per customer, per window of sim time, with the family codes and no Retry-After by default', async () => {
      const path = `/v1/omnichannel/${SEEDED.autoOtp}`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await getJson(sim, path)).status);
      assert.deepStrictEqual(statuses, [200, 200, 200, 429]);
      const limited = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`);
      assert.deepStrictEqual([limited.status, limited.body.errors[0].code, limited.res.headers.get('retry-after')], [429, -40007, null]);
      assert.strictEqual((await getJson(sim, `/v1/messaging/${SEEDED.messaging}`)).body.status.code, 10019);
      assert.strictEqual((await getJson(sim, path, { credentials: SENTINEL })).status, 200, 'another customer has its own window');
      sim.clock.advance(1_000);
      assert.strictEqual((await getJson(sim, path)).status, 200);
    });

    it('a customer override with Retry-After counts down the window', async () => {
      sim.clock.advance(60_000);
      const path = `/verification/${SEEDED.verification}`;
      assert.strictEqual((await getJson(sim, path, { credentials: SENTINEL })).status, 200);
      sim.clock.advance(2_500);
      const r = await getJson(sim, path, { credentials: SENTINEL });
      assert.deepStrictEqual([r.status, r.body.status.code, r.res.headers.get('retry-after')], [429, 3204, '8']);
    });
  });
});
