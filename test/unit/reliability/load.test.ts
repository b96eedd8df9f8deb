// 50 lookups at once against one simulator, mixed outcomes (success, 429 retried, 404 expired, 401): each
// outcome belongs to its own request, with no cross-talk between concurrent connections or retries.
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import type { ClientOptions, Credentials, LookupOutcome } from '../../../src/core/telesign/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';
import { FakeClock } from '../../support/reliabilityClock';

type Plan = 'success' | 'rate-limited-then-ok' | 'expired' | 'unauthorized';
const PLANS: readonly Plan[] = ['success', 'rate-limited-then-ok', 'expired', 'unauthorized'];
const good: Credentials = { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY };
const wrong: Credentials = { customerId: CUSTOMER_ID, apiKey: Buffer.from('not the key the simulator knows').toString('base64') };

const ref = (): string => randomBytes(16).toString('hex').toUpperCase();

describe('reliability: 50 concurrent lookups (client level)', function () {
  this.timeout(20000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ port: 0 });
    sim.addCustomer({ customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY });
  });
  after(() => sim.close());

  it('each outcome matches its request; retries and failures do not bleed into neighbours', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown): void => void unhandled.push(r);
    process.on('unhandledRejection', onUnhandled);
    try {
      const jobs = Array.from({ length: 50 }, (_, i) => {
        const plan = PLANS[i % PLANS.length];
        const referenceId = ref();
        // Each live transaction gets its own external ID, so a body meant for another request would show.
        if (plan !== 'expired') {
          sim.addTransaction({ referenceId, externalId: `job-${i}`, channels: [{ channel: 'sms', code: 3000, afterMs: 0 }] });
        }
        if (plan === 'rate-limited-then-ok') {
          sim.faults.rule({
            path: `/v1/omnichannel/${referenceId}`,
            fault: { kind: 'error', error: 'rate-limited', retryAfter: 1 },
            times: 2,
          });
        }
        return { i, plan, referenceId };
      });
      const clocks = jobs.map(() => new FakeClock());
      const options = (i: number): ClientOptions => ({
        userAgent: 'TelesignInspector/load',
        timeoutMs: 5000,
        maxRetries: 3,
        clock: clocks[i],
        random: () => 0.5,
      });
      const outcomes: LookupOutcome[] = await Promise.all(
        jobs.map((j) =>
          getTransactionStatus(
            { baseUrl: sim.url, auth: 'basic' },
            j.plan === 'unauthorized' ? wrong : good,
            { endpoint: 'omnichannel', referenceId: j.referenceId },
            options(j.i),
          ),
        ),
      );
      await new Promise((r) => setImmediate(r));
      assert.deepStrictEqual(unhandled, []);

      outcomes.forEach((o, k) => {
        const j = jobs[k];
        const what = `job ${j.i} (${j.plan})`;
        assert.strictEqual(o.referenceId, j.referenceId, `${what}: reference ID`);
        assert.ok(o.request.url.endsWith(`/v1/omnichannel/${j.referenceId}`), `${what}: request URL`);
        assertNoSecret(o, what);
        switch (j.plan) {
          case 'success':
          case 'rate-limited-then-ok': {
            assert.ok(o.ok, `${what}: ${o.ok ? '' : o.error.message}`);
            assert.strictEqual((o.raw as { reference_id?: unknown }).reference_id, j.referenceId, `${what}: body is its own`);
            assert.strictEqual(o.externalId, `job-${j.i}`, `${what}: external id`);
            assert.strictEqual(o.attempts, j.plan === 'success' ? 1 : 3, `${what}: attempts`);
            assert.deepStrictEqual(clocks[k].sleeps, j.plan === 'success' ? [] : [1000, 1000], `${what}: waits`);
            break;
          }
          case 'expired':
            assert.ok(!o.ok && o.error.kind === 'expired', `${what}: ${JSON.stringify(o.ok ? o.status : o.error)}`);
            break;
          case 'unauthorized':
            assert.ok(!o.ok && o.error.kind === 'auth' && o.error.code === 3411, `${what}: ${JSON.stringify(o.ok ? o.status : o.error)}`);
            assert.strictEqual(o.attempts, 1);
            break;
        }
      });
      // Every request reached the simulator exactly as planned: 50 first attempts + 2 retries per 429 job.
      const retried = jobs.filter((j) => j.plan === 'rate-limited-then-ok').length;
      assert.strictEqual(sim.requests.length, 50 + 2 * retried);
    } finally {
      process.removeListener('unhandledRejection', onUnhandled);
    }
  });
});
