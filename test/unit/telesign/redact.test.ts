import * as assert from 'assert';
import { redact, REDACTED } from '../../../src/core/telesign/redact';
import { basicAuthorization, digestHeaders } from '../../../src/core/telesign/auth';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';

describe('telesign/redact', () => {
  it('removes a given secret, its URL-encoded and base64 forms', () => {
    const key = 'ab+cd/ef==ZZ';
    const text = `k=${key} u=${encodeURIComponent(key)} l=${encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())} b=${Buffer.from(key).toString('base64')}`;
    const out = redact(text, [key]);
    assert.ok(!out.includes(key));
    assert.ok(!out.includes(encodeURIComponent(key)));
    assert.ok(!out.includes(Buffer.from(key).toString('base64')));
    assert.strictEqual(out.split(REDACTED).length - 1, 4);
  });

  it('removes Basic and TSA Authorization values without being told the key', () => {
    const basic = basicAuthorization(CUSTOMER_ID, SENTINEL_KEY);
    const tsa = digestHeaders(CUSTOMER_ID, SENTINEL_KEY, {
      method: 'GET',
      contentType: '',
      date: 'd',
      nonce: 'n',
      path: '/p',
    }).Authorization;
    const text = `Authorization: ${basic}\n{"authorization":"${tsa}"}\nsent ${basic} and ${tsa}`;
    const out = redact(text);
    assertNoSecret(out);
    assert.ok(!out.includes(basic.slice(6)));
    assert.ok(!out.includes(tsa.split(':')[1]));
    assert.ok(out.includes(`TSA ${CUSTOMER_ID}:${REDACTED}`), out);
  });

  it('removes customer_id:api_key pairs and api_key fields', () => {
    const out = redact(`curl -u ${DEMO_CREDENTIALS.customerId}:${DEMO_CREDENTIALS.apiKey} ?api_key=abc123xyz&x=1 {"apiKey": "zzz999"}`);
    assert.ok(!out.includes(DEMO_CREDENTIALS.apiKey));
    assert.ok(out.includes(DEMO_CREDENTIALS.customerId));
    assert.ok(!out.includes('abc123xyz'));
    assert.ok(!out.includes('zzz999'));
    assert.ok(out.includes('&x=1'));
  });

  it('leaves ordinary text, dates, reference IDs and short secrets alone', () => {
    const text = 'GET /v1/omnichannel/364C81F5F3D0020C91E7A731DE93A777 at Wed, 14 Dec 2016 18:20:12 GMT -> 3000 Delivered';
    assert.strictEqual(redact(text, ['', 'GET']), text);
  });
});
