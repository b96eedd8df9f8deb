import * as assert from 'assert';
import { applyLimit, summarize, toStored, type StoredSummary } from '../../../src/core/transactions/stored';
import { changes, comparableText, requestText } from '../../../src/core/transactions/render';
import { describeSent } from '../../../src/core/telesign/sent';
import { basicAuthorization, digestHeaders } from '../../../src/core/telesign/auth';
import type { LookupOutcome } from '../../../src/core/telesign/types';

const KEY = 'c2VudGluZWwga2V5IGZvciBzdG9yZWQgcmVzcG9uc2Vz';
const CUSTOMER = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
const OTP = '50361';
const REF = '364C81F5F3D0020C91E7A731DE93A777';
const URL_WITH_CODE = `http://127.0.0.1:1/v1/omnichannel/${REF}?verify_code=${OTP}`;

function outcome(over: Partial<Record<string, unknown>> = {}): LookupOutcome {
  return {
    ok: true,
    referenceId: REF,
    verifyCode: OTP,
    request: { method: 'GET', url: URL_WITH_CODE, endpoint: 'omnichannel', auth: 'basic' },
    timing: { startedAt: '2025-01-01T00:00:00.000Z', durationMs: 12 },
    attempts: 1,
    httpStatus: 200,
    status: { code: 3000, description: 'Delivered' },
    verify: { state: 'VALID', codeEntered: OTP },
    channels: [{ channel: 'sms', code: 3000, description: 'Delivered' }],
    errors: [],
    extra: { echo: `key ${KEY}` },
    raw: {
      reference_id: REF,
      verify: { code_state: 'VALID', code_entered: OTP },
      note: `Basic ${Buffer.from(`${CUSTOMER}:${KEY}`).toString('base64')}`,
    },
    ...over,
  };
}

const profile = { name: 'Sim', baseUrl: 'http://127.0.0.1:1', auth: 'basic' as const, demo: false };
const headers = { Accept: 'application/json', Authorization: basicAuthorization(CUSTOMER, KEY) };
const attempt = {
  attempt: 1,
  method: 'GET' as const,
  url: URL_WITH_CODE,
  status: 200,
  durationMs: 12,
  ...describeSent('GET', URL_WITH_CODE, headers),
};

describe('stored responses (core/transactions)', () => {
  it('keep no key in any encoding and no OTP, neither sent nor echoed', () => {
    const stored = toStored({ id: 'a1', at: new Date(0), outcome: outcome(), profile, attempts: [attempt], secrets: [KEY] });
    const text = JSON.stringify(stored);
    for (const s of [
      KEY,
      Buffer.from(KEY).toString('base64'),
      encodeURIComponent(KEY),
      Buffer.from(`${CUSTOMER}:${KEY}`).toString('base64'),
      OTP,
    ]) {
      assert.ok(!text.includes(s), `stored entry contains ${s}`);
    }
    assert.strictEqual(stored.otpSent, true);
    assert.ok(stored.outcome.ok && stored.outcome.verify?.state === 'VALID', 'the verify state is kept');
    assert.match(stored.attempts[0].url, /verify_code=\*\*\*/);
    assert.strictEqual(stored.attempts[0].headers.Authorization, 'Basic [REDACTED]');
  });

  it('cap the raw body and say so', () => {
    const big = outcome({ raw: { blob: 'x'.repeat(5000) } });
    const stored = toStored({ id: 'a2', at: new Date(0), outcome: big, profile, attempts: [], secrets: [KEY], maxRawChars: 1000 });
    assert.strictEqual(stored.rawTruncated, true);
    assert.ok(stored.outcome.ok && typeof stored.outcome.raw === 'string' && stored.outcome.raw.length === 1000);
  });

  it('evict the oldest unpinned first and never a pinned one', () => {
    const s = (id: string, at: number, pinned = false): StoredSummary => ({
      ...summarize(toStored({ id, at: new Date(at), outcome: outcome(), profile, attempts: [], secrets: [] }), pinned, 1),
    });
    const { keep, dropped } = applyLimit([s('old-pinned', 1, true), s('a', 2), s('b', 3), s('c', 4)], 2);
    assert.deepStrictEqual(
      keep.map((e) => e.id),
      ['c', 'old-pinned'],
    );
    assert.deepStrictEqual(dropped.sort(), ['a', 'b']);
    assert.deepStrictEqual(
      applyLimit([s('p', 1, true)], 0).keep.map((e) => e.id),
      ['p'],
    );
  });

  it('compare: list what changed between two lookups of one ID', () => {
    const before = toStored({
      id: 'b1',
      at: new Date(0),
      outcome: outcome({
        status: { code: 3001, description: 'In progress' },
        channels: [{ channel: 'sms', code: 3001, description: 'In progress' }],
        verify: undefined,
      }),
      profile,
      attempts: [],
      secrets: [],
    });
    const after = toStored({
      id: 'b2',
      at: new Date(60000),
      outcome: outcome({ timing: { startedAt: '', durationMs: 40 } }),
      profile,
      attempts: [],
      secrets: [],
    });
    const keys = changes(before, after).map((c) => c.key);
    assert.deepStrictEqual(keys.filter((k) => !['at', 'duration'].includes(k)).sort(), ['channel.sms', 'status', 'verify']);
    const status = changes(before, after).find((c) => c.key === 'status');
    assert.deepStrictEqual([status?.before, status?.after], ['3001 In progress', '3000 Delivered']);
    assert.match(comparableText(after), /Status\s+3000 Delivered/);
  });

  it('request view: Digest string-to-sign, redacted Authorization, each attempt and why it was retried', () => {
    const url = `http://127.0.0.1:1/v1/omnichannel/${REF}`;
    const dh = digestHeaders(CUSTOMER, KEY, {
      method: 'GET',
      contentType: '',
      date: 'Wed, 14 Dec 2016 18:20:12 GMT',
      nonce: 'n0nce-123',
      path: `/v1/omnichannel/${REF}`,
    });
    const sent = describeSent('GET', url, dh);
    assert.strictEqual(sent.headers.Authorization, `TSA ${CUSTOMER}:[REDACTED]`);
    assert.strictEqual(
      sent.stringToSign,
      `GET\n\nWed, 14 Dec 2016 18:20:12 GMT\nx-ts-auth-method:HMAC-SHA256\nx-ts-nonce:n0nce-123\n/v1/omnichannel/${REF}`,
    );
    const first = {
      attempt: 1,
      method: 'GET' as const,
      url,
      status: 503,
      durationMs: 5,
      error: 'Telesign is unavailable (503).',
      retryInMs: 800,
      ...sent,
    };
    const second = { attempt: 2, method: 'GET' as const, url, status: 200, durationMs: 7, ...sent };
    const stored = toStored({
      id: 'c1',
      at: new Date(0),
      outcome: outcome({ attempts: 2 }),
      profile,
      attempts: [first, second],
      secrets: [KEY],
    });
    const text = requestText(stored);
    assert.match(text, /Attempt 1: HTTP 503[\s\S]*Retried in 800 ms because: Telesign is unavailable[\s\S]*Attempt 2: HTTP 200/);
    assert.match(text, /x-ts-nonce:n0nce-123/);
    assert.ok(!text.includes(dh.Authorization.split(':')[1]), 'no signature');
  });
});
