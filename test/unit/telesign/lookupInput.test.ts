// The one check of a lookup's input (core/telesign/lookupInput.ts) that the command, the service and the
// client all ask.
import * as assert from 'assert';
import { ENDPOINT_IDS } from '../../../src/core/telesign/endpoints';
import {
  argumentTypeProblem,
  CODE_ENDPOINTS,
  noOtpMessage,
  noProfileError,
  requestOf,
  requestProblem,
} from '../../../src/core/telesign/lookupInput';

const REF = '0123456789ABCDEF0123456789ABCDEF';

describe('telesign/lookupInput', () => {
  it('reads untyped arguments into a trimmed request, with the fallback endpoint', () => {
    assert.deepStrictEqual(requestOf({ referenceId: ` ${REF} `, verifyCode: ' 1234 ' }, 'verify'), {
      endpoint: 'verify',
      referenceId: REF,
      verifyCode: '1234',
    });
    assert.deepStrictEqual(requestOf({ referenceId: 42, endpoint: 'nope', verifyCode: '' }, 'omnichannel'), {
      endpoint: 'omnichannel',
      referenceId: '',
    });
  });

  it('refuses arguments of the wrong type, endpoint first', () => {
    assert.match(
      argumentTypeProblem({ endpoint: 'nope', verifyCode: 5 })?.message ?? '',
      new RegExp(`Unknown endpoint "nope"; use one of ${ENDPOINT_IDS.join(', ')}`),
    );
    assert.match(argumentTypeProblem({ verifyCode: 5 })?.message ?? '', /verifyCode must be a string/);
    assert.match(argumentTypeProblem({ profile: 1 })?.message ?? '', /profile must be a profile name/);
    assert.strictEqual(argumentTypeProblem({ referenceId: REF, endpoint: 'verify', verifyCode: '1', profile: 'P' }), undefined);
  });

  it('checks the reference ID, then the code, then whether the endpoint takes one', () => {
    assert.strictEqual(requestProblem({ endpoint: 'omnichannel', referenceId: REF, verifyCode: '1234' }), undefined);
    assert.match(requestProblem({ endpoint: 'omnichannel', referenceId: 'XYZ', verifyCode: '12ab' })?.message ?? '', /reference ID/);
    assert.match(requestProblem({ endpoint: 'omnichannel', referenceId: REF, verifyCode: '12ab' })?.message ?? '', /digits only/);
    const noOtp = requestProblem({ endpoint: 'messaging', referenceId: REF, verifyCode: '1234' });
    assert.strictEqual(noOtp?.kind, 'invalid-input');
    assert.strictEqual(noOtp?.message, noOtpMessage('messaging'));
  });

  it('names the endpoints that take a code, from the table', () => {
    assert.deepStrictEqual(CODE_ENDPOINTS, ['omnichannel', 'verify']);
    assert.strictEqual(
      noOtpMessage('messaging'),
      'The SMS endpoint takes no OTP; look it up without a code, or verify codes with the omnichannel or verify endpoint.',
    );
  });

  it('a missing profile is a config error whose fix is choosing one', () => {
    const e = noProfileError('Staging');
    assert.strictEqual(e.kind, 'config');
    assert.match(e.message, /no Telesign profile named “Staging”/);
    assert.deepStrictEqual(e.actions, ['select-profile']);
    assert.match(noProfileError(undefined).message, /No Telesign profile is configured/);
  });
});
