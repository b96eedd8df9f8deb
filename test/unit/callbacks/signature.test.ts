// Body-only callback signing. Expected values were computed independently (Python hmac/hashlib/base64),
// not by the code under test.
import * as assert from 'assert';
import { callbackAuthorization, callbackSignature, parseTsaHeader, signCallback, signatureMatches } from '../../../src/core/callbacks';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { callbackFixture } from '../../support/callbackFixtures';

const TEST_KEY = 'VGVzdCBLZXk='; // "Test Key", the Node SDK's test key

describe('callback signing (body only)', () => {
  it('signs published bodies with the published example credentials', () => {
    assert.strictEqual(
      callbackSignature(DEMO_CREDENTIALS.apiKey, callbackFixture('sms-dlr-spec.json')),
      'L27nMReAEsmILWMV4plTNsWZkaIDvfJyHg9GQI0PZ18=',
    );
    assert.strictEqual(
      callbackSignature(DEMO_CREDENTIALS.apiKey, callbackFixture('verify-api.json')),
      'S/gHYPDxWL7NUAAMbCbUaYxPr5YfNKORfCnA5U3jD2Y=',
    );
  });

  it('matches our own vectors: JSON, empty and non-ASCII bodies', () => {
    assert.strictEqual(callbackSignature(TEST_KEY, '{"key":"value"}'), 'c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE=');
    assert.strictEqual(callbackSignature(TEST_KEY, ''), '839dZ1sy4LtTcWO5gjIazRU3d63+MhAQj8wMjF1cUvY=');
    assert.strictEqual(callbackSignature(TEST_KEY, '{"text":"café ✓"}'), '2ofhHV/vLryjSsDhu+wmWvcVQ9bsRK/gs0iMdIB7B74=');
    // A string and its UTF-8 bytes sign the same.
    assert.strictEqual(
      callbackSignature(TEST_KEY, Buffer.from('{"text":"café ✓"}', 'utf8')),
      '2ofhHV/vLryjSsDhu+wmWvcVQ9bsRK/gs0iMdIB7B74=',
    );
  });

  it('puts the same TSA value in Authorization and X-TS-Authorization', () => {
    const h = signCallback({ customerId: 'CUST-1', apiKey: TEST_KEY }, '{"key":"value"}');
    assert.strictEqual(h.Authorization, 'TSA CUST-1:c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE=');
    assert.strictEqual(h['X-TS-Authorization'], h.Authorization);
    assert.strictEqual(h['Content-Type'], 'application/json');
    assert.strictEqual(callbackAuthorization('CUST-1', TEST_KEY, '{"key":"value"}'), h.Authorization);
  });

  it('parses TSA headers tolerantly and refuses other shapes', () => {
    assert.deepStrictEqual(parseTsaHeader('  tsa CUST-1:abc=  '), { customerId: 'CUST-1', signature: 'abc=' });
    assert.strictEqual(parseTsaHeader('Basic Q1VTVDprZXk='), undefined);
    assert.strictEqual(parseTsaHeader('TSA nocolon'), undefined);
  });

  it('compares signatures by bytes and rejects other lengths and non-base64', () => {
    const expected = Buffer.from('c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE=', 'base64');
    assert.ok(signatureMatches('c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE=', expected));
    // Same bytes, non-canonical padding bits: not the signature Telesign sent.
    assert.ok(!signatureMatches('c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbF=', expected));
    assert.ok(signatureMatches('c954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE', expected), 'unpadded is the same text');
    assert.ok(!signatureMatches('d954Y/J5aG35j21QOFc0hA5+39krHjDYuSmz01BpdbE=', expected));
    assert.ok(!signatureMatches('c954Y/J5', expected));
    assert.ok(!signatureMatches('not base64!', expected));
    assert.ok(!signatureMatches('', expected));
  });
});
