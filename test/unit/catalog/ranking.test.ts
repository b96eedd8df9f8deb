// Ranking the meanings of a code by the log line it sits in. Contexts are shaped like real log lines
// and response bodies from the published examples (see shared/reference/telesign-api.md §3).
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../../support/paths';
import { Catalog } from '../../../src/core/catalog';
import type { CodeMatch } from '../../../src/core/catalog';

const catalog = Catalog.fromJson(readFileSync(join(repoRoot, 'src', 'core', 'catalog', 'codes.json'), 'utf8'));
const REF = '364C81F5F3D0020C91E7A731DE93A777';

function top(code: string | number, context: string): CodeMatch {
  const matches = catalog.explain(code, context);
  assert.ok(matches.length > 0, `no match for ${code}`);
  return matches[0];
}

function expectTop(code: string | number, context: string, family: string, text?: string): void {
  const best = top(code, context);
  const shown = catalog
    .explain(code, context)
    .map((m) => `${m.entry.family}:${m.entry.code}:${m.entry.text} (${m.score})`)
    .join('; ');
  assert.strictEqual(best.entry.family, family, `${code} in ${context}\n  got ${shown}`);
  if (text !== undefined) assert.strictEqual(best.entry.text, text, `${code} text; got ${shown}`);
}

describe('Catalog.explain ranking', () => {
  describe('3041: system unavailable vs carrier rejected', () => {
    it('503 on a GET /v1/omnichannel status line means the lookup failed', () => {
      const line = `2026-11-23T10:00:01.123Z WARN telesign GET https://rest-ww.telesign.com/v1/omnichannel/${REF} 503 {"status":{"code":3041,"description":"System unavailable"}}`;
      expectTop(3041, line, 'messaging-get-status', 'System unavailable');
      const best = top(3041, line);
      assert.ok(best.entry.retryable);
      assert.ok(best.reasons.includes('HTTP 503 on the line'), best.reasons.join(', '));
      assert.ok(best.reasons.includes('under status.code'));
    });

    it('still wins without the description text, from path + HTTP status + key', () => {
      expectTop('3041', `[lookup] GET /v1/omnichannel/${REF} -> 503 body={"status": {"code": 3041}}`, 'messaging-get-status');
    });

    it('inside channel_status it is the carrier meaning, even on a status lookup line', () => {
      const body = `{"status":{"code":3003,"description":"Delivery error","last_channel":"sms"},"reference_id":"${REF}","channel_status":[{"whatsapp":{"code":3055,"description":"Delivery channel not supported by the end user's device"}},{"sms":{"code":3041,"description":"Carrier rejected - temporary problem","reference_id":"364C81F5F46402189211BDE408330A86"}}]}`;
      expectTop(3041, `GET /v1/omnichannel/${REF} 200 ${body}`, 'messaging', 'Carrier rejected - temporary problem');
      expectTop(3041, body.replace(',"description":"Carrier rejected - temporary problem"', ''), 'messaging');
    });

    it('in a callback naming the channel it is the carrier meaning', () => {
      expectTop(3041, 'omnichannel callback: channel=sms whatsapp.code=3041 reference_id=' + REF, 'messaging');
    });

    it('on a capability check it is the provider-timeout meaning', () => {
      expectTop(
        3041,
        'GET https://rest-ww.telesign.com/capability/whatsapp/15555550100 503 {"status":{"code":3041}}',
        'messaging-capability',
      );
    });
  });

  describe('-10001 vs 10001', () => {
    const verify400 = `GET /v1/verify/None 400 {"reference_id": "None", "sub_resource": "", "errors": [{"code": -10001, "description": "Invalid Request: ReferenceID Parameter: None"}], "status": {"code": 500, "description": "Transaction not attempted"}}`;

    it('an unsigned 10001 read from a line that writes -10001 means -10001', () => {
      const best = top('10001', verify400);
      assert.strictEqual(best.entry.code, '-10001');
      assert.strictEqual(best.entry.text, 'Invalid Request: ReferenceID Parameter: <reference_id>');
      assert.ok(best.reasons.includes('the line writes -10001'));
      assert.ok(best.reasons.includes('under errors[].code'));
    });

    it('picks the -10001 text the line quotes', () => {
      expectTop(
        '-10001',
        'GET /v1/verify/ABC 401 {"errors":[{"code":-10001,"description":"Not Allowed Host"}]}',
        'verify-error',
        'Not Allowed Host',
      );
      expectTop(
        '-10001',
        'GET /v1/verify/0123456789ABCDEF0123456789ABCDEF 404 {"errors":[{"code":-10001,"description":"CustomerID/ReferenceID not found"}]}',
        'verify-error',
        'CustomerID/ReferenceID not found',
      );
      expectTop(
        '-10001',
        'POST /v1/verify/bulk_sms 400 {"errors":[{"code":-10001,"description":"Invalid Request: Missing parameter Parameter: Template"}]}',
        'verify-error',
        'Invalid Request: Missing parameter Parameter: Template',
      );
    });

    it('ranks by HTTP status when the text is missing', () => {
      assert.strictEqual(top('-10001', 'GET /v1/verify/ABC 401 {"errors":[{"code":-10001}]}').entry.text, 'Not Allowed Host');
      assert.strictEqual(
        top('-10001', `GET /v1/verify/${REF} 404 {"errors":[{"code":-10001}]}`).entry.text,
        'CustomerID/ReferenceID not found',
      );
    });

    it('with no context, an unsigned 10001 falls back to the documented -10001 and says so', () => {
      const matches = catalog.explain('10001');
      assert.strictEqual(matches.length, catalog.get('-10001').length);
      assert.ok(matches.every((m) => m.entry.code === '-10001' && m.reasons.includes('only -10001 is documented')));
    });

    it('an explicit +10001 is not -10001', () => {
      assert.deepStrictEqual(catalog.explain('+10001'), []);
    });
  });

  describe('-10004 and 10004', () => {
    it('-10004 in status.code on an omnichannel 404 is the Messaging 12-hour window', () => {
      const best = top('-10004', `GET /v1/omnichannel/${REF} 404 {"status": {"code": -10004, "description": "ReferenceID expired."}}`);
      assert.strictEqual(best.entry.family, 'messaging-get-status');
      assert.match(best.entry.explanation + best.entry.action, /12 hours/);
    });

    it('-10004 in errors[] on /v1/verify is the SMS Verify one', () => {
      expectTop(
        '-10004',
        `GET /v1/verify/${REF} 404 {"reference_id":"${REF}","sub_resource":"","errors":[{"code":-10004,"description":"ReferenceID expired."}],"status":{"code":599,"description":"Status not available"}}`,
        'verify-error',
      );
    });

    it('10004 on /v1/messaging is the Date tolerance error', () => {
      expectTop(
        10004,
        `POST https://rest-api.telesign.com/v1/messaging 401 {"status":{"code":10004,"description":"'Date' or 'x-ts-date' header is not within tolerable range","updated_on":"2026-11-23T10:00:00Z"}}`,
        'sms-api-error',
      );
      expectTop(10004, 'sms send failed: POST /v1/messaging status=401 code=10004', 'sms-api-error');
    });

    it('10004 in Silent Verify is "Bad request"', () => {
      expectTop(
        10004,
        'silent verify initiate failed: {"status":{"code":10004,"description":"Bad request"}}',
        'silent-verify',
        'Bad request',
      );
      expectTop('10004', 'SilentVerify error code=10004', 'silent-verify');
    });

    it('an unsigned 10004 on a line that writes -10004 is the negative code', () => {
      assert.strictEqual(top('10004', `{"errors":[{"code":-10004,"description":"Reference ID expired."}]}`).entry.code, '-10004');
    });

    it('-10004 never returns the positive 10004 meanings', () => {
      assert.ok(catalog.explain('-10004', '/v1/messaging').every((m) => m.entry.code === '-10004'));
    });
  });

  describe('positive 5-digit codes: SMS API vs Phone ID / Intelligence vs Silent Verify', () => {
    const cases: Array<[string, string, string]> = [
      [
        '10009',
        'POST /v1/messaging 401 {"status":{"code":10009,"description":"Missing required \'Authorization\' header"}}',
        'sms-api-error',
      ],
      [
        '10009',
        'POST /v1/phoneid/15555550100 {"status":{"code":10009,"description":"Invalid value for parameter message"}}',
        'phoneid-intelligence-error',
      ],
      [
        '10011',
        'POST /v1/messaging 401 {"status":{"code":10011,"description":"This product is not enabled for this CustomerID."}}',
        'sms-api-error',
      ],
      [
        '10011',
        'silent verify status lookup: {"status":{"code":10011,"description":"Invalid value for parameter reference_id"}}',
        'silent-verify',
      ],
      [
        '10000',
        'POST /v1/messaging 503 {"status":{"code":10000,"description":"System Unavailable, Please try again later."}}',
        'sms-api-error',
      ],
      ['10000', 'Silent Verify: {"status":{"code":10000,"description":"System unavailable, please try again later."}}', 'silent-verify'],
      ['10019', 'GET /v1/messaging/' + REF + ' 429 {"status":{"code":10019,"description":"Rate Limit Exceeded"}}', 'sms-api-error'],
      ['10019', 'POST /v1/phoneid/15555550100 429 {"status":{"code":10019}}', 'phoneid-intelligence-error'],
      [
        '11000',
        'POST /v1/messaging 400 {"status":{"code":11000,"description":"Invalid value for parameter phone_number."}}',
        'sms-api-error',
      ],
      [
        '11000',
        'POST /v1/phoneid/12 400 {"status":{"code":11000,"description":"Invalid value for parameter phone_number"}}',
        'phoneid-intelligence-error',
      ],
      ['11011', `GET /v1/messaging/not-a-ref 400 {"status":{"code":11011}}`, 'sms-api-error'],
      ['11011', 'Intelligence score request failed: status.code=11011', 'phoneid-intelligence-error'],
      [
        '12000',
        'POST /v1/messaging 400 {"status":{"code":12000,"description":"Missing Required Parameter phone_number"}}',
        'sms-api-error',
      ],
      ['12000', 'POST /v1/score/ 400 {"status":{"code":12000}}', 'phoneid-intelligence-error'],
    ];
    for (const [code, line, family] of cases) {
      it(`${code} → ${family}: ${line.slice(0, 60)}`, () => expectTop(code, line, family));
    }
  });

  describe('10031: API error vs DLR callback', () => {
    it('on a 401 it is Not Allowed Host', () => {
      expectTop(10031, 'POST /v1/messaging 401 {"status":{"code":10031}}', 'sms-api-error', 'Not Allowed Host');
    });
    it('in a delivery report callback it is the customer block', () => {
      expectTop(
        10031,
        `SMS DLR callback received {"reference_id":"${REF}","status":{"code":10031,"updated_on":"2026-11-23T10:00:00Z"}}`,
        'sms-api-error',
        'Message blocked by customer request',
      );
    });
  });

  describe('201: suspicious activity vs message read', () => {
    it('on an SMS Verify status it is the anti-fraud flag', () => {
      expectTop(
        201,
        `GET /v1/verify/${REF} 200 {"sub_resource":"sms","errors":[],"status":{"code":201,"description":"Transaction successfully completed, suspicious activity detected"}}`,
        'sms-delivery-status',
      );
    });
    it('in an RCS channel status it is the read receipt', () => {
      expectTop(201, `{"channel_status":[{"rcs":{"code":201,"description":"Message is read"}}]}`, 'messaging', 'Message is read');
    });
  });

  describe('Messaging status lookup vs send vs Verify API', () => {
    const cases: Array<[string, string, string]> = [
      ['3206', `GET /v1/omnichannel/${REF} 401 {"status":{"code":3206}}`, 'messaging-get-status'],
      [
        '3206',
        'POST https://rest-ww.telesign.com/v1/omnichannel 429 {"status":{"code":3206,"description":"Omnichannel Product not enabled for Customer ID"}}',
        'messaging',
      ],
      ['3400', `GET /v1/omnichannel/${REF} 401 {"status":{"code":3400,"description":"Not authorized"}}`, 'messaging-get-status'],
      ['3400', 'POST /v1/omnichannel 401 {"status":{"code":3400}}', 'messaging'],
      ['3411', `GET /v1/omnichannel/${REF} 401 {"status":{"code":3411,"description":"Invalid API Key."}}`, 'messaging-get-status'],
      ['3411', 'send failed POST /v1/omnichannel {"status":{"code":3411}}', 'messaging'],
      ['3412', `GET /v1/omnichannel/${REF} 401 {"status":{"code":3412}}`, 'messaging-get-status'],
      ['3412', 'POST /v1/omnichannel 401 {"status":{"code":3412}}', 'messaging'],
      ['3204', `GET /v1/omnichannel/${REF} 429 {"status":{"code":3204,"description":"Rate limit exceeded"}}`, 'messaging-get-status'],
      ['3204', 'POST /v1/omnichannel 429 {"status":{"code":3204}}', 'messaging'],
      [
        '3204',
        'POST https://verify.telesign.com/verification 429 {"status":{"code":3204,"description":"Rate Limit Exceeded"}}',
        'verify-api',
      ],
      ['3116', 'POST /v1/omnichannel 400 {"status":{"code":3116,"description":"Payload limit size exceeded"}}', 'messaging'],
      ['3116', 'POST https://verify.telesign.com/verification 413 {"status":{"code":3116}}', 'verify-api'],
      [
        '3203',
        'POST /v1/omnichannel {"status":{"code":3203,"description":"Callback URL parameter not enabled for Customer ID"}}',
        'messaging',
      ],
      ['3203', 'POST /verification 401 {"status":{"code":3203}}', 'verify-api'],
    ];
    for (const [code, line, family] of cases) {
      it(`${code} → ${family}: ${line.slice(0, 60)}`, () => expectTop(code, line, family));
    }
  });

  describe('Verify API request errors vs the same numbers in Messaging (published Verify API spec)', () => {
    const cases: Array<[string, string, string]> = [
      [
        '3302',
        'POST https://verify.telesign.com/verification 400 {"status":{"code":3302,"description":"Missing parameter phone_number"}}',
        'verify-api',
      ],
      ['3302', 'POST /v1/omnichannel 400 {"status":{"code":3302,"description":"Missing parameter phone_number"}}', 'messaging'],
      [
        '3101',
        'ts=2026-11-23T10:01:15Z level=error method=POST url=https://verify.telesign.com/verification status.code=3101',
        'verify-api',
      ],
      ['3101', 'ts=2026-11-23T10:01:15Z level=error method=POST path=/v1/omnichannel status.code=3101', 'messaging'],
      ['3500', 'verify.telesign.com 503 {"status":{"code":3500,"description":"System Unavailable"}}', 'verify-api'],
      ['3400', 'PATCH /verification/0123456789ABCDEF0123456789ABCDEF/state 401 {"status":{"code":3400}}', 'verify-api'],
      [
        '3901',
        'GET https://verify.telesign.com/verification/x {"inner_methods":[{"err_code":3901,"err_msg":"Request in progress","method":"silent","state":"ONGOING"}]}',
        'verify-api-inner',
      ],
      [
        '3901',
        'POST https://verify.telesign.com/verification 200 {"status":{"code":3901,"description":"Request in progress"}}',
        'verify-api',
      ],
      ['3000', 'GET /verification/x {"inner_methods":[{"err_code":3000,"err_msg":"Delivered","method":"voice"}]}', 'verify-api-inner'],
      ['3000', `GET /v1/omnichannel/${REF} {"status":{"code":3000,"description":"Delivered"}}`, 'messaging-get-status'],
    ];
    for (const [code, line, family] of cases) {
      it(`${code} → ${family}: ${line.slice(0, 60)}`, () => expectTop(code, line, family));
    }
  });

  describe('the rest of the shared numbers', () => {
    const cases: Array<[string, string, string, string?]> = [
      ['10008', 'POST /v1/messaging 401 {"status":{"code":10008,"description":"Invalid Signature."}}', 'sms-api-error'],
      ['10008', 'POST /v1/phoneid/15555550100 {"status":{"code":10008}}', 'phoneid-intelligence-error'],
      ['10010', 'POST /v1/messaging 401 {"status":{"code":10010}}', 'sms-api-error'],
      ['10010', 'phone id lookup failed {"status":{"code":10010}}', 'phoneid-intelligence-error'],
      ['10013', 'POST /v1/messaging 401 code=10013', 'sms-api-error'],
      ['10013', 'POST /v1/phoneid/1555 code=10013', 'phoneid-intelligence-error'],
      ['10014', 'POST /v1/messaging 401 code=10014', 'sms-api-error'],
      ['10014', 'POST /v1/score/1555 code=10014', 'phoneid-intelligence-error'],
      ['10015', 'POST /v1/messaging 401 code=10015', 'sms-api-error'],
      ['10015', 'intelligence request code=10015', 'phoneid-intelligence-error'],
      ['10017', `GET /v1/messaging/${REF} 404 code=10017`, 'sms-api-error'],
      ['10017', 'GET /v1/phoneid/x code=10017', 'phoneid-intelligence-error'],
      ['10020', 'POST /v1/messaging 429 code=10020', 'sms-api-error'],
      ['10020', 'phoneid: code=10020 "Messaging exceeded transaction hard cap. Request denied."', 'phoneid-intelligence-error'],
      ['10032', 'POST /v1/messaging {"status":{"code":10032,"description":"Message blocked by TeleSign"}}', 'sms-api-error'],
      ['10032', 'POST /v1/phoneid/1555 {"status":{"code":10032}}', 'phoneid-intelligence-error'],
      ['11001', 'POST /v1/messaging 400 code=11001', 'sms-api-error'],
      ['11001', 'POST /v1/phoneid/99 code=11001', 'phoneid-intelligence-error'],
      ['11003', 'POST /v1/messaging 400 code=11003', 'sms-api-error'],
      ['11003', 'POST /v1/score/1555 code=11003', 'phoneid-intelligence-error'],
      ['11010', 'POST /v1/messaging 400 code=11010', 'sms-api-error'],
      ['11010', 'POST /v1/score/1555 code=11010', 'phoneid-intelligence-error'],
      [
        '-20001',
        'GET /v1/verify/x 401 {"errors":[{"code":-20001,"description":"Invalid Request: CustomerID Parameter: abc"}]}',
        'verify-error',
        'Invalid Request: CustomerID Parameter: <customer_id>',
      ],
      ['-20001', 'POST /v1/verify/sms {"errors":[{"code":-20001,"description":"Invalid request"}]}', 'verify-error', 'Invalid request'],
    ];
    for (const [code, line, family, text] of cases) {
      it(`${code} → ${family}${text ? ` "${text}"` : ''}`, () => expectTop(code, line, family, text));
    }
  });

  it('covers every shared number in both directions (each meaning is reachable)', () => {
    // Every entry of an ambiguous code must be the top answer for some realistic context above; this
    // table lists the contexts that reach each one, so a new ambiguous code cannot slip in untested.
    const reached = new Set<string>();
    const probe = (code: string, line: string): void => {
      const m = top(code, line);
      reached.add(`${m.entry.code}|${m.entry.family}|${m.entry.text}`);
    };
    const lines: Array<[string, string]> = [
      ['3041', `GET /v1/omnichannel/${REF} 503 {"status":{"code":3041}}`],
      ['3041', '{"channel_status":[{"sms":{"code":3041}}]}'],
      ['3041', 'GET /capability/sms/1555 503 {"status":{"code":3041}}'],
      ['-10004', `GET /v1/omnichannel/${REF} 404 {"status":{"code":-10004}}`],
      ['-10004', `GET /v1/verify/${REF} 404 {"errors":[{"code":-10004}]}`],
      ['201', `GET /v1/verify/${REF} {"status":{"code":201}}`],
      ['201', '{"rcs":{"code":201}}'],
      ['10031', 'POST /v1/messaging 401 code=10031'],
      ['10031', 'DLR callback code=10031'],
      // Verify API callbacks: inner_methods[].err_code reuses numbers with other meanings.
      ['3209', '{"channel_status":[{"whatsapp":{"code":3209}}]}'],
      ['3209', 'callback verify.telesign.com {"inner_methods":[{"method":"whatsapp","state":"FAILED","err_code":3209}]}'],
      ['3900', 'PATCH /verification/0123456789ABCDEF0123456789ABCDEF/state 200 {"status":{"code":3900}}'],
      ['3900', 'callback {"inner_methods":[{"method":"sms","state":"VERIFIED","err_code":3900}]}'],
    ];
    for (const code of ['3206', '3400', '3411', '3412', '3204']) {
      lines.push(
        [code, `GET /v1/omnichannel/${REF} {"status":{"code":${code}}}`],
        [code, `POST /v1/omnichannel {"status":{"code":${code}}}`],
      );
    }
    for (const code of ['3101', '3103', '3110', '3302', '3400', '3500']) {
      lines.push([code, `POST https://verify.telesign.com/verification {"status":{"code":${code}}}`]);
    }
    for (const code of ['3101', '3103', '3110', '3302', '3500']) lines.push([code, `POST /v1/omnichannel {"status":{"code":${code}}}`]);
    lines.push(
      ['3901', 'POST https://verify.telesign.com/verification 200 {"status":{"code":3901}}'],
      ['3901', 'GET /verification/x {"inner_methods":[{"err_code":3901,"method":"silent"}]}'],
    );
    lines.push(
      ['3000', 'GET /verification/x {"inner_methods":[{"err_code":3000,"err_msg":"Delivered","method":"voice"}]}'],
      ['3000', `GET /v1/omnichannel/${REF} {"status":{"code":3000}}`],
      ['3000', '{"channel_status":[{"sms":{"code":3000}}]}'],
    );
    for (const code of ['3204', '3203', '3116']) {
      lines.push([code, `POST /verification {"status":{"code":${code}}}`], [code, `POST /v1/omnichannel code=${code}`]);
    }
    for (const code of ['10000', '10004', '10011']) {
      lines.push([code, `silent verify code=${code}`], [code, `POST /v1/messaging code=${code}`]);
    }
    for (const code of [
      '10008',
      '10009',
      '10010',
      '10013',
      '10014',
      '10015',
      '10017',
      '10019',
      '10020',
      '10032',
      '11000',
      '11001',
      '11003',
      '11010',
      '11011',
      '12000',
    ]) {
      lines.push([code, `POST /v1/phoneid/1555 code=${code}`], [code, `POST /v1/messaging code=${code}`]);
    }
    for (const e of catalog.get('-10001')) {
      lines.push(['-10001', `{"errors":[{"code":-10001,"description":"${e.text.replace(/<[a-z_]+>/, 'X')}"}]}`]);
    }
    for (const e of catalog.get('-20001')) {
      lines.push(['-20001', `{"errors":[{"code":-20001,"description":"${e.text.replace(/<[a-z_]+>/, 'X')}"}]}`]);
    }
    for (const [code, line] of lines) probe(code, line);

    const byCode = new Map<string, number>();
    for (const e of catalog.entries()) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
    const unreached = catalog
      .entries()
      .filter((e) => (byCode.get(e.code) ?? 0) > 1)
      .filter((e) => !reached.has(`${e.code}|${e.family}|${e.text}`))
      .map((e) => `${e.family} ${e.code} ${e.text}`);
    assert.deepStrictEqual(unreached, []);
  });

  describe('basics', () => {
    it('returns [] for unknown or malformed codes', () => {
      assert.deepStrictEqual(catalog.explain('99999'), []);
      assert.deepStrictEqual(catalog.explain(424242, 'GET /v1/omnichannel 503'), []);
      assert.deepStrictEqual(catalog.explain('abc'), []);
      assert.deepStrictEqual(catalog.explain(''), []);
      assert.deepStrictEqual(catalog.explain(1.5), []);
      assert.deepStrictEqual(catalog.explain('-3041'), []);
    });

    it('accepts the sign in any common form', () => {
      for (const form of ['-10004', '\u221210004', '\u201310004', ' -10004 ', -10004]) {
        const matches = catalog.explain(form);
        assert.ok(matches.length >= 2, String(form));
        assert.ok(
          matches.every((m) => m.entry.code === '-10004'),
          String(form),
        );
      }
    });

    it('orders equally-unsupported candidates the same way every time', () => {
      const a = catalog.explain(3041).map((m) => m.entry.family);
      const b = catalog.explain('3041', '').map((m) => m.entry.family);
      assert.deepStrictEqual(a, b);
      assert.strictEqual(new Set(a).size, 3);
    });

    it('explains a single-meaning code and says why', () => {
      const [m, ...rest] = catalog.explain('3001');
      assert.strictEqual(rest.length, 0);
      assert.strictEqual(m.entry.text, 'Message in progress');
      assert.ok(m.entry.retryable, 'in progress means wait and poll');
      assert.deepStrictEqual(m.reasons, ['the only documented meaning']);
    });

    it('does not read a code out of a reference ID or a longer number', () => {
      // 3041 appears inside the hex reference ID and inside 130412; neither is the code.
      const line = 'GET /v1/omnichannel/AB3041CD 200 {"status":{"code":3000},"channel_status":[{"sms":{"code":130412}}]}';
      const best = top(3041, line);
      assert.ok(!best.reasons.includes('under channel_status (a per-channel result)'), best.reasons.join(', '));
    });

    it('get() returns every meaning of the exact code', () => {
      assert.strictEqual(catalog.get('3041').length, 3);
      assert.strictEqual(catalog.get(' \u221210001 ').length, 6);
      assert.deepStrictEqual(catalog.get('10001'), []);
      assert.deepStrictEqual(catalog.get('nope'), []);
    });
  });
});
