import * as assert from 'assert';
import { errorKindFor, httpError, isRetryableKind, networkError, timeoutError } from '../../../src/core/telesign/errors';
import type { ErrorKind } from '../../../src/core/telesign/types';

describe('telesign/errors', () => {
  // Every documented GET-status error code (API reference §3 tables and §5), by HTTP status.
  const documented: [number, number, ErrorKind][] = [
    // omnichannel
    [400, 3311, 'bad-request'],
    [401, 3206, 'not-enabled'],
    [401, 3400, 'auth'],
    [401, 3411, 'auth'],
    [401, 3412, 'auth'],
    [404, -10004, 'expired'],
    [429, 3204, 'rate-limited'],
    [503, 3041, 'unavailable'],
    // SMS Verify / Voice Verify
    [400, -10001, 'bad-request'],
    [401, -10001, 'auth'],
    [404, -10001, 'not-found'],
    [401, -10009, 'auth'],
    [401, -20001, 'auth'],
    [401, -20002, 'not-enabled'],
    [401, -30000, 'auth'],
    [401, -30004, 'auth'],
    [401, -30006, 'auth'],
    [401, -30010, 'auth'],
    [401, -30012, 'auth'],
    [401, -30015, 'auth'],
    [429, -40007, 'rate-limited'],
    [429, -40008, 'quota'],
    [503, -90001, 'unavailable'],
    // SMS API
    [400, 11011, 'bad-request'],
    [401, 10004, 'auth'],
    [401, 10008, 'auth'],
    [401, 10011, 'not-enabled'],
    [401, 10022, 'auth'],
    [404, 10017, 'not-found'],
    [404, 10036, 'expired'],
    [429, 10019, 'rate-limited'],
    [429, 10020, 'quota'],
    [503, 10000, 'unavailable'],
    // Verify API
    [401, 3906, 'not-enabled'],
    [429, 3204, 'rate-limited'],
    [503, 3500, 'unavailable'],
    // Messaging hard cap
    [429, 3207, 'quota'],
  ];
  for (const [status, code, kind] of documented) {
    it(`HTTP ${status} + ${code} → ${kind}`, () => {
      const e = httpError({ httpStatus: status, endpoint: 'omnichannel', code, description: 'text' });
      assert.strictEqual(e.kind, kind);
      assert.strictEqual(e.code, code);
      assert.strictEqual(e.retryable, isRetryableKind(kind));
      assert.ok(e.message.length > 10 && e.message.length < 200, e.message);
    });
  }

  it('falls back to the HTTP status when there is no code', () => {
    assert.strictEqual(errorKindFor(401), 'auth');
    assert.strictEqual(errorKindFor(403), 'auth');
    assert.strictEqual(errorKindFor(404), 'not-found');
    assert.strictEqual(errorKindFor(429), 'rate-limited');
    assert.strictEqual(errorKindFor(400), 'bad-request');
    assert.strictEqual(errorKindFor(502), 'unavailable');
    assert.strictEqual(errorKindFor(418), 'http');
    assert.strictEqual(errorKindFor(418, 123456), 'http');
  });

  it('reads 3041 as unavailable only on a 5xx', () => {
    assert.strictEqual(errorKindFor(503, 3041), 'unavailable');
    assert.strictEqual(errorKindFor(400, 3041), 'bad-request');
  });

  it('never marks auth or quota as retryable', () => {
    assert.strictEqual(httpError({ httpStatus: 401, endpoint: 'verify', code: -30006 }).retryable, false);
    assert.strictEqual(httpError({ httpStatus: 429, endpoint: 'verify', code: -40008 }).retryable, false);
    assert.strictEqual(httpError({ httpStatus: 429, endpoint: 'verify', code: -40007 }).retryable, true);
  });

  it('writes messages a person can act on', () => {
    assert.strictEqual(
      httpError({ httpStatus: 404, endpoint: 'omnichannel', code: -10004, description: 'ReferenceID expired.' }).message,
      'Reference ID expired: Telesign keeps statuses for 12 hours.',
    );
    assert.strictEqual(
      httpError({ httpStatus: 401, endpoint: 'omnichannel', code: 3411 }).message,
      'Invalid API key — run “Telesign: Set Credentials”.',
    );
    assert.strictEqual(
      httpError({ httpStatus: 429, endpoint: 'omnichannel', code: 3204, description: 'Rate limit exceeded', retries: 3 }).message,
      'Rate limited by Telesign (3204: Rate limit exceeded); retried 3 times. Wait a moment and try again.',
    );
    assert.match(
      httpError({ httpStatus: 429, endpoint: 'omnichannel', code: 3204, retryAfterSeconds: 120 }).message,
      /asked to wait 120 s/,
    );
    assert.match(httpError({ httpStatus: 401, endpoint: 'verify', code: -30010 }).message, /clock/);
    assert.match(httpError({ httpStatus: 401, endpoint: 'omnichannel', code: 3206 }).message, /Messaging \(omnichannel\) is not enabled/);
    assert.match(httpError({ httpStatus: 429, endpoint: 'verify', code: -40008 }).message, /hard cap.*not retried/);
    assert.strictEqual(
      networkError('rest-ww.telesign.com', 'ECONNREFUSED', 'connect ECONNREFUSED').message,
      'Could not reach rest-ww.telesign.com: connection refused.',
    );
    assert.match(networkError('h', undefined, 'socket hang up').message, /socket hang up/);
    assert.match(timeoutError('h', 15000).message, /within 15 s/);
  });

  it('offers actions that fit the kind', () => {
    assert.ok(httpError({ httpStatus: 401, endpoint: 'omnichannel', code: 3411 }).actions.includes('set-credentials'));
    assert.ok(httpError({ httpStatus: 429, endpoint: 'omnichannel', code: 3204 }).actions.includes('wait'));
    assert.ok(!httpError({ httpStatus: 429, endpoint: 'omnichannel', code: 3207 }).actions.includes('retry'));
  });
});
