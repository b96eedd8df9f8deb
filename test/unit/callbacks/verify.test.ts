// verifyCallbackSignature: every verdict and every mismatch reason, each produced by really making the
// mistake (signing or comparing the wrong way), never by hand-written signatures.
import * as assert from 'assert';
import { createHmac } from 'crypto';
import { callbackSignature, signCallback, verifyCallbackSignature } from '../../../src/core/callbacks';
import type { CallbackCredentials, SignatureVerdict } from '../../../src/core/callbacks';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { callbackFixture } from '../../support/callbackFixtures';

const ACTIVE: CallbackCredentials = { ...DEMO_CREDENTIALS, profile: 'Demo' };
const STAGING: CallbackCredentials = {
  customerId: '11111111-2222-3333-4444-555555555555',
  apiKey: Buffer.from('staging key bytes').toString('base64'),
  profile: 'Staging',
};
const PROD: CallbackCredentials = {
  customerId: '99999999-2222-3333-4444-555555555555',
  apiKey: Buffer.from('production key bytes').toString('base64'),
  profile: 'Production',
};
const BODY = callbackFixture('sms-dlr-page-rfc1123.json');

function verdict(
  headers: Record<string, string>,
  body: Buffer | string = BODY,
  more: Partial<Parameters<typeof verifyCallbackSignature>[0]> = {},
): SignatureVerdict {
  return verifyCallbackSignature({ rawBody: body, headers, credentials: ACTIVE, otherCredentials: [STAGING, PROD], ...more });
}

function reason(v: SignatureVerdict): string {
  return v.kind === 'invalid' ? v.reason : v.kind;
}

function assertNoKey(v: SignatureVerdict): void {
  const text = JSON.stringify(v);
  for (const c of [ACTIVE, STAGING, PROD]) {
    assert.ok(!text.includes(c.apiKey), 'verdict holds an API key');
    assert.ok(!text.includes(Buffer.from(c.apiKey, 'base64').toString('utf8')), 'verdict holds decoded key text');
  }
}

