// The panel's reading of an outcome (features/resultPanel/status.ts): pure policy, tested in plain Node.
import * as assert from 'assert';
import {
  MAX_AUTO_REFRESHES,
  REFRESH_SCHEDULE_MS,
  STATUS_WINDOW_MS,
  STUCK_AFTER_MS,
  badgeOf,
  badgeOfCode,
  canFinalize,
  canVerify,
  isIntermediate,
  refreshDelayMs,
  statusPageReason,
  unknownReason,
  windowEndsAt,
} from '../../../src/features/resultPanel/status';
import type { EndpointId, LookupFailure, LookupSuccess } from '../../../src/core/telesign/types';

const REF = '0123456789ABCDEF0123456789ABCDEF';

function ok(over: Partial<LookupSuccess> & { endpoint?: EndpointId; url?: string } = {}): LookupSuccess {
  const { endpoint = 'omnichannel', url = `https://rest-ww.telesign.com/v1/${endpoint}/${REF}`, ...rest } = over;
  return {
    ok: true,
    referenceId: REF,
    request: { method: 'GET', url, endpoint, auth: 'basic' },
    timing: { startedAt: '2025-01-15T12:00:00.000Z', durationMs: 10 },
    attempts: 1,
    httpStatus: 200,
    status: { code: 3000, description: 'Delivered', updatedOn: '2025-01-15T11:00:00.000Z' },
    channels: [{ channel: 'sms', code: 3000, description: 'Delivered', updatedOn: '2025-01-15T10:30:00.000Z' }],
    errors: [],
    extra: {},
    raw: {},
    ...rest,
  };
}

const failed: LookupFailure = {
  ok: false,
  referenceId: REF,
  request: { method: 'GET', url: '', endpoint: 'omnichannel', auth: 'basic' },
  timing: { startedAt: '2025-01-15T12:00:00.000Z', durationMs: 0 },
  attempts: 0,
  error: { kind: 'network', message: 'down', retryable: true, actions: ['retry'] },
};

