// Every callback family's published example (test/fixtures/callbacks) read by the one lenient parser.
import * as assert from 'assert';
import { callbackDate, parseCallback } from '../../../src/core/callbacks';
import type { ParsedCallback } from '../../../src/core/callbacks';
import { callbackFixture } from '../../support/callbackFixtures';

function parsed(name: string): ParsedCallback {
  const r = parseCallback(callbackFixture(name), { 'content-type': 'application/json' });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.callback;
}

describe('parseCallback: every family', () => {
  it('SMS delivery report (spec): parts, price, external ID', () => {
    const cb = parsed('sms-dlr-spec.json');
    assert.strictEqual(cb.family, 'sms-delivery');
    assert.strictEqual(cb.referenceId, 'B56259E45884010488343BAA15FB0002');
    assert.deepStrictEqual(cb.status, {
      code: 200,
      description: 'Delivered to handset',
      updatedOn: { raw: '2016-10-21T14:05:36.181346Z', iso: '2016-10-21T14:05:36.181Z' },
    });
    assert.deepStrictEqual(cb.messageParts, {
      count: 2,
      sequence: undefined,
      referenceIds: ['35E63E88CB000E049196AD1CFCFFB89C', '35E63E88CC7C050491613443467F3F12'],
    });
    assert.deepStrictEqual(cb.childReferenceIds, ['35E63E88CB000E049196AD1CFCFFB89C', '35E63E88CC7C050491613443467F3F12']);
    assert.deepStrictEqual(cb.price, { amount: '0.01', currency: 'USD' });
    assert.strictEqual(cb.externalId, 'CustomExternalID7349');
    assert.deepStrictEqual([cb.mcc, cb.mnc], ['310', '004']);
  });

  it('SMS delivery report (page): RFC 1123 date and a string message_parts_count', () => {
    const cb = parsed('sms-dlr-page-rfc1123.json');
    assert.strictEqual(cb.family, 'sms-delivery');
    assert.strictEqual(cb.status.updatedOn?.iso, '2022-06-23T19:03:44.000Z');
    assert.strictEqual(cb.messageParts?.count, 2);
    assert.ok(cb.notes.some((n) => /message_parts_count was sent as a string/.test(n)));
  });

  it('SMS Verify report: code_state, risk, SIM swap (risk_indicator as a string)', () => {
    const cb = parsed('sms-verify-dlr.json');
    assert.strictEqual(cb.family, 'sms-verify-delivery');
    assert.deepStrictEqual(cb.verify, { codeState: 'UNKNOWN', codeEnteredPresent: false });
    assert.deepStrictEqual(cb.risk, { recommendation: 'allow', score: 80, level: 'low' });
    assert.deepStrictEqual(cb.simSwap, { riskIndicator: 1, swapDate: '2018-09-05', swapTime: '22:00:00', statusCode: 2800 });
    assert.strictEqual(cb.submittedAt?.iso, '2016-01-01T01:01:01.010Z');
    assert.deepStrictEqual(
      cb.codes.map((c) => c.path),
      ['status.code', 'sim_swap.status.code'],
    );
  });

  it('Verify API: state, policy, inner methods with err_code, impossible dates kept raw', () => {
    const cb = parsed('verify-api.json');
    assert.strictEqual(cb.family, 'verify-api');
    assert.strictEqual(cb.state, 'VERIFIED');
    assert.deepStrictEqual(cb.verificationPolicy, [
      { method: 'whatsapp', fallbackTimeS: 30 },
      { method: 'sms', fallbackTimeS: 30 },
    ]);
    assert.deepStrictEqual(
      cb.innerMethods.map((m) => [m.method, m.state, m.errCode, m.errMsg]),
      [
        ['whatsapp', 'FAILED', 3209, 'Unknown status'],
        ['sms', 'VERIFIED', 3900, 'Verified'],
      ],
    );
    assert.deepStrictEqual(cb.innerMethods[1].expiresOn, { raw: '2022-31-03T14:51:28.709526Z' });
    assert.ok(cb.notes.some((n) => /2022-31-03/.test(n)));
    assert.strictEqual(cb.status.code, null);
    assert.strictEqual(cb.phone(), '•••••••7890');
    assert.strictEqual(cb.phone(true), '11234567890');
  });

  it('Messaging delivery report: last_channel, channel_status with child IDs, `2020-05-04 22:07:01:226` dates', () => {
    const cb = parsed('messaging-dlr.json');
    assert.strictEqual(cb.family, 'messaging-delivery');
    assert.strictEqual(cb.lastChannel, 'sms');
    assert.strictEqual(cb.externalId, null);
    assert.strictEqual(cb.status.updatedOn?.iso, '2020-05-04T22:07:01.226Z');
    assert.deepStrictEqual(
      cb.channels.map((c) => [c.channel, c.code]),
      [
        ['rcs', 3056],
        ['sms', 3000],
      ],
    );
    assert.deepStrictEqual(cb.childReferenceIds, ['65C77D4A6C5C09085694EFB6C554D2BF', '65C77D4A6C5C09085694EFB6C554D2C0']);
    assert.strictEqual(cb.latestTime?.iso, '2020-05-04T22:07:01.226Z');
  });

  it('Messaging read notification', () => {
    const cb = parsed('messaging-read.json');
    assert.strictEqual(cb.family, 'messaging-read');
    assert.strictEqual(cb.status.code, 3005);
    assert.strictEqual(cb.lastChannel, 'whatsapp');
  });

  it('inbound SMS: user_response, keyword/action, masked phone and text', () => {
    const cb = parsed('inbound-mo-sms.json');
    assert.strictEqual(cb.family, 'inbound');
    assert.deepStrictEqual(cb.inbound, {
      channel: 'sms',
      action: 'start',
      keyword: 'start',
      senderId: '4442',
      isoCountryCode: 'US',
      originalReferenceId: undefined,
      contentType: undefined,
    });
    assert.strictEqual(cb.phone(), '•••••••7890');
    assert.strictEqual(cb.text(), '••• (5 characters hidden)');
    assert.strictEqual(cb.text(true), 'Start');
    assert.strictEqual(cb.status.code, 1500);
    // Serialising the callback (e.g. to a webview) never carries the raw phone or text.
    const json = JSON.stringify(cb);
    assert.ok(!json.includes('11234567890') && !json.includes('"Start"'), json);
    const masked = JSON.stringify(cb.maskedBody());
    assert.ok(!masked.includes('11234567890') && !masked.includes('"Start"') && masked.includes('"4442"'), masked);
  });

  it('inbound WhatsApp: typed content, end_user_action, original reference ID as a child', () => {
    const cb = parsed('inbound-mo-whatsapp.json');
    assert.strictEqual(cb.family, 'inbound');
    assert.strictEqual(cb.inbound?.channel, 'whatsapp');
    assert.strictEqual(cb.inbound?.contentType, 'text');
    assert.strictEqual(cb.inbound?.action, 'STOP');
    assert.strictEqual(cb.text(true), 'Hello');
    assert.deepStrictEqual(cb.childReferenceIds, ['364C81F5F3D0020C91E7A731DE93A777']);
  });

  it('template review', () => {
    const cb = parsed('template-review.json');
    assert.strictEqual(cb.family, 'template-review');
    assert.deepStrictEqual(cb.template, { name: 'WAMarketingTemplate1', channel: 'whatsapp', languages: ['en_US'] });
    assert.strictEqual(cb.status.code, 3850);
  });

  it('bulk SMS: session ID, errors[]', () => {
    const ok = parsed('bulk-sms-success.json');
    assert.strictEqual(ok.family, 'bulk-sms');
    assert.strictEqual(ok.sessionId, '255E3E34382C0E049046BF14FF7F3435');
    const fail = parsed('bulk-sms-fail.json');
    assert.strictEqual(fail.family, 'bulk-sms');
    assert.deepStrictEqual(fail.errors, [{ code: -90001, description: 'System Unavailable, Please try again later.' }]);
    assert.deepStrictEqual(
      fail.codes.map((c) => [c.path, c.code]),
      [
        ['status.code', 500],
        ['errors[0].code', -90001],
      ],
    );
  });
});

