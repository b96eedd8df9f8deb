// What a result panel persists for revival (VS Code writes it to workspace storage) and what it accepts back.
import * as assert from 'assert';
import type { ShownLookup } from '../../../src/features/lookup/contracts';
import { panelStateOf, restoreFrom } from '../../../src/features/resultPanel/revive';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const OTP = '50361';

const shown: ShownLookup = {
  profile: { name: 'Production (rest-ww)', baseUrl: 'https://rest-ww.telesign.com', auth: 'digest', demo: false },
  outcome: {
    ok: true,
    referenceId: REF,
    verifyCode: OTP,
    request: {
      method: 'GET',
      url: `https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=${OTP}`,
      endpoint: 'omnichannel',
      auth: 'digest',
    },
    timing: { startedAt: '2024-11-12T13:08:37.000Z', durationMs: 12 },
    attempts: 1,
    httpStatus: 200,
    status: { code: 3000, description: 'Delivered' },
    verify: { state: 'VALID', codeEntered: OTP },
    channels: [],
    errors: [],
    extra: {},
    raw: { status: { code: 3000 }, verify: { code_entered: OTP, code_state: 'VALID' } },
  },
};

describe('features/resultPanel/revive', () => {
  it('persists only the lookup to re-run: no OTP, no URL, no body', () => {
    const state = panelStateOf(shown);
    assert.deepStrictEqual(state, { version: 2, referenceId: REF, endpoint: 'omnichannel', profile: 'Production (rest-ww)' });
    const text = JSON.stringify(state);
    for (const leak of [OTP, 'verify_code', 'code_entered', 'raw', 'rest-ww.telesign.com']) {
      assert.ok(!text.includes(leak), `state holds ${leak}`);
    }
  });

  it('re-runs from its own state; v1 states of older versions still paint once', () => {
    assert.deepStrictEqual(restoreFrom(JSON.parse(JSON.stringify(panelStateOf(shown)))), {
      rerun: { referenceId: REF, endpoint: 'omnichannel', profile: 'Production (rest-ww)' },
    });
    assert.deepStrictEqual(restoreFrom({ version: 1, shown }), { shown });
  });

  it('refuses a forged or damaged state', () => {
    const good = panelStateOf(shown);
    for (const bad of [
      undefined,
      null,
      'x',
      [],
      { ...good, version: 3 },
      { ...good, referenceId: '<img>' },
      { ...good, referenceId: REF.slice(1) },
      { ...good, endpoint: 'admin' },
      { ...good, endpoint: 'toString' },
      { ...good, profile: 7 },
      { ...good, profile: 'p'.repeat(201) },
      { version: 1, shown: { outcome: { referenceId: '<x>' } } },
    ]) {
      assert.strictEqual(restoreFrom(bad), undefined, JSON.stringify(bad));
    }
  });
});
