import * as assert from 'assert';
import { explainAnswer, lookupAnswer, summaryAnswer } from '../../../src/core/assistant/answers';
import { HIDDEN_TEXT, maskForAssistant, maskPhoneNumbers } from '../../../src/core/assistant/mask';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Catalog } from '../../../src/core/catalog';
import { repoRoot } from '../../support/paths';
import type { LookupOutcome } from '../../../src/core/telesign/types';
import type { LogSummary } from '../../../src/core/logs/summarize';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const catalog = Catalog.fromJson(readFileSync(join(repoRoot, 'src', 'core', 'catalog', 'codes.json'), 'utf8'));
const explain = (c: string | number, ctx?: string) => catalog.explain(c, ctx ?? '');

describe('assistant/mask', () => {
  it('masks phone numbers to their last four digits, not codes, IDs, times or prices', () => {
    assert.strictEqual(maskPhoneNumbers('sent to +15555551234 and 447700900123'), 'sent to +•••••••1234 and ••••••••0123');
    const kept = `code -10004 ref ${REF} at 2026-11-23T09:14:05.002Z price 0.0065 port 8787 took 1234567 µs`;
    assert.strictEqual(maskPhoneNumbers(kept), kept);
  });

  it('hides message text and masks phone fields anywhere in data, __proto__ staying a plain key', () => {
    const masked = maskForAssistant(
      JSON.parse(
        `{"to":"+15555551234","status":{"code":200},"user_response":"YES please","nested":[{"message":"Your code is 50361","phone_number":"15555550000"}],"__proto__":{"polluted":true}}`,
      ),
    ) as Record<string, unknown>;
    assert.deepStrictEqual(JSON.parse(JSON.stringify(masked)), {
      to: '+•••••••1234',
      status: { code: 200 },
      user_response: HIDDEN_TEXT,
      nested: [{ message: HIDDEN_TEXT, phone_number: '•••••••0000' }],
      ['__proto__']: { polluted: true },
    });
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('assistant/answers', () => {
  it('explain: the meaning the context supports first, with why, action and docs', () => {
    const ctx = '"errors":[{"code":-10004,"description":"Invalid reference ID"}] GET /v1/verify/';
    const a = explainAnswer('-10004', ctx, explain('-10004', ctx));
    assert.match(a.text, /^-10004 — most likely: "/);
    assert.match(a.text, /\nWhat to do: .+\nDocs: https:\/\//);
    const data = a.data as { known: boolean; meanings: { code: string; why: string[] }[] };
    assert.strictEqual(data.known, true);
    assert.strictEqual(data.meanings[0].code, '-10004');
    assert.ok(data.meanings[0].why.length > 0);
  });

  it('explain: an unknown code says so', () => {
    const a = explainAnswer('987654', '', explain('987654'));
    assert.match(a.text, /not a code in Telesign Inspector's catalog/);
    assert.deepStrictEqual(a.data, {
      code: '987654',
      known: false,
      meanings: [],
      searchUrl: 'https://www.google.com/search?q=site%3Adeveloper.telesign.com%20%22987654%22',
    });
    assert.ok(
      a.text.endsWith(': https://www.google.com/search?q=site%3Adeveloper.telesign.com%20%22987654%22'),
      'the text offers the search',
    );
  });

  it('summary: counts and meanings, no sample lines (they can hold OTPs and numbers)', () => {
    const summary: LogSummary = {
      file: '/logs/otp.log',
      bytes: 2_097_152,
      lines: 40,
      notes: [],
      references: [{ referenceId: REF, count: 3, firstLine: 1, lastLine: 9, lastStatusCode: '200' }],
      codes: [
        {
          code: '3204',
          count: 2,
          firstLine: 4,
          lastLine: 8,
          sampleLine: 'to +15555551234 verify_code=50361 {"status":{"code":3204',
          keyPath: 'status.code',
          endpoint: 'omnichannel',
        },
      ],
    };
    const a = summaryAnswer(summary, explain);
    assert.match(a.text, /^\/logs\/otp\.log: 40 lines, 2\.0 MB; 1 distinct Telesign codes, 1 reference IDs\./);
    assert.match(a.text, /- 3204 ×2 \(lines 4–8\): "Rate limit exceeded"/);
    assert.match(a.text, new RegExp(`- ${REF} ×3 \\(lines 1–9\\), last status 200`));
    const all = a.text + JSON.stringify(a.data);
    assert.ok(!all.includes('50361') && !all.includes('5555551234'), all);
  });

  it('lookup: status with meaning, channels, verification; no body, no OTP, numbers masked', () => {
    const outcome = {
      ok: true,
      referenceId: REF,
      verifyCode: '50361',
      request: { method: 'GET', url: `https://x/v1/omnichannel/${REF}?verify_code=50361`, endpoint: 'omnichannel', auth: 'basic' },
      timing: { startedAt: '2026-11-23T09:14:05.002Z', durationMs: 42 },
      attempts: 1,
      httpStatus: 200,
      status: { code: 200, description: 'Delivered to handset' },
      verify: { state: 'VALID', codeEntered: '50361' },
      channels: [
        { channel: 'viber', code: 210, description: 'Failed for +15555551234' },
        { channel: 'sms', code: 200, description: 'Delivered' },
      ],
      errors: [],
      extra: { phone_number: '15555551234' },
      raw: { code_entered: '50361' },
    } as unknown as LookupOutcome;
    const a = lookupAnswer(outcome, { profile: 'Local simulator', host: 'http://127.0.0.1:8787' }, explain);
    assert.match(
      a.text,
      /^Transaction 364C.* omnichannel endpoint, profile "Local simulator" \(http:\/\/127\.0\.0\.1:8787, basic auth\), 1 attempt\(s\) in 42 ms\./,
    );
    assert.match(a.text, /Verification: VALID\./);
    assert.match(a.text, /Channels in order: viber 210 "Failed for \+•••••••1234" → sms 200 "Delivered"\./);
    const all = a.text + JSON.stringify(a.data);
    assert.ok(!all.includes('50361') && !all.includes('5555551234'), all);
  });

  it('lookup failure: the kind, the message and the code meaning', () => {
    const outcome = {
      ok: false,
      referenceId: REF,
      request: { method: 'GET', url: 'u', endpoint: 'verify', auth: 'digest' },
      timing: { startedAt: '', durationMs: 5 },
      attempts: 2,
      error: {
        kind: 'expired',
        message: 'The transaction is older than 12 hours.',
        code: -10004,
        httpStatus: 404,
        retryable: false,
        actions: ['open-docs'],
      },
    } as unknown as LookupOutcome;
    const a = lookupAnswer(outcome, { profile: 'P', host: 'https://rest-ww.telesign.com' }, explain);
    assert.match(a.text, /Failed \(expired, HTTP 404\): The transaction is older than 12 hours\.\nCode -10004: /);
  });
});