describe('parseCallback: bad input gets a clear message', () => {
  it('refuses empty, non-JSON, non-object and oversized bodies', () => {
    const msg = (b: string | Buffer): string => {
      const r = parseCallback(b);
      assert.ok(!r.ok);
      return r.error;
    };
    assert.match(msg(''), /empty body/);
    assert.match(msg('status=200'), /not valid JSON/);
    assert.match(msg('[1,2]'), /JSON object; this is an array/);
    assert.match(msg(Buffer.alloc(1024 * 1024 + 1, 32)), /over the 1048576-byte limit/);
  });

  it('reads odd shapes leniently and says what it tolerated', () => {
    const r = parseCallback('\uFEFF{"status":{"code":"3000"},"channel_status":[42,{"sms":{"code":3000}}]}', {
      'Content-Type': 'text/plain',
    });
    assert.ok(r.ok);
    assert.strictEqual(r.callback.family, 'messaging-delivery');
    assert.strictEqual(r.callback.status.code, 3000);
    assert.ok(r.callback.notes.some((n) => /channel_status\[0\]/.test(n)));
    assert.ok(r.callback.notes.some((n) => /Content-Type is "text\/plain"/.test(n)));
    const unknown = parseCallback('{"hello":"world"}');
    assert.ok(unknown.ok && unknown.callback.family === 'unknown');
  });
});

describe('callbackDate', () => {
  it("reads ISO, RFC 1123 and Telesign's colon-millisecond form; refuses impossible dates", () => {
    assert.strictEqual(callbackDate('2024-11-12T13:08:37.000000Z'), '2024-11-12T13:08:37.000Z');
    assert.strictEqual(callbackDate('Thu, 23 Jun 2022 19:03:44 GMT'), '2022-06-23T19:03:44.000Z');
    assert.strictEqual(callbackDate('2020-05-04 22:07:01:226'), '2020-05-04T22:07:01.226Z');
    assert.strictEqual(callbackDate('2022-31-03T14:51:28.709526Z'), undefined);
    assert.strictEqual(callbackDate('Thu, 31 Feb 2022 19:03:44 GMT'), undefined);
  });
});