describe('verifyCallbackSignature', () => {
  it('valid: a body signed with the active key, read from either header', () => {
    const h = signCallback(ACTIVE, BODY);
    const v = verdict(h);
    assert.strictEqual(v.kind, 'valid');
    assert.strictEqual(v.kind === 'valid' && v.customerId, ACTIVE.customerId);
    assert.strictEqual(verdict({ 'x-ts-authorization': h.Authorization }).kind, 'valid');
    assert.strictEqual(verdict({ authorization: h.Authorization }).kind, 'valid');
    assertNoKey(v);
  });

  it('valid on the published example credentials over every published body', () => {
    for (const name of ['sms-dlr-spec.json', 'verify-api.json', 'sms-verify-dlr.json', 'template-review.json', 'bulk-sms-fail.json']) {
      const body = callbackFixture(name);
      assert.strictEqual(verdict(signCallback(ACTIVE, body), body).kind, 'valid', name);
    }
  });

  it('unsigned: neither header present', () => {
    const v = verdict({ 'content-type': 'application/json' });
    assert.strictEqual(v.kind, 'unsigned');
    assert.match(v.message, /unsigned/);
  });

  it('no-credentials: the active profile has no key, and says which other profile verifies it', () => {
    const v = verifyCallbackSignature({ rawBody: BODY, headers: signCallback(STAGING, BODY), otherCredentials: [STAGING] });
    assert.strictEqual(v.kind, 'no-credentials');
    assert.strictEqual(v.kind === 'no-credentials' && v.matchedProfile, 'Staging');
    assert.match(v.message, /no API key/);
  });

  it('whole-header: the app compared the whole `TSA id:sig` value', () => {
    const whole = signCallback(ACTIVE, BODY).Authorization;
    const v = verifyCallbackSignature({ rawBody: BODY, signature: whole, credentials: ACTIVE });
    assert.strictEqual(reason(v), 'whole-header');
    assert.match(v.message, /part after `TSA customer_id:`/);
    // The bare part is accepted as given.
    assert.strictEqual(
      verifyCallbackSignature({ rawBody: BODY, signature: callbackSignature(ACTIVE.apiKey, BODY), credentials: ACTIVE }).kind,
      'valid',
    );
  });

  it('key-not-decoded: signed with the key text instead of its base64-decoded bytes', () => {
    const sig = createHmac('sha256', Buffer.from(ACTIVE.apiKey, 'utf8')).update(BODY).digest('base64');
    const v = verdict({ Authorization: `TSA ${ACTIVE.customerId}:${sig}`, 'X-TS-Authorization': `TSA ${ACTIVE.customerId}:${sig}` });
    assert.strictEqual(reason(v), 'key-not-decoded');
    assert.match(v.message, /base64-decode the API key/);
    assertNoKey(v);
  });

  describe('body-reserialised', () => {
    const parsed: unknown = JSON.parse(BODY.toString('utf8'));
    const cases: Array<[string, string, string]> = [
      ['compact JSON.stringify (whitespace)', JSON.stringify(parsed), 'whitespace'],
      ['keys sorted (key order)', JSON.stringify(sortKeys(parsed), null, 2) + '\n', 'key order'],
    ];
    for (const [name, signedText, aspect] of cases) {
      it(`detects ${name}`, () => {
        // Telesign signed the original bytes; the app verified a re-serialised copy.
        const headers = signCallback(ACTIVE, signedText);
        const v = verdict(headers, BODY);
        assert.strictEqual(reason(v), 'body-reserialised', v.message);
        assert.ok(v.kind === 'invalid' && v.aspects?.includes(aspect as never), JSON.stringify(v));
        assert.match(v.message, /raw request body/);
      });
    }

    it('detects escaping: the app verified JSON.stringify of a body Telesign sent with \\u escapes', () => {
      const original =
        '{"reference_id":"0123456789ABCDEF0123456789ABCDEF","user_response":{"mo_message":"caf\\u00e9"},"status":{"code":1500}}';
      const appCopy = JSON.stringify(JSON.parse(original));
      const v = verdict(signCallback(ACTIVE, original), appCopy);
      assert.strictEqual(reason(v), 'body-reserialised', v.message);
      assert.ok(v.kind === 'invalid' && v.aspects?.includes('escaping'), JSON.stringify(v));
    });
  });

  it('other-customer-id: right key, header names another customer ID', () => {
    const sig = callbackSignature(ACTIVE.apiKey, BODY);
    const v = verdict({ Authorization: `TSA ${STAGING.customerId}:${sig}` });
    assert.strictEqual(reason(v), 'other-customer-id');
    assert.ok(v.message.includes(STAGING.customerId));
  });

  it("other-profile-key: signed with another profile's key", () => {
    const v = verdict(signCallback(PROD, BODY));
    assert.strictEqual(reason(v), 'other-profile-key');
    assert.strictEqual(v.kind === 'invalid' && v.matchedProfile, 'Production');
    assertNoKey(v);
  });

  it('headers-disagree: Authorization and X-TS-Authorization differ', () => {
    const a = signCallback(ACTIVE, BODY).Authorization;
    const v = verdict({ Authorization: a, 'X-TS-Authorization': a.replace(/.=$/, 'A=') });
    assert.strictEqual(reason(v), 'headers-disagree');
  });

  it('malformed-header: a bare signature, or not TSA at all', () => {
    const sig = callbackSignature(ACTIVE.apiKey, BODY);
    const bare = verdict({ Authorization: sig });
    assert.strictEqual(reason(bare), 'malformed-header');
    assert.match(bare.message, /bare signature/);
    assert.strictEqual(reason(verdict({ Authorization: 'Basic Zm9vOmJhcg==' })), 'malformed-header');
  });

  it('no-match: a tampered body, listing what was tried', () => {
    const headers = signCallback(ACTIVE, BODY);
    const tampered = BODY.toString('utf8').replace('"code": 200', '"code": 207');
    const v = verdict(headers, tampered);
    assert.strictEqual(reason(v), 'no-match');
    assert.match(v.message, /Tried this profile's key, the undecoded key, \d+ re-serialisations of the body and 2 other profile key\(s\)/);
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
