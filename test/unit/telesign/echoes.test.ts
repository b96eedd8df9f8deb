// Security issue #11, items 1, 11 and 12: a server that echoes the key in any reversible spelling, writes
// look-alike log lines, or sends `__proto__` must not get any of it into what is shown or stored.
import * as assert from 'assert';
import { normalizeResponse } from '../../../src/core/telesign/normalize';
import { neutralizeControls, redact, REDACTED } from '../../../src/core/telesign/redact';
import { ALL_ECHOES, ENCODED, jsonLiteral } from '../../support/echoes';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY, SENTINEL_SECRETS } from '../../support/sentinel';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const CT = 'application/json';

/** The body's source text with the spelling planted in descriptions, extra fields and a key name. */
function successBody(name: string): string {
  const lit = jsonLiteral(name);
  return (
    `{"reference_id":"${REF}","status":{"code":3000,"description":${lit}},"channel_status":[{"sms":{"code":3000,"description":${lit}}}],` +
    `"additional_info":{"echo":${lit}},"debug":{"auth":${lit},${lit}:1},"external_id":${lit},"errors":[{"code":1,"description":${lit}}]}`
  );
}
function errorBody(name: string): string {
  const lit = jsonLiteral(name);
  return `{"status":{"code":3411,"description":${lit},"signature_string":${lit}},"errors":[{"code":-30015,"description":${lit}}],"echo":{${lit}:${lit}}}`;
}

function assertGone(value: unknown, name: string, where: string): void {
  const text = JSON.stringify(value);
  assert.ok(!text.includes(SENTINEL_KEY), `${where}: ${name} came back as the plain key: ${text.slice(0, 400)}`);
  if (name in ENCODED) assert.ok(!text.includes(ENCODED[name]), `${where}: ${name} survives as sent: ${text.slice(0, 400)}`);
  assertNoSecret(value, `${where} (${name})`);
}

describe('security: echoed keys in every reversible spelling (issue #11 item 1)', () => {
  for (const name of ALL_ECHOES) {
    it(`${name}: success, error, HTML and broken-JSON answers keep no trace of the key`, () => {
      const secrets = SENTINEL_SECRETS;
      const ok = normalizeResponse({ endpoint: 'omnichannel', httpStatus: 200, bodyText: successBody(name), contentType: CT, secrets });
      assert.ok(ok.ok, JSON.stringify(ok));
      assertGone(ok, name, 'success');
      assert.strictEqual(ok.value.status.code, 3000, 'the rest of the answer is read');

      const bad = normalizeResponse({ endpoint: 'verify', httpStatus: 401, bodyText: errorBody(name), contentType: CT, secrets });
      assert.ok(!bad.ok && bad.error.kind === 'auth', JSON.stringify(bad));
      assertGone(bad, name, 'error');

      const spelled = name in ENCODED ? ENCODED[name] : JSON.parse(jsonLiteral(name));
      const html = normalizeResponse({
        endpoint: 'omnichannel',
        httpStatus: 502,
        bodyText: `<p>key=${jsonLiteral(name)} ${spelled}</p>`,
        contentType: 'text/html',
        secrets,
      });
      assert.ok(!html.ok && html.error.kind === 'malformed-response');
      assertGone(html, name, 'HTML preview');

      const cut = normalizeResponse({
        endpoint: 'omnichannel',
        httpStatus: 200,
        bodyText: successBody(name).slice(0, -3),
        contentType: CT,
        secrets,
      });
      assert.ok(!cut.ok && (cut.error.bodyPreview ?? '').includes(REDACTED), 'the preview shows where the key was');
      assertGone(cut, name, 'broken JSON preview');
    });
  }

  it('redacts every spelling in plain text (the log and error-message path)', () => {
    for (const name of ALL_ECHOES) {
      const spelled = name in ENCODED ? ENCODED[name] : JSON.parse(jsonLiteral(name));
      const raw = jsonLiteral(name).slice(1, -1);
      const out = redact(`before ${spelled} middle ${raw} after`, SENTINEL_SECRETS);
      // Base64 at an offset keeps a character or two at each end that mix in the neighbours' bits.
      assert.match(out, new RegExp(`^before \\S{0,3}\\[REDACTED\\]\\S{0,3} middle \\S{0,3}\\[REDACTED\\]\\S{0,3} after$`), name);
      assertNoSecret(out, name);
    }
  });

  it('keeps ordinary data around the key intact, and the customer ID readable', () => {
    const out = redact(`id ${CUSTOMER_ID}, ref ${REF}, 2024-05-01T10:00:00Z, code 3000 Delivered`, SENTINEL_SECRETS);
    assert.strictEqual(out, `id ${CUSTOMER_ID}, ref ${REF}, 2024-05-01T10:00:00Z, code 3000 Delivered`);
  });
});

describe('security: a __proto__ key in a body stays data (issue #11 item 12)', () => {
  it('becomes an own key of extra and of raw, not their prototype', () => {
    const body = `{"reference_id":"${REF}","status":{"code":3000,"description":"ok"},"__proto__":{"polluted":"yes","code":1},"additional_info":{"__proto__":{"x":1},"y":2}}`;
    const r = normalizeResponse({ endpoint: 'omnichannel', httpStatus: 200, bodyText: body, contentType: CT });
    assert.ok(r.ok);
    const { extra, raw } = r.value;
    for (const [where, map] of [
      ['extra', extra],
      ['raw', raw as Record<string, unknown>],
      ['extra.additional_info', extra.additional_info as Record<string, unknown>],
    ] as const) {
      assert.strictEqual(Object.getPrototypeOf(map), Object.prototype, `${where} keeps the plain object prototype`);
      assert.ok(Object.prototype.hasOwnProperty.call(map, '__proto__'), `${where} holds __proto__ as a key`);
    }
    assert.strictEqual((extra as { polluted?: unknown }).polluted, undefined, 'nothing is inherited from the body');
    assert.deepStrictEqual(
      JSON.parse(JSON.stringify(extra)),
      JSON.parse('{"__proto__":{"polluted":"yes","code":1},"additional_info":{"__proto__":{"x":1},"y":2}}'),
    );
  });
});

describe('security: control characters in logged text (issue #11 item 11)', () => {
  it('a description with newlines, escapes and bidi controls stays one visible line', () => {
    const evil = 'Delivered\n2024-05-01 10:00:00.000 [info] lookup ok\r\x1b[2J\u2028fake\u202Eevil\t.';
    const out = neutralizeControls(evil);
    assert.ok(!/[\p{Cc}\u2028\u202E]/u.test(out), JSON.stringify(out));
    assert.strictEqual(out, 'Delivered\\n2024-05-01 10:00:00.000 [info] lookup ok\\r\\u001b[2J\\u2028fake\\u202eevil\\t.');
  });
});
