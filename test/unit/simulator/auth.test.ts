// Basic and Digest checks, and each failure in each family's own codes.
import * as assert from 'assert';
import { basicAuthorization, digestHeaders, digestStringToSign, rfc1123Date } from '../../../src/core/telesign/auth';
import type { EndpointId } from '../../../src/core/telesign/types';
import { DATE_TOLERANCE_MS } from '../../simulator/authCheck';
import { NO_OMNICHANNEL_CUSTOMER, SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { DEMO, getJson } from '../../support/simulatorRequests';
import type { Body, GetOptions } from '../../support/simulatorRequests';

const START = Date.parse('2025-03-01T10:00:00Z');
const SENTINEL = { customerId: 'SENTINEL-CUSTOMER-0001', apiKey: Buffer.from('sentinel-key-must-never-leak-7f3a').toString('base64') };

const PATHS: Record<EndpointId, string> = {
  omnichannel: `/v1/omnichannel/${SEEDED.autoOtp}`,
  verify: `/v1/verify/${SEEDED.verifySmsValid}`,
  messaging: `/v1/messaging/${SEEDED.messaging}`,
  verification: `/verification/${SEEDED.verification}`,
};

/** Telesign code each family answers for a failure (§2.2), and how the family reports it. */
const EXPECTED: Record<string, Record<EndpointId, number>> = {
  missing: { omnichannel: 3405, verify: -30004, messaging: 10009, verification: 3400 },
  malformed: { omnichannel: 3412, verify: -30005, messaging: 10028, verification: 3400 },
  wrongKeyBasic: { omnichannel: 3411, verify: -30015, messaging: 10022, verification: 3400 },
  badSignature: { omnichannel: 3400, verify: -30006, messaging: 10008, verification: 3400 },
  staleDate: { omnichannel: 3400, verify: -30010, messaging: 10004, verification: 3400 },
  reusedNonce: { omnichannel: 3400, verify: -30012, messaging: 10002, verification: 3400 },
  badDate: { omnichannel: 3400, verify: -30009, messaging: 10005, verification: 3400 },
  shortNonce: { omnichannel: 3400, verify: -30011, messaging: 10003, verification: 3400 },
};

function codeOf(family: EndpointId, body: Body): number {
  return (family === 'verify' ? body.errors[0].code : body.status.code) as number;
}

describe('simulator: authentication', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ clock: { startMs: START, frozen: true }, customers: [SENTINEL] });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.clock.set(START);
    sim.reset();
  });

  async function expectFailure(family: EndpointId, key: keyof typeof EXPECTED, o: GetOptions): Promise<Body> {
    const { status, body } = await getJson(sim, PATHS[family], o);
    assert.strictEqual(status, 401, `${family} ${key}`);
    assert.strictEqual(codeOf(family, body), EXPECTED[key][family], `${family} ${key}`);
    if (family === 'verify') assert.deepStrictEqual([body.status.code, body.reference_id, body.sub_resource], [501, null, null]);
    return body;
  }

  for (const family of Object.keys(PATHS) as EndpointId[]) {
    describe(family, () => {
      it('accepts Basic, Digest with Date, and Digest with x-ts-date', async () => {
        for (const auth of ['basic', 'digest', 'digest-x-ts-date'] as const) {
          const { status } = await getJson(sim, PATHS[family], { auth });
          assert.strictEqual(status, 200, `${family} ${auth}`);
        }
      });

      it('missing, malformed and wrong-key Basic', async () => {
        await expectFailure(family, 'missing', { auth: 'none' });
        await expectFailure(family, 'malformed', { auth: { raw: 'Bearer abc' } });
        await expectFailure(family, 'malformed', { auth: { raw: 'Basic !!!not-base64' } });
        await expectFailure(family, 'malformed', { auth: { raw: 'TSA missing-colon' } });
        await expectFailure(family, 'wrongKeyBasic', { credentials: { customerId: DEMO.customerId, apiKey: SENTINEL.apiKey } });
      });

      it('Digest: bad signature (with signature_string), stale date, bad date, short nonce, reused nonce', async () => {
        const wrong = await expectFailure(family, 'badSignature', {
          auth: 'digest',
          credentials: { customerId: DEMO.customerId, apiKey: SENTINEL.apiKey },
        });
        assert.match(
          wrong.signature_string,
          new RegExp(`^GET\\n\\n.+ GMT\\nx-ts-auth-method:HMAC-SHA256\\nx-ts-nonce:.+\\n${PATHS[family]}$`),
        );
        await expectFailure(family, 'staleDate', { auth: 'digest', date: rfc1123Date(START - DATE_TOLERANCE_MS - 2000) });
        await expectFailure(family, 'badDate', { auth: 'digest', date: 'yesterday at noon' });
        await expectFailure(family, 'shortNonce', { auth: 'digest', nonce: 'abc' });
        const nonce = `nonce-${family}-0001`;
        assert.strictEqual((await getJson(sim, PATHS[family], { auth: 'digest', nonce })).status, 200);
        await expectFailure(family, 'reusedNonce', { auth: 'digest', nonce });
      });
    });
  }

  it('Digest dates within the tolerance pass on both sides of the sim clock', async () => {
    for (const offset of [-DATE_TOLERANCE_MS + 1000, DATE_TOLERANCE_MS - 1000]) {
      const { status } = await getJson(sim, PATHS.omnichannel, { auth: 'digest', date: rfc1123Date(START + offset) });
      assert.strictEqual(status, 200);
    }
  });

  it('the tolerance follows the sim clock, not the real one', async () => {
    sim.clock.advance(DATE_TOLERANCE_MS + 60_000);
    const old = await getJson(sim, PATHS.verify, { auth: 'digest', date: rfc1123Date(START) });
    assert.strictEqual(old.body.errors[0].code, -30010);
    const fresh = await getJson(sim, PATHS.verify, { auth: 'digest' });
    assert.strictEqual(fresh.status, 200);
  });

  it('signs the path without the query: verify_code is not part of the signature', async () => {
    const path = `${PATHS.omnichannel}?verify_code=50361`;
    const ok = await getJson(sim, path, { auth: 'digest' });
    assert.deepStrictEqual([ok.status, ok.body.verify.code_state], [200, 'VALID']);
    const signedWithQuery = await getJson(sim, path, { auth: 'digest', signPath: path });
    assert.deepStrictEqual([signedWithQuery.status, signedWithQuery.body.status.code], [401, 3400]);
    assert.ok(signedWithQuery.body.signature_string.endsWith(`\n${PATHS.omnichannel}`));
  });

  it('a nonce spent by a bad signature stays usable; nonces are per customer', async () => {
    const nonce = 'shared-nonce-123456';
    await getJson(sim, PATHS.omnichannel, { auth: 'digest', nonce, credentials: { customerId: DEMO.customerId, apiKey: SENTINEL.apiKey } });
    assert.strictEqual((await getJson(sim, PATHS.omnichannel, { auth: 'digest', nonce })).status, 200);
    assert.strictEqual((await getJson(sim, PATHS.omnichannel, { auth: 'digest', nonce, credentials: SENTINEL })).status, 200);
  });

  it('rejects an unsupported x-ts-auth-method and a missing date', async () => {
    const headers = digestHeaders(DEMO.customerId, DEMO.apiKey, {
      method: 'GET',
      contentType: '',
      date: rfc1123Date(START),
      nonce: 'n-123456789',
      path: PATHS.verify,
    });
    const sha1 = await fetch(sim.url + PATHS.verify, { headers: { ...headers, 'x-ts-auth-method': 'HMAC-SHA1' } });
    assert.strictEqual(((await sha1.json()) as Body).errors[0].code, -30008);
    const { Date: _d, ...noDate } = headers;
    const missing = await fetch(sim.url + PATHS.messaging, { headers: noDate });
    assert.strictEqual(((await missing.json()) as Body).status.code, 10007);
  });

  it('unknown customer IDs: 3411 / -30000 / 10022', async () => {
    const stranger = { customerId: 'NOT-A-CUSTOMER', apiKey: DEMO.apiKey };
    assert.strictEqual((await getJson(sim, PATHS.omnichannel, { credentials: stranger })).body.status.code, 3411);
    assert.strictEqual((await getJson(sim, PATHS.verify, { auth: 'digest', credentials: stranger })).body.errors[0].code, -30000);
    assert.strictEqual((await getJson(sim, PATHS.messaging, { credentials: stranger })).body.status.code, 10022);
  });

  it('a customer without the product: 401 3206 (Messaging) and 3906 (Verify API); its other products work', async () => {
    const o = await getJson(sim, PATHS.omnichannel, { credentials: NO_OMNICHANNEL_CUSTOMER });
    assert.deepStrictEqual(
      [o.status, o.body],
      [401, { status: { code: 3206, description: 'Omnichannel Product not enabled for Customer ID' } }],
    );
    const v = await getJson(sim, PATHS.verification, { auth: 'digest', credentials: NO_OMNICHANNEL_CUSTOMER });
    assert.deepStrictEqual([v.status, v.body.status.code], [401, 3906]);
    assert.strictEqual((await getJson(sim, PATHS.verify, { credentials: NO_OMNICHANNEL_CUSTOMER })).status, 200);
  });

  it('the sentinel key never appears in any answer, even on failures', async () => {
    const texts: string[] = [];
    for (const family of Object.keys(PATHS) as EndpointId[]) {
      for (const o of [
        { credentials: SENTINEL },
        { auth: 'digest' as const, credentials: SENTINEL },
        { credentials: { customerId: SENTINEL.customerId, apiKey: 'wrong' } },
      ]) {
        const r = await fetch(sim.url + PATHS[family], {
          headers: {
            Authorization:
              o.auth === 'digest'
                ? digestHeaders(o.credentials.customerId, o.credentials.apiKey, {
                    method: 'GET',
                    contentType: '',
                    date: rfc1123Date(START),
                    nonce: `n-${texts.length}-abcdefgh`,
                    path: PATHS[family],
                  }).Authorization
                : basicAuthorization(o.credentials.customerId, o.credentials.apiKey),
          },
        });
        texts.push(await r.text());
      }
    }
    const all = texts.join('\n');
    assert.ok(all.length > 200);
    assert.ok(!all.includes(SENTINEL.apiKey));
    assert.ok(!all.includes(Buffer.from(SENTINEL.apiKey, 'base64').toString('utf8')));
  });

  it('the string it reports is the one the core signs', async () => {
    const date = rfc1123Date(START);
    const { body, status } = await getJson(sim, PATHS.messaging, {
      auth: 'digest-x-ts-date',
      date,
      nonce: 'fixed-nonce-42',
      credentials: { customerId: DEMO.customerId, apiKey: SENTINEL.apiKey },
    });
    assert.strictEqual(status, 401, JSON.stringify(body));
    assert.strictEqual(
      body.signature_string,
      digestStringToSign({ method: 'GET', contentType: '', date, nonce: 'fixed-nonce-42', path: PATHS.messaging, useXTsDate: true }),
    );
  });
});
