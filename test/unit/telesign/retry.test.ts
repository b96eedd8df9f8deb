import * as assert from 'assert';
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableAttempt,
  parseRetryAfter,
  systemClock,
  type AttemptResult,
  type RetryPolicy,
} from '../../../src/core/telesign/retry';

const NOW = Date.UTC(2024, 0, 31, 19, 36, 42);
const policy: RetryPolicy = { maxRetries: 3, maxRetryWaitMs: 30_000, baseDelayMs: 500, maxDelayMs: 8_000 };
const http = (status: number, extra: Partial<Extract<AttemptResult, { type: 'http' }>> = {}): AttemptResult => ({
  type: 'http',
  status,
  ...extra,
});

/** Plays a run of identical failures through the policy the way the client does, on an injected clock. */
function play(
  result: AttemptResult,
  p: RetryPolicy,
  random: () => number,
  sendsVerifyCode = false,
): { attempts: number; delays: number[]; now: number } {
  let now = NOW;
  let waited = 0;
  const delays: number[] = [];
  for (let attempts = 1; attempts < 100; attempts++) {
    const d = decideRetry({ attempts, waitedMs: waited, result, sendsVerifyCode, nowMs: now, policy: p, random });
    if (!d.retry) return { attempts, delays, now };
    delays.push(d.delayMs);
    waited += d.delayMs;
    now += d.delayMs;
  }
  throw new Error('did not stop');
}

describe('telesign/retry', () => {
  it('retries only 429 (not quota/auth), 503 and resets', () => {
    assert.ok(isRetryableAttempt(http(429, { kind: 'rate-limited' }), false));
    assert.ok(isRetryableAttempt(http(429), false));
    assert.ok(isRetryableAttempt(http(503, { kind: 'unavailable' }), false));
    assert.ok(isRetryableAttempt(http(503, { kind: 'malformed-response' }), false));
    assert.ok(!isRetryableAttempt(http(429, { kind: 'quota' }), false));
    assert.ok(!isRetryableAttempt(http(429, { kind: 'auth' }), false));
    for (const s of [200, 400, 401, 403, 404, 500, 502, 504]) assert.ok(!isRetryableAttempt(http(s), false), String(s));
    for (const [code, message] of [
      ['ECONNRESET', 'read ECONNRESET'],
      ['EPIPE', 'write EPIPE'],
      [undefined, 'socket hang up'],
      ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close'],
    ] as const) {
      assert.ok(isRetryableAttempt({ type: 'network', ...(code ? { code } : {}), message }, false), message);
      assert.ok(!isRetryableAttempt({ type: 'network', ...(code ? { code } : {}), message }, true), `${message} with verify_code`);
    }
    assert.ok(!isRetryableAttempt({ type: 'network', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, false));
    assert.ok(!isRetryableAttempt({ type: 'network', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, false));
    assert.ok(!isRetryableAttempt({ type: 'timeout' }, false));
    assert.ok(isRetryableAttempt(http(429, { kind: 'rate-limited' }), true), 'an explicit refusal is safe to retry with a code');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    assert.strictEqual(parseRetryAfter('3', NOW), 3000);
    assert.strictEqual(parseRetryAfter(' 0 ', NOW), 0);
    assert.strictEqual(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW), 5000);
    assert.strictEqual(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW), 0);
    for (const bad of [null, undefined, '', '-1', '1.5', 'soon', 'Tuesday']) {
      assert.strictEqual(parseRetryAfter(bad, NOW), undefined, String(bad));
    }
  });

  it('backs off exponentially with full jitter', () => {
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4, 5].map((i) => backoffDelay(i, policy, () => 0.999999)),
      [499, 999, 1999, 3999, 7999, 7999],
    );
    assert.deepStrictEqual(
      [0, 1, 2].map((i) => backoffDelay(i, policy, () => 0)),
      [0, 0, 0],
    );
    assert.strictEqual(
      backoffDelay(2, policy, () => 0.5),
      1000,
    );
    assert.strictEqual(
      backoffDelay(1, policy, () => 1),
      999,
      'a bad random source cannot exceed the ceiling',
    );
  });

  it('stops after maxRetries, with delays inside the backoff bounds', () => {
    const run = play(http(503), policy, () => 0.75);
    assert.strictEqual(run.attempts, 4);
    assert.deepStrictEqual(run.delays, [375, 750, 1500]);
    assert.strictEqual(play(http(503), { ...policy, maxRetries: 0 }, () => 0.5).attempts, 1);
  });

  it('honours Retry-After in both forms', () => {
    assert.deepStrictEqual(play(http(429, { retryAfter: '2' }), policy, () => 0.5).delays, [2000, 2000, 2000]);
    const d = decideRetry({
      attempts: 1,
      waitedMs: 0,
      result: http(429, { retryAfter: new Date(NOW + 7000).toUTCString() }),
      sendsVerifyCode: false,
      nowMs: NOW,
      policy,
      random: () => 0,
    });
    assert.deepStrictEqual(d, { retry: true, delayMs: 7000 });
  });

  it('gives up instead of waiting past the total budget', () => {
    const long = decideRetry({
      attempts: 1,
      waitedMs: 0,
      result: http(429, { retryAfter: '120' }),
      sendsVerifyCode: false,
      nowMs: NOW,
      policy,
      random: () => 0,
    });
    assert.deepStrictEqual(long, { retry: false, reason: 'wait-budget', retryAfterMs: 120_000 });
    const run = play(http(429, { retryAfter: '12' }), { ...policy, maxRetries: 10 }, () => 0);
    assert.deepStrictEqual(run.delays, [12_000, 12_000]);
    assert.ok(run.now - NOW <= policy.maxRetryWaitMs);
    const tight = play(http(503), { ...policy, maxRetries: 10, maxRetryWaitMs: 2000 }, () => 0.999);
    assert.ok(tight.delays.reduce((a, b) => a + b, 0) <= 2000, tight.delays.join());
  });

  it('never retries auth or quota errors, whatever Retry-After says', () => {
    assert.strictEqual(play(http(429, { kind: 'quota', retryAfter: '1' }), policy, () => 0).attempts, 1);
    assert.strictEqual(play(http(401, { kind: 'auth', retryAfter: '1' }), policy, () => 0).attempts, 1);
  });

  it('has a 30 s default wait budget', () => {
    assert.strictEqual(DEFAULT_RETRY_POLICY.maxRetryWaitMs, 30_000);
  });

  it('the system clock wakes early when aborted', async () => {
    const controller = new AbortController();
    const start = Date.now();
    const slept = systemClock.sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await slept;
    assert.ok(Date.now() - start < 5000);
  });
});
