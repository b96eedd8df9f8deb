// What the Set Credentials prompts accept (core/telesign/credentials.ts), and when demo credentials apply.
import * as assert from 'assert';
import { demoHonoured, validateApiKey, validateCustomerId } from '../../../src/core/telesign/credentials';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';

describe('telesign/credentials', () => {
  it('customer IDs: 8-4-4-4-12 hex, with the offending character named', () => {
    assert.strictEqual(validateCustomerId(DEMO_CREDENTIALS.customerId), undefined);
    assert.strictEqual(validateCustomerId(' 0a1b2c3d-4e5f-6789-abcd-ef0123456789 '), undefined, 'trimmed, either case');
    assert.match(validateCustomerId('') ?? '', /Enter your Telesign customer ID/);
    assert.match(validateCustomerId('0A1B2C3D-4E5F-6789-ABCD-EF012345678Z') ?? '', /remove “Z”/);
    assert.match(validateCustomerId('0A1B2C3D 4E5F') ?? '', /remove “ ”/);
    assert.match(validateCustomerId('0A1B2C3D-4E5F-6789-ABCD-EF012345678') ?? '', /8-4-4-4-12/);
  });

  it('API keys: complete standard base64 of a plausible length', () => {
    assert.strictEqual(validateApiKey(DEMO_CREDENTIALS.apiKey), undefined);
    assert.match(validateApiKey('') ?? '', /Enter the API key/);
    assert.match(validateApiKey('QUJD REVG') ?? '', /no spaces or line breaks/);
    assert.match(validateApiKey('not-base64_!') ?? '', /is base64/);
    assert.match(validateApiKey('QUJDREVGR0hJSktMTU5PUA=') ?? '', /wrong length/);
    assert.match(validateApiKey('QUJDRA==') ?? '', /too short/);
  });

  it('demo credentials only where every request stays on this machine', () => {
    const local = { demo: true, baseUrl: 'http://127.0.0.1:8080' };
    assert.strictEqual(demoHonoured(local), true);
    assert.strictEqual(demoHonoured({ ...local, demo: false }), false);
    assert.strictEqual(demoHonoured({ ...local, baseUrl: 'https://rest-ww.telesign.com' }), false);
    assert.strictEqual(demoHonoured({ ...local, verifyBaseUrl: 'http://localhost:9' }), true);
    assert.strictEqual(demoHonoured({ ...local, verifyBaseUrl: 'https://verify.telesign.com' }), false);
  });
});
