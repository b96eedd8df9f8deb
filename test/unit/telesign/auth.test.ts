import * as assert from 'assert';
import {
  basicAuthorization,
  digestHeaders,
  digestSignature,
  digestStringToSign,
  rfc1123Date,
  type DigestInput,
} from '../../../src/core/telesign/auth';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';

// Vectors from the official SDKs' unit tests (API reference §2.3).
const DATE = 'Wed, 14 Dec 2016 18:20:12 GMT';
const NONCE = 'A1592C6F-E384-4CDB-BC42-C3AB970369E9';
const FORM = 'application/x-www-form-urlencoded';

const vectors: { name: string; apiKey: string; input: DigestInput; signature: string }[] = [
  {
    name: 'POST form test=param',
    apiKey: 'VGVzdCBLZXk=',
    input: { method: 'POST', contentType: FORM, date: DATE, nonce: NONCE, path: '/v1/resource', body: 'test=param' },
    signature: 'vXw/XzywdhgfEG2/zWLaFp7oXmjLB8iJDMndvDbZMjk=',
  },
  {
    name: 'POST form with percent-encoded UTF-8',
    apiKey: 'VGVzdCBLZXk=',
    input: { method: 'POST', contentType: FORM, date: DATE, nonce: NONCE, path: '/v1/resource', body: 'test=%CF%BF' },
    signature: 'lPpGXw4jTRdaEp2obzYAD5rR+2aWDInJ8ThLbq0nTGU=',
  },
  {
    name: 'GET',
    apiKey: 'VGVzdCBLZXk=',
    input: { method: 'GET', contentType: '', date: DATE, nonce: NONCE, path: '/v1/resource' },
    signature: 'wscyrZZtA7kdXu0i4D5KXyDmBcwH52JF1feiEKp+ir0=',
  },
  {
    name: 'POST JSON body, unpadded key',
    apiKey: 'yourApiKey',
    input: { method: 'POST', contentType: 'application/json', date: DATE, nonce: NONCE, path: '/v1/resource', body: '{"key":"value"}' },
    signature: 'q5n15bclH8MY7OmbZnuVxwb9uivpmafJAlLcFnN/U8A=',
  },
];

describe('telesign/auth', () => {
  describe('digest vectors (§2.3)', () => {
    for (const v of vectors) {
      it(v.name, () => {
        assert.strictEqual(digestSignature(v.apiKey, digestStringToSign(v.input)), v.signature);
      });
    }
  });

  it('builds the GET string-to-sign: empty content-type line, path only, no trailing LF', () => {
    const s = digestStringToSign({ method: 'get', contentType: '', date: DATE, nonce: 'n1', path: '/v1/omnichannel/ABC' });
    assert.strictEqual(s, `GET\n\n${DATE}\nx-ts-auth-method:HMAC-SHA256\nx-ts-nonce:n1\n/v1/omnichannel/ABC`);
  });

  it('moves the date into an x-ts-date line when asked', () => {
    const s = digestStringToSign({ method: 'GET', contentType: '', date: DATE, nonce: 'n1', path: '/p', useXTsDate: true });
    assert.strictEqual(s, `GET\n\n\nx-ts-auth-method:HMAC-SHA256\nx-ts-date:${DATE}\nx-ts-nonce:n1\n/p`);
  });

  it('does not sign a body when the content type is empty', () => {
    const withBody = digestStringToSign({ method: 'GET', contentType: '', date: DATE, nonce: 'n', path: '/p', body: '{}' });
    assert.ok(!withBody.includes('{}'));
  });

  it('produces the headers the server checks', () => {
    const h = digestHeaders('CUST', 'VGVzdCBLZXk=', vectors[2].input);
    assert.deepStrictEqual(h, {
      Authorization: 'TSA CUST:wscyrZZtA7kdXu0i4D5KXyDmBcwH52JF1feiEKp+ir0=',
      Date: DATE,
      'x-ts-auth-method': 'HMAC-SHA256',
      'x-ts-nonce': NONCE,
    });
    const x = digestHeaders('CUST', 'VGVzdCBLZXk=', { ...vectors[0].input, useXTsDate: true });
    assert.strictEqual(x['x-ts-date'], DATE);
    assert.strictEqual(x['Date'], undefined);
    assert.strictEqual(x['Content-Type'], FORM);
  });

  it('computes the Basic header of the published example credentials (§2.1)', () => {
    assert.strictEqual(
      basicAuthorization(DEMO_CREDENTIALS.customerId, DEMO_CREDENTIALS.apiKey),
      'Basic RkZGRkZGRkYtRUVFRS1ERERELTEyMzQtQUIxMjM0NTY3ODkwOkFCQzEyMzQ1eXVzdW1vTjZCWXNCVmtoK3lSSjVjemdzbkNlaFphT1lsZFBKZG1GaDZOZVg4a3VuWjJ6VTFZV2FVdy8wd1Y2eGZ3PT0=',
    );
  });

  it('formats RFC 1123 dates in GMT with a two-digit day', () => {
    assert.strictEqual(rfc1123Date(Date.UTC(2016, 11, 14, 18, 20, 12)), DATE);
    assert.strictEqual(rfc1123Date(Date.UTC(2024, 0, 2, 3, 4, 5)), 'Tue, 02 Jan 2024 03:04:05 GMT');
  });
});
