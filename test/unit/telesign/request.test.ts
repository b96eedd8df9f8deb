import * as assert from 'assert';
import { digestSignature, digestStringToSign } from '../../../src/core/telesign/auth';
import { DEFAULT_VERIFY_BASE_URL, ENDPOINT_IDS, ENDPOINTS, effectiveAuth, endpointBaseUrl } from '../../../src/core/telesign/endpoints';
import { buildRequestUrl, buildUserAgent, prepareRequest } from '../../../src/core/telesign/request';
import type { EndpointId, Target } from '../../../src/core/telesign/types';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const creds = { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY };
const rest: Target = { baseUrl: 'https://rest-ww.telesign.com', auth: 'basic' };
const NOW = Date.UTC(2024, 0, 31, 19, 36, 42);

describe('telesign/endpoints + request', () => {
  it('has one row per endpoint id with a docs URL and a path template', () => {
    assert.deepStrictEqual([...ENDPOINT_IDS].sort(), ['messaging', 'omnichannel', 'verification', 'verify']);
    for (const id of ENDPOINT_IDS) {
      assert.strictEqual(ENDPOINTS[id].id, id);
      assert.match(ENDPOINTS[id].pathTemplate, /\{reference_id\}$/);
      assert.match(ENDPOINTS[id].docsUrl, /^https:\/\/developer\.telesign\.com\//);
    }
  });

  const urls: [EndpointId, string | undefined, string][] = [
    ['omnichannel', undefined, `https://rest-ww.telesign.com/v1/omnichannel/${REF}`],
    ['omnichannel', '57244', `https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=57244`],
    ['verify', '1234567', `https://rest-ww.telesign.com/v1/verify/${REF}?verify_code=1234567`],
    ['messaging', undefined, `https://rest-ww.telesign.com/v1/messaging/${REF}`],
    ['verification', undefined, `https://verify.telesign.com/verification/${REF}`],
  ];
  for (const [endpoint, verifyCode, url] of urls) {
    it(`builds the ${endpoint} URL${verifyCode ? ' with verify_code' : ''}`, () => {
      assert.strictEqual(buildRequestUrl(rest, { endpoint, referenceId: REF, ...(verifyCode ? { verifyCode } : {}) }), url);
    });
  }

  it('never sends verify_code to endpoints that do not take it', () => {
    assert.strictEqual(
      buildRequestUrl(rest, { endpoint: 'messaging', referenceId: REF, verifyCode: '1234' }),
      `https://rest-ww.telesign.com/v1/messaging/${REF}`,
    );
  });

  it('path-encodes the reference ID and keeps a base path prefix', () => {
    const url = buildRequestUrl({ baseUrl: 'http://127.0.0.1:9/sim/', auth: 'basic' }, { endpoint: 'omnichannel', referenceId: 'a/b?c#d' });
    assert.strictEqual(url, 'http://127.0.0.1:9/sim/v1/omnichannel/a%2Fb%3Fc%23d');
  });

  it('resolves the Verify API host', () => {
    assert.strictEqual(endpointBaseUrl(rest, 'verification'), DEFAULT_VERIFY_BASE_URL);
    assert.strictEqual(endpointBaseUrl({ ...rest, verifyBaseUrl: 'https://v.example.com' }, 'verification'), 'https://v.example.com');
    assert.strictEqual(endpointBaseUrl({ baseUrl: 'http://127.0.0.1:4010', auth: 'basic' }, 'verification'), 'http://127.0.0.1:4010');
    assert.strictEqual(endpointBaseUrl({ ...rest, verifyBaseUrl: 'https://v.example.com' }, 'omnichannel'), rest.baseUrl);
  });

  it('honours a Digest profile on the Verify API (its reference documents Basic or Digest): no raw key on the wire', () => {
    for (const endpoint of ENDPOINT_IDS) assert.strictEqual(effectiveAuth({ ...rest, auth: 'digest' }, endpoint), 'digest', endpoint);
    const p = prepareRequest(
      { ...rest, auth: 'digest' },
      creds,
      { endpoint: 'verification', referenceId: REF },
      { userAgent: 'UA', nowMs: NOW },
    );
    assert.match(p.headers.Authorization, new RegExp(`^TSA ${CUSTOMER_ID}:`));
    assert.strictEqual(p.summary.auth, 'digest');
    assertNoSecret(p.headers, 'the Digest headers');
  });

  it('sends the Verify API only to a host the profile names: verifyBaseUrl, a Telesign baseUrl, or loopback', () => {
    const gateway: Target = { baseUrl: 'https://telesign-gw.corp.example', auth: 'digest' };
    assert.strictEqual(endpointBaseUrl(gateway, 'verification'), undefined, 'a gateway profile without verifyBaseUrl names no Verify host');
    assert.strictEqual(endpointBaseUrl(gateway, 'omnichannel'), gateway.baseUrl);
    assert.strictEqual(
      endpointBaseUrl({ ...gateway, verifyBaseUrl: 'https://verify-gw.corp.example' }, 'verification'),
      'https://verify-gw.corp.example',
    );
    assert.throws(() => buildRequestUrl(gateway, { endpoint: 'verification', referenceId: REF }), /verifyBaseUrl/);
    for (const base of ['https://rest-api.telesign.com', 'https://REST.Telesign.com', 'https://telesign.com']) {
      assert.strictEqual(endpointBaseUrl({ baseUrl: base, auth: 'basic' }, 'verification'), DEFAULT_VERIFY_BASE_URL, base);
    }
    for (const base of ['https://telesign.com.evil.example', 'https://eviltelesign.com', 'http://rest-ww.telesign.com', 'not a url']) {
      assert.strictEqual(endpointBaseUrl({ baseUrl: base, auth: 'basic' }, 'verification'), undefined, base);
    }
  });

  it('builds Basic headers and a summary without secrets', () => {
    const p = prepareRequest(
      rest,
      creds,
      { endpoint: 'omnichannel', referenceId: REF, verifyCode: '57244' },
      { userAgent: 'TelesignInspector/0.1.0', nowMs: NOW },
    );
    assert.deepStrictEqual(p.headers, {
      Accept: 'application/json',
      'User-Agent': 'TelesignInspector/0.1.0',
      Authorization: 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64'),
    });
    assert.deepStrictEqual(p.summary, {
      method: 'GET',
      url: `https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=57244`,
      endpoint: 'omnichannel',
      auth: 'basic',
    });
    assertNoSecret(p.summary);
  });

  it('signs Digest requests over the path only, with a fresh nonce per attempt', () => {
    const target: Target = { ...rest, auth: 'digest' };
    const req = { endpoint: 'omnichannel' as const, referenceId: REF, verifyCode: '57244' };
    const a = prepareRequest(target, creds, req, { userAgent: 'UA', nowMs: NOW });
    const b = prepareRequest(target, creds, req, { userAgent: 'UA', nowMs: NOW + 1000 });
    assert.strictEqual(a.headers.Date, 'Wed, 31 Jan 2024 19:36:42 GMT');
    assert.strictEqual(a.headers['x-ts-auth-method'], 'HMAC-SHA256');
    assert.match(a.headers['x-ts-nonce'], /^[0-9a-f-]{36}$/);
    assert.notStrictEqual(a.headers['x-ts-nonce'], b.headers['x-ts-nonce']);
    assert.notStrictEqual(a.headers.Date, b.headers.Date);
    const expected = digestSignature(
      SENTINEL_KEY,
      digestStringToSign({
        method: 'GET',
        contentType: '',
        date: a.headers.Date,
        nonce: a.headers['x-ts-nonce'],
        path: `/v1/omnichannel/${REF}`,
      }),
    );
    assert.strictEqual(a.headers.Authorization, `TSA ${CUSTOMER_ID}:${expected}`);
    assert.strictEqual(a.headers['Content-Type'], undefined);
  });

  it('builds the User-Agent', () => {
    assert.strictEqual(
      buildUserAgent({ extensionVersion: '0.1.0', vscodeVersion: '1.139.1', nodeVersion: 'v24.0.0', platform: 'linux', arch: 'x64' }),
      'TelesignInspector/0.1.0 (VSCode/1.139.1; Node/v24.0.0; linux x64)',
    );
    assert.strictEqual(
      buildUserAgent({ extensionVersion: '0.1.0' }),
      `TelesignInspector/0.1.0 (Node/${process.version}; ${process.platform} ${process.arch})`,
    );
    assert.strictEqual(
      buildUserAgent({ extensionVersion: '0.1.0\r\nX: y', nodeVersion: 'v1', platform: 'p', arch: 'a' }),
      'TelesignInspector/0.1.0X: y (Node/v1; p a)',
    );
  });
});
