// Every seeded transaction, in its family's shape, plus not-found and malformed IDs per family.
import * as assert from 'assert';
import { SEEDED, SEEDED_TRANSACTIONS } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { getJson } from '../../support/simulatorRequests';
import type { Body } from '../../support/simulatorRequests';

const START = Date.parse('2024-11-12T13:00:00Z');

describe('simulator: seeded transactions', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ clock: { startMs: START, frozen: true } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('listens on 127.0.0.1 with a free port and seeds every documented reference ID once', () => {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(sim.port > 0);
    const ids = sim.transactions().map((t) => t.referenceId);
    assert.deepStrictEqual([...ids].sort(), Object.values(SEEDED).sort());
    assert.strictEqual(SEEDED_TRANSACTIONS.length, ids.length);
  });

  it('published example, auto-generated OTP, looked up without a code: UNKNOWN with code_entered null', async () => {
    const { status, body, res } = await getJson(sim, `/v1/omnichannel/${SEEDED.autoOtp}`);
    assert.strictEqual(status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepStrictEqual(body.verify, { code_entered: null, code_state: 'UNKNOWN' });
    assert.strictEqual(body.reference_id, SEEDED.autoOtp);
    assert.deepStrictEqual(
      { code: body.status.code, description: body.status.description, last_channel: body.status.last_channel },
      { code: 3000, description: 'Delivered', last_channel: 'whatsapp' },
    );
    assert.strictEqual(body.currency, 'USD');
    assert.strictEqual(body.price, '0.0050');
    assert.deepStrictEqual(body.additional_info, { mcc: '310', mnc: '012' });
    assert.deepStrictEqual(
      (body.channel_status as Record<string, Body>[]).map((c) => {
        const [name, v] = Object.entries(c)[0];
        return [name, v.code, v.description, v.reference_id] as unknown[];
      }),
      [
        ['viber', 3112, 'Specified template does not exist for selected channel', '364C81F5F40C0120923096EEAF73053E'],
        ['whatsapp', 3000, 'Delivered', '364C81F5F46402189211BDE408330A86'],
      ],
    );
    assert.match(body.status.updated_on, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('published example with verify_code: VALID for 50361, INVALID otherwise, echoing the code', async () => {
    const ok = await getJson(sim, `/v1/omnichannel/${SEEDED.autoOtp}?verify_code=50361`);
    assert.deepStrictEqual(ok.body.verify, { code_entered: '50361', code_state: 'VALID' });
    const bad = await getJson(sim, `/v1/omnichannel/${SEEDED.autoOtp}?verify_code=99999`);
    assert.deepStrictEqual(bad.body.verify, { code_entered: '99999', code_state: 'INVALID' });
  });

  it('published example, OTP not auto-generated: no verify object, even when a code is sent', async () => {
    for (const q of ['', '?verify_code=12345']) {
      const { status, body } = await getJson(sim, `/v1/omnichannel/${SEEDED.notAutoOtp}${q}`);
      assert.strictEqual(status, 200);
      assert.strictEqual('verify' in body, false);
      assert.strictEqual(body.status.last_channel, 'viber');
      assert.deepStrictEqual(
        body.channel_status.map((c: object) => Object.keys(c)[0]),
        ['rcs', 'viber'],
      );
    }
  });

  it('in-progress transaction reports 3001 with no channel reference_id', async () => {
    const { body } = await getJson(sim, `/v1/omnichannel/${SEEDED.inProgress}`);
    assert.strictEqual(body.status.code, 3001);
    assert.strictEqual(body.status.description, 'Message in progress');
    assert.deepStrictEqual(Object.keys(body.channel_status[0].sms).sort(), ['code', 'description', 'updated_on']);
  });

  it('expired, always-429 and always-503 references answer the seed page errors', async () => {
    const expired = await getJson(sim, `/v1/omnichannel/${SEEDED.expired}`);
    assert.deepStrictEqual([expired.status, expired.body], [404, { status: { code: -10004, description: 'ReferenceID expired.' } }]);
    const limited = await getJson(sim, `/v1/omnichannel/${SEEDED.alwaysRateLimited}`);
    assert.deepStrictEqual([limited.status, limited.body], [429, { status: { code: 3204, description: 'Rate limit exceeded' } }]);
    assert.strictEqual(limited.res.headers.get('retry-after'), null);
    const down = await getJson(sim, `/v1/omnichannel/${SEEDED.alwaysUnavailable}`);
    assert.deepStrictEqual([down.status, down.body], [503, { status: { code: 3041, description: 'System unavailable' } }]);
  });

  it('malformed and unknown IDs per family', async () => {
    const cases: [string, number, unknown][] = [
      ['/v1/omnichannel/not-a-ref', 400, { status: { code: 3311, description: 'Invalid value for parameter reference_id' } }],
      ['/v1/omnichannel/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', 404, { status: { code: -10004, description: 'ReferenceID expired.' } }],
    ];
    for (const [path, http, body] of cases) {
      const r = await getJson(sim, path);
      assert.deepStrictEqual([r.status, r.body], [http, body], path);
    }
    const v = await getJson(sim, '/v1/verify/None');
    assert.strictEqual(v.status, 400);
    assert.deepStrictEqual(v.body.errors, [{ code: -10001, description: 'Invalid Request: ReferenceID Parameter: None' }]);
    assert.strictEqual(v.body.status.code, 500);
    const vn = await getJson(sim, '/v1/verify/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    assert.deepStrictEqual([vn.status, vn.body.errors[0].code, vn.body.status.code], [404, -10001, 599]);
    const m = await getJson(sim, '/v1/messaging/12');
    assert.deepStrictEqual([m.status, m.body.status.code], [400, 11011]);
    const mn = await getJson(sim, '/v1/messaging/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    assert.deepStrictEqual([mn.status, mn.body.status.code], [404, 10017]);
    const vf = await getJson(sim, '/verification/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
    assert.deepStrictEqual([vf.status, vf.body.status.code], [400, 3110]);
    // A reference served by another family is unknown here.
    const cross = await getJson(sim, `/v1/messaging/${SEEDED.autoOtp}`);
    assert.strictEqual(cross.status, 404);
  });

  it('lower-case reference IDs find the same transaction', async () => {
    const { status, body } = await getJson(sim, `/v1/omnichannel/${SEEDED.autoOtp.toLowerCase()}`);
    assert.strictEqual(status, 200);
    assert.strictEqual(body.reference_id, SEEDED.autoOtp);
  });

  it('verify endpoint: SMS VALID / INVALID / UNKNOWN, in the getStatusResponse shape', async () => {
    const plain = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`);
    assert.strictEqual(plain.status, 200);
    assert.deepStrictEqual(
      { ...plain.body, status: { ...plain.body.status, updated_on: 'x' } },
      {
        reference_id: SEEDED.verifySmsValid,
        sub_resource: 'sms',
        errors: [],
        status: { code: 200, description: 'Delivered to handset', updated_on: 'x' },
        verify: { code_state: 'UNKNOWN', code_entered: '' },
      },
    );
    const valid = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}?verify_code=45558`);
    assert.deepStrictEqual(valid.body.verify, { code_state: 'VALID', code_entered: '45558' });
    const invalid = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}?verify_code=1`);
    assert.deepStrictEqual(invalid.body.verify, { code_state: 'INVALID', code_entered: '1' });
  });

  it('verify endpoint: seeded EXPIRED, MAX_ATTEMPTS_EXCEEDED and call references', async () => {
    const expired = await getJson(sim, `/v1/verify/${SEEDED.verifySmsExpired}?verify_code=11111`);
    assert.deepStrictEqual(expired.body.verify, { code_state: 'EXPIRED', code_entered: '11111' });
    const max = await getJson(sim, `/v1/verify/${SEEDED.verifySmsMaxAttempts}?verify_code=22222`);
    assert.deepStrictEqual(max.body.verify, { code_state: 'MAX_ATTEMPTS_EXCEEDED', code_entered: '22222' });
    const call = await getJson(sim, `/v1/verify/${SEEDED.verifyCall}?verify_code=12345`);
    assert.deepStrictEqual(
      [call.body.sub_resource, call.body.status.code, call.body.status.description],
      ['call', 103, 'Call in progress'],
    );
    assert.strictEqual(call.body.verify.code_state, 'VALID');
  });

  it('messaging and verification references in their own shapes', async () => {
    const m = await getJson(sim, `/v1/messaging/${SEEDED.messaging}`);
    assert.strictEqual(m.status, 200);
    assert.deepStrictEqual(
      [m.body.status.code, m.body.status.description, m.body.external_id],
      [290, 'Message in progress', 'CustomExternalID7349'],
    );
    assert.strictEqual(m.body.additional_info.message_parts_count, 1);
    const v = await getJson(sim, `/verification/${SEEDED.verification}`);
    assert.strictEqual(v.status, 200);
    assert.deepStrictEqual(
      [v.body.state, v.body.recipient, v.body.verification_policy],
      ['ONGOING', { phone_number: '11234567890' }, [{ method: 'sms' }]],
    );
    assert.strictEqual(v.body.created_on, '2024-11-12T13:00:00.000000Z');
  });

  it('unknown paths answer 404 and other methods 405, and both are logged', async () => {
    const r = await fetch(`${sim.url}/v1/nothing/here`);
    assert.strictEqual(r.status, 404);
    const p = await fetch(`${sim.url}/v1/omnichannel/${SEEDED.autoOtp}`, { method: 'POST' });
    assert.strictEqual(p.status, 405);
    assert.strictEqual(p.headers.get('allow'), 'GET');
    assert.deepStrictEqual(
      sim.requests.map((q) => [q.method, q.status]),
      [
        ['GET', 404],
        ['POST', 405],
      ],
    );
  });
});
