// Verify API finalize (PATCH /verification/{ref}/state) through the real core request against the simulator:
// Basic and Digest signatures over the PATCH and its body, the state it moves the process to, and refusals.
import * as assert from 'assert';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import { DEMO_CREDENTIALS } from '../../../src/core/telesign/demo';
import { digestSignature, digestStringToSign } from '../../../src/core/telesign/auth';
import { finalizeVerification, prepareFinalize } from '../../../src/core/telesign/finalize';
import type { AttemptLog, AuthMethod, ClientOptions, Credentials } from '../../../src/core/telesign/types';
import { SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';

const SENTINEL: Credentials = {
  customerId: 'SENTINEL-FINAL-0003',
  apiKey: Buffer.from('finalize-sentinel-secret-41d7').toString('base64'),
};
const CODE = '572443';
const REF = SEEDED.verificationFinalize;

function options(logs: AttemptLog[] = []): ClientOptions {
  return { userAgent: 'TelesignInspector/test', timeoutMs: 3_000, maxRetries: 3, onAttempt: (l) => logs.push(l) };
}

describe('Verify API finalize against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ customers: [SENTINEL] });
  });
  beforeEach(() => sim.reset());
  after(() => sim.close());

  async function stateOf(auth: AuthMethod): Promise<string | undefined> {
    const out = await getTransactionStatus({ baseUrl: sim.url, auth }, SENTINEL, { endpoint: 'verification', referenceId: REF }, options());
    assert.ok(out.ok, JSON.stringify(out));
    return out.state;
  }

  for (const auth of ['basic', 'digest'] as const) {
    it(`${auth}: the right code moves ONGOING to VERIFIED with one PATCH; the code is in no log or outcome`, async () => {
      assert.strictEqual(await stateOf(auth), 'ONGOING');
      const logs: AttemptLog[] = [];
      const out = await finalizeVerification(
        { baseUrl: sim.url, auth },
        SENTINEL,
        { referenceId: REF, securityFactor: CODE },
        options(logs),
      );
      assert.deepStrictEqual(out, {
        ok: true,
        httpStatus: 200,
        code: 3900,
        description: 'Verified',
        state: 'VERIFIED',
        host: `127.0.0.1:${sim.port}`,
      });
      const patches = sim.requests.filter((r) => r.method === 'PATCH');
      assert.strictEqual(patches.length, 1);
      assert.strictEqual(patches[0].path, `/verification/${REF}/state`);
      assert.deepStrictEqual(JSON.parse(patches[0].body ?? ''), { action: 'finalize', security_factor: CODE });
      assert.strictEqual(patches[0].headers['content-type'], 'application/json');
      assert.match(String(patches[0].headers.authorization), auth === 'digest' ? /^TSA SENTINEL-FINAL-0003:/ : /^Basic /);
      assert.strictEqual(await stateOf(auth), 'VERIFIED');
      assert.strictEqual(logs.length, 1);
      assert.strictEqual(logs[0].method, 'PATCH');
      const text = JSON.stringify([out, logs]);
      assert.ok(!text.includes(CODE), 'the code leaked');
      assert.ok(!text.includes(SENTINEL.apiKey), 'the key leaked');
    });
  }

  it('Digest signs the JSON content type and the body: the string-to-sign the simulator checks', () => {
    const sent = prepareFinalize(
      { baseUrl: sim.url, auth: 'digest' },
      DEMO_CREDENTIALS,
      { referenceId: REF, securityFactor: CODE },
      {
        userAgent: 'ua',
        nowMs: Date.UTC(2024, 0, 31, 19, 36, 42),
        nonce: 'A1592C6F-E384-4CDB-BC42-C3AB970369E9',
      },
    );
    const expected = [
      'PATCH',
      'application/json',
      'Wed, 31 Jan 2024 19:36:42 GMT',
      'x-ts-auth-method:HMAC-SHA256',
      'x-ts-nonce:A1592C6F-E384-4CDB-BC42-C3AB970369E9',
      `{"action":"finalize","security_factor":"${CODE}"}`,
      `/verification/${REF}/state`,
    ].join('\n');
    assert.strictEqual(sent.body, `{"action":"finalize","security_factor":"${CODE}"}`);
    assert.strictEqual(
      sent.headers.Authorization,
      `TSA ${DEMO_CREDENTIALS.customerId}:${digestSignature(DEMO_CREDENTIALS.apiKey, expected)}`,
    );
    assert.strictEqual(
      digestStringToSign({
        method: 'PATCH',
        contentType: 'application/json',
        date: 'Wed, 31 Jan 2024 19:36:42 GMT',
        nonce: 'A1592C6F-E384-4CDB-BC42-C3AB970369E9',
        path: `/verification/${REF}/state`,
        body: sent.body,
      }),
      expected,
    );
  });

  it('Digest covers the body: a body changed after signing is refused (401 3400) and nothing changes', async () => {
    const sent = prepareFinalize(
      { baseUrl: sim.url, auth: 'digest' },
      SENTINEL,
      { referenceId: REF, securityFactor: CODE },
      { userAgent: 'ua', nowMs: Date.now() },
    );
    const tampered = await fetch(sent.url, { method: 'PATCH', headers: sent.headers, body: (sent.body ?? '').replace(CODE, '000000') });
    assert.strictEqual(tampered.status, 401);
    assert.strictEqual(((await tampered.json()) as { status: { code: number } }).status.code, 3400);
    assert.strictEqual(await stateOf('basic'), 'ONGOING');
  });

  it('Basic with a wrong key is refused 401 3400 and nothing changes; the error has no code', async () => {
    const out = await finalizeVerification(
      { baseUrl: sim.url, auth: 'basic' },
      { ...SENTINEL, apiKey: 'd3Jvbmcta2V5LXdyb25nLWtleQ==' },
      { referenceId: REF, securityFactor: CODE },
      options(),
    );
    assert.ok(!out.ok);
    assert.strictEqual(out.error.kind, 'auth');
    assert.strictEqual(out.error.code, 3400);
    assert.strictEqual(await stateOf('basic'), 'ONGOING');
  });

  it('wrong codes answer 3904 (still ONGOING), the third 3909 (FAILED); a finalize of a finished process is refused 400 3110', async () => {
    const send = (code: string) =>
      finalizeVerification({ baseUrl: sim.url, auth: 'basic' }, SENTINEL, { referenceId: REF, securityFactor: code }, options());
    const first = await send('111111');
    assert.ok(first.ok && first.code === 3904 && first.state === 'ONGOING', JSON.stringify(first));
    assert.strictEqual(await stateOf('basic'), 'ONGOING');
    await send('222222');
    const third = await send('333333');
    assert.ok(third.ok && third.code === 3909 && third.state === 'FAILED', JSON.stringify(third));
    assert.strictEqual(await stateOf('basic'), 'FAILED');
    const late = await send(CODE);
    assert.ok(!late.ok);
    assert.strictEqual(late.error.httpStatus, 400);
    assert.strictEqual(late.error.code, 3110);
    assert.ok(!JSON.stringify(late).includes(CODE));
  });

  it('an error answer is sent once: a 503 is not retried for a PATCH', async () => {
    sim.faults.next({ kind: 'error', error: 'unavailable' }, 3);
    const out = await finalizeVerification(
      { baseUrl: sim.url, auth: 'basic' },
      SENTINEL,
      { referenceId: REF, securityFactor: CODE },
      options(),
    );
    assert.ok(!out.ok);
    assert.strictEqual(out.error.httpStatus, 503);
    assert.strictEqual(sim.requests.filter((r) => r.method === 'PATCH').length, 1);
  });

  it('a code that is not 3–10 digits is refused before anything is sent', async () => {
    for (const bad of ['12', '12345678901', '12a456', '']) {
      const out = await finalizeVerification(
        { baseUrl: sim.url, auth: 'basic' },
        SENTINEL,
        { referenceId: REF, securityFactor: bad },
        options(),
      );
      assert.ok(!out.ok && out.error.kind === 'invalid-input', JSON.stringify(out));
    }
    assert.strictEqual(sim.requests.length, 0);
  });
});
