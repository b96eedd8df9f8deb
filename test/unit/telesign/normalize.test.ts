import * as assert from 'assert';
import { normalizeResponse, parseTelesignTimestamp, type Normalized, type SuccessFields } from '../../../src/core/telesign/normalize';
import type { EndpointId, LookupError } from '../../../src/core/telesign/types';
import { fixtureText } from '../../support/responseFixtures';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';

const JSON_CT = 'application/json; charset=utf-8';

function ok(n: Normalized): SuccessFields {
  if (!n.ok) assert.fail(`expected success, got ${n.error.kind}: ${n.error.message}`);
  return n.value;
}
function err(n: Normalized): LookupError {
  if (n.ok) assert.fail('expected an error');
  return n.error;
}
function fixture(name: string, endpoint: EndpointId, httpStatus: number): Normalized {
  return normalizeResponse({ endpoint, httpStatus, bodyText: fixtureText(name), contentType: JSON_CT });
}

describe('telesign/normalize', () => {
  describe('timestamps', () => {
    it('reads the example formats', () => {
      assert.strictEqual(parseTelesignTimestamp('2024-11-12T13:08:37.000000Z'), '2024-11-12T13:08:37.000Z');
      assert.strictEqual(parseTelesignTimestamp('2024-11-12T13:08:35.212526Z'), '2024-11-12T13:08:35.212Z');
      assert.strictEqual(parseTelesignTimestamp('2020-05-04 22:07:01:226'), '2020-05-04T22:07:01.226Z');
      assert.strictEqual(parseTelesignTimestamp('2024-01-31T21:36:42+02:00'), '2024-01-31T19:36:42.000Z');
    });
    it('refuses to guess impossible dates', () => {
      assert.strictEqual(parseTelesignTimestamp('2022-31-03T14:51:28.709526Z'), undefined);
      assert.strictEqual(parseTelesignTimestamp('2023-02-29T00:00:00Z'), undefined);
      assert.strictEqual(parseTelesignTimestamp('yesterday'), undefined);
      assert.strictEqual(parseTelesignTimestamp(''), undefined);
    });
  });

  describe('omnichannel examples (§3.1)', () => {
    for (const name of ['omnichannel-200-auto-otp.json', 'omnichannel-200-auto-otp-with-code.json']) {
      it(`reads ${name}`, () => {
        const v = ok(fixture(name, 'omnichannel', 200));
        assert.strictEqual(v.httpStatus, 200);
        assert.deepStrictEqual(v.status, {
          code: 3000,
          description: 'Delivered',
          lastChannel: 'whatsapp',
          updatedOn: '2024-11-12T13:08:37.000Z',
          updatedOnRaw: '2024-11-12T13:08:37.000000Z',
        });
        assert.deepStrictEqual(v.verify, { state: 'VALID', codeEntered: '50361' });
        // Top-level price/currency (examples) and mcc/mnc in additional_info (schema).
        assert.strictEqual(v.price, '0.0050');
        assert.strictEqual(v.currency, 'USD');
        assert.strictEqual(v.mcc, '310');
        assert.strictEqual(v.mnc, '012');
        assert.deepStrictEqual(
          v.channels.map((c) => [c.channel, c.code, c.referenceId, c.updatedOn]),
          [
            ['viber', 3112, '364C81F5F40C0120923096EEAF73053E', '2024-11-12T13:08:35.212Z'],
            ['whatsapp', 3000, '364C81F5F46402189211BDE408330A86', '2024-11-12T13:08:37.000Z'],
          ],
        );
        assert.deepStrictEqual(v.extra, {});
        assert.deepStrictEqual(v.errors, []);
        assert.deepStrictEqual(v.raw, JSON.parse(fixtureText(name)));
      });
    }

    it('reads the example without auto-generated OTP (no verify object)', () => {
      const v = ok(fixture('omnichannel-200-no-auto-otp.json', 'omnichannel', 200));
      assert.strictEqual(v.verify, undefined);
      assert.strictEqual(v.status.lastChannel, 'viber');
      assert.deepStrictEqual(
        v.channels.map((c) => c.channel),
        ['rcs', 'viber'],
      );
      assert.strictEqual(v.price, '0.0050');
    });

    it('reads price and currency from additional_info too (schema placement)', () => {
      const body = {
        reference_id: 'A'.repeat(32),
        status: { code: 3001, description: 'Message in progress' },
        additional_info: { price: '0.01', currency: 'EUR' },
        channel_status: [],
      };
      const v = ok(normalizeResponse({ endpoint: 'omnichannel', httpStatus: 200, bodyText: JSON.stringify(body), contentType: JSON_CT }));
      assert.strictEqual(v.price, '0.01');
      assert.strictEqual(v.currency, 'EUR');
      assert.strictEqual(v.status.updatedOn, undefined);
    });

    const errors: [string, number, string, number][] = [
      ['omnichannel-400.json', 400, 'bad-request', 3311],
      ['omnichannel-401.json', 401, 'auth', 3411],
      ['omnichannel-404.json', 404, 'expired', -10004],
      ['omnichannel-429.json', 429, 'rate-limited', 3204],
      ['omnichannel-503.json', 503, 'unavailable', 3041],
    ];
    for (const [name, status, kind, code] of errors) {
      it(`maps ${name} to ${kind}`, () => {
        const e = err(fixture(name, 'omnichannel', status));
        assert.strictEqual(e.kind, kind);
        assert.strictEqual(e.code, code);
        assert.strictEqual(e.httpStatus, status);
        assert.ok(e.description && e.description.length > 0);
        assert.deepStrictEqual(e.raw, JSON.parse(fixtureText(name)));
      });
    }
  });

  describe('SMS Verify / Voice Verify examples (§3.2)', () => {
    it('reads the 200 example, keeping the impossible date raw', () => {
      const v = ok(fixture('verify-200.json', 'verify', 200));
      assert.strictEqual(v.status.code, 200);
      assert.strictEqual(v.status.updatedOn, undefined);
      assert.strictEqual(v.status.updatedOnRaw, '2022-31-03T14:51:28.709526Z');
      assert.strictEqual(v.subResource, 'sms');
      assert.deepStrictEqual(v.verify, { state: 'VALID', codeEntered: '45558' });
      assert.deepStrictEqual(v.errors, []);
      assert.deepStrictEqual(v.extra, {
        additional_info: {
          message_part_sequence_number: 1,
          message_parts_count: 1,
          message_parts_reference_ids: '35E63E88CB000E049196AD1CFCFFB89C,35E63E88CC7C050491613443467F3F12',
        },
      });
    });

    it('keeps sim_swap in extra and reads an empty code_entered as none', () => {
      const v = ok(fixture('verify-200-sim-swap.json', 'verify', 200));
      assert.strictEqual(v.status.code, 518);
      assert.deepStrictEqual(v.verify, { state: 'UNKNOWN', codeEntered: null });
      assert.deepStrictEqual(Object.keys(v.extra), ['sim_swap']);
    });

    it('reads the Voice Verify example', () => {
      const v = ok(fixture('voice-verify-200.json', 'verify', 200));
      assert.strictEqual(v.subResource, 'call');
      assert.strictEqual(v.status.code, 100);
      assert.deepStrictEqual(v.verify, { state: 'VALID', codeEntered: '12345' });
    });

    const errors: [string, number, string, number][] = [
      ['verify-400.json', 400, 'bad-request', -10001],
      ['verify-401.json', 401, 'auth', -30004],
      ['verify-404.json', 404, 'expired', -10004],
      ['verify-429.json', 429, 'rate-limited', -40007],
      ['verify-503.json', 503, 'unavailable', -90001],
    ];
    for (const [name, status, kind, code] of errors) {
      it(`takes the code from errors[] in ${name} (${kind})`, () => {
        const e = err(fixture(name, 'verify', status));
        assert.strictEqual(e.kind, kind);
        assert.strictEqual(e.code, code);
      });
    }
  });

  describe('SMS and Verify API examples (§3.3, §3.4)', () => {
    it('reads the SMS 200 example', () => {
      const v = ok(fixture('messaging-200.json', 'messaging', 200));
      assert.strictEqual(v.status.code, 290);
      assert.strictEqual(v.verify, undefined);
      assert.ok('additional_info' in v.extra);
    });

    it('reads a positive 5-digit code from status.code and keeps external_id in raw', () => {
      const e = err(fixture('messaging-401.json', 'messaging', 401));
      assert.strictEqual(e.kind, 'auth');
      assert.strictEqual(e.code, 10022);
      assert.match(e.message, /Invalid API key — run “Telesign: Set Credentials”/);
    });

    it('surfaces signature_string on a 401', () => {
      const e = err(fixture('messaging-401-signature.json', 'messaging', 401));
      assert.strictEqual(e.code, 10008);
      assert.strictEqual(
        e.signatureString,
        'GET\n\nTue, 31 Jan 2024 19:36:42 GMT\nx-ts-auth-method: HMAC-SHA256\n/v1/messaging/0123456789ABCDEF0123456789ABCDEF',
      );
    });

    it('reads the Verify API state', () => {
      const v = ok(fixture('verification-200.json', 'verification', 200));
      assert.strictEqual(v.state, 'VERIFIED');
      assert.strictEqual(v.status.description, 'VERIFIED');
      assert.strictEqual(v.status.code, null);
      assert.deepStrictEqual(Object.keys(v.extra).sort(), ['recipient', 'verification_policy']);
    });
  });

  describe('garbage', () => {
    const cases: [string, number, string, string | null][] = [
      ['an HTML 502 page', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'],
      ['truncated JSON', 200, '{"status": {"code": 3000, "descr', JSON_CT],
      ['an empty 200', 200, '', JSON_CT],
      ['JSON that is an array', 200, '[1,2]', JSON_CT],
      ['JSON that is a string', 200, '"hello"', JSON_CT],
      ['JSON null', 404, 'null', JSON_CT],
      ['a JSON object with no status', 200, '{"hello":"world"}', JSON_CT],
      ['JSON with a wrong content type', 200, '{"status":{"code":3000}}', 'text/plain'],
    ];
    for (const [name, status, body, ct] of cases) {
      it(`turns ${name} into malformed-response with a preview`, () => {
        const e = err(normalizeResponse({ endpoint: 'omnichannel', httpStatus: status, bodyText: body, contentType: ct }));
        assert.strictEqual(e.kind, 'malformed-response');
        assert.strictEqual(e.httpStatus, status);
        assert.strictEqual(e.bodyPreview, body.slice(0, 2048));
        assert.strictEqual(e.retryable, status >= 500);
      });
    }

    it('caps and redacts the preview', () => {
      const body =
        `<p>Authorization: Basic ${Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64')} key=${SENTINEL_KEY}</p>` +
        'x'.repeat(5000);
      const e = err(
        normalizeResponse({ endpoint: 'verify', httpStatus: 502, bodyText: body, contentType: 'text/html', secrets: [SENTINEL_KEY] }),
      );
      assert.ok(e.bodyPreview !== undefined && e.bodyPreview.length <= 2048 + 64);
      assertNoSecret(e);
    });

    it('scrubs an echoed key out of a JSON body before keeping it', () => {
      const body = JSON.stringify({ status: { code: 3411, description: `Invalid API Key ${SENTINEL_KEY}` }, echo: SENTINEL_KEY });
      const e = err(
        normalizeResponse({ endpoint: 'omnichannel', httpStatus: 401, bodyText: body, contentType: JSON_CT, secrets: [SENTINEL_KEY] }),
      );
      assert.strictEqual(e.kind, 'auth');
      assertNoSecret(e);
    });

    it('accepts a missing content type and numeric strings as codes', () => {
      const v = ok(
        normalizeResponse({
          endpoint: 'omnichannel',
          httpStatus: 200,
          bodyText: '{"status":{"code":"3001","description":"Message in progress"},"channel_status":{"sms":{"code":3001}},"new_field":1}',
        }),
      );
      assert.strictEqual(v.status.code, 3001);
      assert.deepStrictEqual(
        v.channels.map((c) => [c.channel, c.code]),
        [['sms', 3001]],
      );
      assert.deepStrictEqual(v.extra, { new_field: 1 });
    });
  });
});
