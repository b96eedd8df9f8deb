// Every documented response of the seed page (GET /v1/omnichannel/{reference_id}) through the real
// client against the running simulator, with Basic and with Digest, plus the sibling endpoints.
import * as assert from 'assert';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import type {
  AuthMethod,
  ClientOptions,
  Clock,
  Credentials,
  LookupFailure,
  LookupOutcome,
  LookupRequest,
  LookupSuccess,
} from '../../../src/core/telesign/types';
import { NO_OMNICHANNEL_CUSTOMER, SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';

const SENTINEL: Credentials = { customerId: 'SENTINEL-CLIENT-0002', apiKey: Buffer.from('client-sentinel-secret-9c1e').toString('base64') };

/** Back-off waits pass instantly; the sim clock stays real so Digest dates line up with it. */
const instantClock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() };

function options(extra: Partial<ClientOptions> = {}): ClientOptions {
  return { userAgent: 'TelesignInspector/test', timeoutMs: 3_000, maxRetries: 0, clock: instantClock, ...extra };
}

function assertClean(outcome: LookupOutcome): void {
  const text = JSON.stringify(outcome);
  assert.ok(!text.includes(SENTINEL.apiKey), 'the API key leaked into the outcome');
  assert.ok(!text.includes(Buffer.from(SENTINEL.apiKey, 'base64').toString()), 'the decoded key leaked into the outcome');
}

