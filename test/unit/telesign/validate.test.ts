import * as assert from 'assert';
import { isLoopbackUrl, validateBaseUrl, validateReferenceId, validateVerifyCode } from '../../../src/core/telesign/validate';

describe('telesign/validate', () => {
  it('accepts 32 hex reference IDs in either case', () => {
    assert.strictEqual(validateReferenceId('364C81F5F3D0020C91E7A731DE93A777'), undefined);
    assert.strictEqual(validateReferenceId('364c81f5f3d0020c91e7a731de93a777'), undefined);
  });

  it('explains what is wrong with a reference ID', () => {
    assert.match(validateReferenceId('') ?? '', /Enter a reference ID/);
    assert.match(validateReferenceId('364C81F5') ?? '', /32 hex characters; this one has 8/);
    assert.match(validateReferenceId('364C81F5F3D0020C91E7A731DE93A77G') ?? '', /remove “G”/);
    assert.match(validateReferenceId('364C81F5F3D0020C 91E7A731DE93A77') ?? '', /remove a space/);
    assert.match(validateReferenceId(' 364C81F5F3D0020C91E7A731DE93A777') ?? '', /remove a space/, 'callers trim; the validator does not');
  });

  it('checks OTPs: digits, 3 to 10 long, empty means none', () => {
    for (const ok of ['', '123', '57244', '1234567890']) assert.strictEqual(validateVerifyCode(ok), undefined, ok);
    assert.match(validateVerifyCode('12') ?? '', /3–10 digits; this one has 2/);
    assert.match(validateVerifyCode('12345678901') ?? '', /this one has 11/);
    assert.match(validateVerifyCode('12a45') ?? '', /digits only/);
    assert.match(validateVerifyCode(' 1234') ?? '', /digits only/);
  });

  it('recognises loopback URLs only', () => {
    for (const u of [
      'http://127.0.0.1:8080',
      'http://127.5.6.7',
      'http://[::1]:3000/',
      'http://localhost',
      'http://LOCALHOST:1',
      'http://[::ffff:127.0.0.1]:80',
    ]) {
      assert.ok(isLoopbackUrl(u), u);
    }
    for (const u of [
      'http://128.0.0.1',
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
      'https://rest-ww.telesign.com',
      'not a url',
      'http://[::2]',
    ]) {
      assert.ok(!isLoopbackUrl(u), u);
    }
  });

  it('validates base URLs', () => {
    for (const ok of [
      'https://rest-ww.telesign.com',
      'https://rest-api.telesign.com/',
      'http://127.0.0.1:4010',
      'http://localhost:9/prefix',
      'https://proxy.example.com/telesign',
    ]) {
      assert.strictEqual(validateBaseUrl(ok), undefined, ok);
    }
    assert.match(validateBaseUrl('http://rest-ww.telesign.com') ?? '', /Use https:\/\/; plain http is allowed only for 127.0.0.1/);
    assert.match(validateBaseUrl('https://id:key@rest-ww.telesign.com') ?? '', /Remove the user name\/password/);
    assert.match(validateBaseUrl('https://rest-ww.telesign.com/?x=1') ?? '', /query string/);
    assert.match(validateBaseUrl('https://rest-ww.telesign.com/?') ?? '', /query string/);
    assert.match(validateBaseUrl('https://rest-ww.telesign.com/#frag') ?? '', /fragment/);
    assert.match(validateBaseUrl('ftp://rest-ww.telesign.com') ?? '', /https/);
    assert.match(validateBaseUrl('rest-ww.telesign.com') ?? '', /Not a URL/);
    assert.match(validateBaseUrl('') ?? '', /Enter a base URL/);
  });
});