describe('resultPanel/status', () => {
  it('auto-refresh backs off 5, 10, 20, 40 s, then every 60 s, and gives up after about 35 minutes', () => {
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 30].map(refreshDelayMs), [5000, 10000, 20000, 40000, 60000, 60000, 60000]);
    assert.strictEqual(refreshDelayMs(-3), REFRESH_SCHEDULE_MS[0]);
    const total = Array.from({ length: MAX_AUTO_REFRESHES }, (_, i) => refreshDelayMs(i)).reduce((a, b) => a + b, 0);
    assert.ok(total > 30 * 60_000 && total < 40 * 60_000, `${total} ms`);
  });

  it('a status is intermediate by the catalog first, by the known codes when the catalog is silent', () => {
    const inProgress = ok({ status: { code: 3001, description: 'Message in progress' } });
    assert.strictEqual(isIntermediate(inProgress), true);
    assert.strictEqual(isIntermediate(inProgress, true), false, 'the catalog says final');
    assert.strictEqual(isIntermediate(ok(), false), true, 'the catalog says intermediate');
    assert.strictEqual(isIntermediate(ok()), false);
    assert.strictEqual(isIntermediate(failed), false);
    assert.strictEqual(isIntermediate(ok({ status: { code: null, description: '' } })), false);
  });

  it('a Verify API process is read by its state, not a status code', () => {
    const process = (state: string) => ok({ endpoint: 'verification', state, status: { code: 3001, description: '' } });
    assert.strictEqual(isIntermediate(process('ONGOING')), true);
    assert.strictEqual(isIntermediate(process('VERIFIED')), false);
    assert.strictEqual(badgeOf(process('VERIFIED')), 'delivered');
    assert.strictEqual(badgeOf(process('created')), 'in-progress');
    assert.strictEqual(badgeOf(process('EXPIRED')), 'failed');
    // The same state on an endpoint that reports delivery codes is ignored.
    assert.strictEqual(badgeOf(ok({ state: 'EXPIRED' })), 'delivered');
  });

  it('badges: delivered, in progress, failed, unknown, error', () => {
    assert.strictEqual(badgeOfCode(3000), 'delivered');
    assert.strictEqual(badgeOfCode(3001), 'in-progress');
    assert.strictEqual(badgeOfCode(3001, true), 'failed');
    assert.strictEqual(badgeOfCode(1234, false), 'in-progress');
    assert.strictEqual(badgeOfCode(null), 'unknown');
    assert.strictEqual(badgeOf(failed), 'error');
  });

  it('only endpoints that take a code offer Verify', () => {
    assert.deepStrictEqual(
      (['omnichannel', 'verify', 'messaging', 'verification'] as const).map((endpoint) => canVerify(ok({ endpoint }))),
      [true, true, false, false],
    );
  });

  it('only a Verify API process still CREATED or ONGOING offers Finalize', () => {
    const states = ['CREATED', 'ONGOING', 'VERIFIED', 'FAILED', 'REJECTED', 'CANCELED', undefined];
    assert.deepStrictEqual(
      states.map((state) => canFinalize(ok({ endpoint: 'verification', ...(state ? { state } : {}) }))),
      [true, true, false, false, false, false, false],
    );
    assert.strictEqual(canFinalize(ok({ endpoint: 'omnichannel', state: 'ONGOING' })), false);
    assert.strictEqual(canFinalize(failed), false);
  });

  it('says why a verification state is UNKNOWN', () => {
    assert.strictEqual(unknownReason(ok()), 'not-auto-generated');
    assert.strictEqual(unknownReason(ok({ verify: { state: 'VALID', codeEntered: '123' } })), undefined);
    const unknown = { state: 'UNKNOWN', codeEntered: null } as const;
    assert.strictEqual(unknownReason(ok({ verify: unknown })), 'no-code-sent');
    assert.strictEqual(unknownReason(ok({ verify: unknown, verifyCode: '1234' })), 'code-not-in-request');
    const sent = { verifyCode: '1234', url: `https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=1234` };
    assert.strictEqual(unknownReason(ok({ verify: unknown, ...sent })), 'code-not-recorded');
    assert.strictEqual(unknownReason(ok({ verify: { state: 'UNKNOWN', codeEntered: '1234' }, ...sent })), 'other');
    assert.strictEqual(unknownReason(failed), undefined);
  });

  it('the 12-hour window runs from the earliest server timestamp', () => {
    assert.strictEqual(windowEndsAt(ok()), Date.parse('2025-01-15T10:30:00.000Z') + STATUS_WINDOW_MS);
    assert.strictEqual(windowEndsAt(ok({ status: { code: 3000, description: '' }, channels: [] })), undefined);
    assert.strictEqual(windowEndsAt(failed), undefined);
  });

  it("offers Telesign's status page for 503 / 3041 and for a transaction in progress long past normal, else not", () => {
    const at = (iso: string) => Date.parse(iso);
    const unavailable = (over: Partial<LookupFailure['error']>): LookupFailure => ({
      ...failed,
      error: { ...failed.error, kind: 'http', ...over },
    });
    assert.strictEqual(statusPageReason(unavailable({ kind: 'unavailable' }), 0), 'unavailable');
    assert.strictEqual(statusPageReason(unavailable({ httpStatus: 503 }), 0), 'unavailable');
    assert.strictEqual(statusPageReason(unavailable({ code: 3041 }), 0), 'unavailable');
    assert.strictEqual(statusPageReason(failed, 0), undefined, 'a network failure is ours, not Telesign’s');
    assert.strictEqual(statusPageReason(unavailable({ kind: 'auth', httpStatus: 401, code: 3411 }), 0), undefined);
    assert.strictEqual(statusPageReason(ok({ status: { code: 3041, description: 'Service unavailable' } }), 0), 'unavailable');

    const first = '2025-01-15T11:00:00.000Z';
    const inProgress = ok({
      status: { code: 3001, description: 'Message in progress', updatedOn: first },
      channels: [{ channel: 'sms', code: 3001, description: 'Message in progress', updatedOn: first }],
    });
    assert.strictEqual(statusPageReason(inProgress, at(first) + STUCK_AFTER_MS - 1), undefined, 'just under: normal');
    assert.strictEqual(statusPageReason(inProgress, at(first) + STUCK_AFTER_MS), 'stuck');
    assert.strictEqual(statusPageReason(inProgress, at(first) + STUCK_AFTER_MS, true), undefined, 'the catalog says final');
    assert.strictEqual(statusPageReason(ok(), at(first) + 60 * STUCK_AFTER_MS), undefined, 'delivered long ago');
    const noTime = ok({ status: { code: 3001, description: '' }, channels: [] });
    assert.strictEqual(statusPageReason(noTime, Date.now()), undefined, 'no timestamp: cannot say it is stuck');
  });
});