describe('simulator + real client: every documented response of the seed page', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ customers: [SENTINEL] });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  async function lookup(
    auth: AuthMethod,
    request: Partial<LookupRequest> & { referenceId: string },
    creds: Credentials = SENTINEL,
    extra: Partial<ClientOptions> = {},
  ): Promise<LookupOutcome> {
    const outcome = await getTransactionStatus({ baseUrl: sim.url, auth }, creds, { endpoint: 'omnichannel', ...request }, options(extra));
    assertClean(outcome);
    return outcome;
  }
  const ok = (o: LookupOutcome): LookupSuccess => {
    assert.ok(o.ok, `expected success, got ${JSON.stringify(!o.ok && o.error)}`);
    return o;
  };
  const failed = (o: LookupOutcome): LookupFailure => {
    assert.ok(!o.ok, 'expected a failure');
    return o;
  };

  for (const auth of ['basic', 'digest'] as const) {
    describe(`${auth} auth`, () => {
      it('200 by reference ID with auto-generated OTP: Delivered, verify UNKNOWN, no code entered', async () => {
        const o = ok(await lookup(auth, { referenceId: SEEDED.autoOtp }));
        assert.deepStrictEqual(
          [o.httpStatus, o.status.code, o.status.description, o.status.lastChannel],
          [200, 3000, 'Delivered', 'whatsapp'],
        );
        assert.deepStrictEqual(o.verify, { state: 'UNKNOWN', codeEntered: null });
        assert.deepStrictEqual(
          o.channels.map((c) => [c.channel, c.code]),
          [
            ['viber', 3112],
            ['whatsapp', 3000],
          ],
        );
        assert.deepStrictEqual([o.price, o.currency, o.mcc, o.mnc], ['0.0050', 'USD', '310', '012']);
        assert.strictEqual(o.attempts, 1);
        assert.strictEqual(o.request.auth, auth);
        const sent = sim.requests[sim.requests.length - 1];
        assert.match(String(sent.headers.authorization), auth === 'basic' ? /^Basic / : /^TSA SENTINEL-CLIENT-0002:/);
      });

      it('200 by reference ID and OTP code: VALID for the right code, INVALID for another', async () => {
        const valid = ok(await lookup(auth, { referenceId: SEEDED.autoOtp, verifyCode: '50361' }));
        assert.deepStrictEqual(valid.verify, { state: 'VALID', codeEntered: '50361' });
        assert.deepStrictEqual(sim.requests[sim.requests.length - 1].query, { verify_code: '50361' });
        const invalid = ok(await lookup(auth, { referenceId: SEEDED.autoOtp, verifyCode: '11111' }));
        assert.deepStrictEqual(invalid.verify, { state: 'INVALID', codeEntered: '11111' });
      });

      it('200 by reference ID when OTP is not auto-generated: no verify', async () => {
        const o = ok(await lookup(auth, { referenceId: SEEDED.notAutoOtp }));
        assert.deepStrictEqual([o.status.code, o.status.lastChannel, o.verify], [3000, 'viber', undefined]);
      });

      it('400 3311 invalid reference ID (the client validates first, so the server is asked via a fault)', async () => {
        // A malformed ID never leaves a careful client; the documented 400 is produced by the server here.
        sim.faults.next({ kind: 'error', error: 'malformed-ref' });
        const e = failed(await lookup(auth, { referenceId: SEEDED.autoOtp })).error;
        assert.deepStrictEqual(
          [e.kind, e.httpStatus, e.code, e.description],
          ['bad-request', 400, 3311, 'Invalid value for parameter reference_id'],
        );
        assert.ok(e.message.length > 0);
      });

      it('401 3206 product not enabled for the customer', async () => {
        const e = failed(await lookup(auth, { referenceId: SEEDED.autoOtp }, NO_OMNICHANNEL_CUSTOMER)).error;
        assert.deepStrictEqual([e.kind, e.httpStatus, e.code, e.retryable], ['not-enabled', 401, 3206, false]);
      });

      it('401 3411 invalid API key', async () => {
        // Basic sends the key itself; Digest names a customer ID Telesign does not know.
        const creds =
          auth === 'basic'
            ? { customerId: SENTINEL.customerId, apiKey: DEMO_CREDENTIALS.apiKey }
            : { customerId: 'NO-SUCH-CUSTOMER', apiKey: SENTINEL.apiKey };
        const e = failed(await lookup(auth, { referenceId: SEEDED.autoOtp }, creds)).error;
        assert.deepStrictEqual([e.kind, e.httpStatus, e.code, e.description, e.retryable], ['auth', 401, 3411, 'Invalid API Key.', false]);
        assert.ok(e.actions.includes('set-credentials'));
      });

      it('401 3400 not authorized', async () => {
        if (auth === 'digest') {
          const e = failed(
            await lookup(auth, { referenceId: SEEDED.autoOtp }, { customerId: SENTINEL.customerId, apiKey: DEMO_CREDENTIALS.apiKey }),
          ).error;
          assert.deepStrictEqual([e.kind, e.httpStatus, e.code], ['auth', 401, 3400]);
          assert.match(e.signatureString ?? '', /^GET\n\n.*\nx-ts-auth-method:HMAC-SHA256\n/);
        } else {
          sim.faults.next({ kind: 'error', error: 'bad-signature' });
          const e = failed(await lookup(auth, { referenceId: SEEDED.autoOtp })).error;
          assert.deepStrictEqual([e.kind, e.httpStatus, e.code], ['auth', 401, 3400]);
        }
      });

      it('401 3412 Authorization header not in the correct format', async () => {
        sim.faults.next({ kind: 'error', error: 'malformed-auth' });
        const e = failed(await lookup(auth, { referenceId: SEEDED.autoOtp })).error;
        assert.deepStrictEqual([e.kind, e.httpStatus, e.code], ['auth', 401, 3412]);
      });

      it('404 -10004 reference ID expired', async () => {
        const e = failed(await lookup(auth, { referenceId: SEEDED.expired })).error;
        assert.deepStrictEqual([e.kind, e.httpStatus, e.code, e.description], ['expired', 404, -10004, 'ReferenceID expired.']);
      });

      it('429 3204 rate limit exceeded (retried, then reported)', async () => {
        const o = failed(await lookup(auth, { referenceId: SEEDED.alwaysRateLimited }, SENTINEL, { maxRetries: 2 }));
        assert.deepStrictEqual([o.error.kind, o.error.httpStatus, o.error.code, o.error.retryable], ['rate-limited', 429, 3204, true]);
        assert.strictEqual(o.attempts, 3);
      });

      it('503 3041 system unavailable; a short storm is ridden out by retries', async () => {
        const e = failed(await lookup(auth, { referenceId: SEEDED.alwaysUnavailable })).error;
        assert.deepStrictEqual([e.kind, e.httpStatus, e.code, e.description], ['unavailable', 503, 3041, 'System unavailable']);
        sim.faults.next({ kind: 'error', error: 'unavailable' }, 2);
        const o = ok(await lookup(auth, { referenceId: SEEDED.autoOtp }, SENTINEL, { maxRetries: 3 }));
        assert.strictEqual(o.attempts, 3);
        if (auth === 'digest') {
          const nonces = sim.requests.slice(-3).map((r) => r.headers['x-ts-nonce']);
          assert.strictEqual(new Set(nonces).size, 3, 'each retry signs with a fresh nonce');
        }
      });
    });
  }

  it('the sibling endpoints through the client: verify VALID, messaging, verification', async () => {
    const v = ok(await lookup('digest', { endpoint: 'verify', referenceId: SEEDED.verifySmsValid, verifyCode: '45558' }));
    assert.deepStrictEqual([v.status.code, v.verify?.state, v.subResource], [200, 'VALID', 'sms']);
    const max = ok(await lookup('basic', { endpoint: 'verify', referenceId: SEEDED.verifySmsMaxAttempts, verifyCode: '22222' }));
    assert.strictEqual(max.verify?.state, 'MAX_ATTEMPTS_EXCEEDED');
    const m = ok(await lookup('digest', { endpoint: 'messaging', referenceId: SEEDED.messaging }));
    assert.strictEqual(m.status.code, 290);
    const vf = ok(await lookup('basic', { endpoint: 'verification', referenceId: SEEDED.verification }));
    assert.strictEqual(vf.state, 'ONGOING');
  });

  it('a Digest profile signs Verify API lookups too: the simulator sees an HMAC, never the key', async () => {
    const vf = ok(await lookup('digest', { endpoint: 'verification', referenceId: SEEDED.verification }));
    assert.strictEqual(vf.state, 'ONGOING');
    assert.strictEqual(vf.request.auth, 'digest');
    const [received] = sim.requests;
    assert.match(String(received.headers.authorization), new RegExp(`^TSA ${SENTINEL.customerId}:`));
    const basic = Buffer.from(`${SENTINEL.customerId}:${SENTINEL.apiKey}`).toString('base64');
    const wire = JSON.stringify(received.headers);
    for (const secret of [SENTINEL.apiKey, basic, Buffer.from(SENTINEL.apiKey, 'base64').toString()]) {
      assert.ok(!wire.includes(secret), 'the key went over the wire');
    }
  });

  it('resilience faults come back as typed failures without the key', async () => {
    const cases: [Parameters<Simulator['faults']['next']>[0], string][] = [
      [{ kind: 'html-502' }, 'malformed-response'],
      [{ kind: 'truncated-json' }, 'malformed-response'],
      [{ kind: 'empty-200' }, 'malformed-response'],
      [{ kind: 'oversized', megabytes: 2 }, 'too-large'],
      [{ kind: 'redirect' }, 'config'],
      [{ kind: 'reset-before-body' }, 'network'],
    ];
    for (const [fault, kind] of cases) {
      sim.faults.next(fault);
      const o = await lookup('basic', { referenceId: SEEDED.autoOtp });
      assert.ok(!o.ok, fault.kind);
      assert.strictEqual(o.error.kind, kind, `${fault.kind}: ${o.error.message}`);
    }
    const followed = sim.requests.filter((r) => r.headers.host?.startsWith('localhost'));
    assert.deepStrictEqual(followed, [], 'the client must not follow a redirect to another host');
  });
});
