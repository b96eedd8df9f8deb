import * as assert from 'assert';
import { execFile } from 'child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { digestSignature, digestStringToSign } from '../../../src/core/telesign/auth';
import { quoteBash, quotePowerShell, renderCurl } from '../../../src/core/telesign/curl';
import type { LookupRequest, Shell, Target } from '../../../src/core/telesign/types';
import { fixtureText } from '../../support/responseFixtures';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';
import { sendJson, serve, type TestServer } from '../../support/recordingServer';

const REF = '364C81F5F3D0020C91E7A731DE93A777';
const rest: Target = { baseUrl: 'https://rest-ww.telesign.com', auth: 'basic' };
const withCode: LookupRequest = { endpoint: 'omnichannel', referenceId: REF, verifyCode: '57244' };
const SHELLS: Shell[] = ['bash', 'powershell', 'cmd'];

function run(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { PATH: process.env.PATH, ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('telesign/curl', function () {
  this.timeout(10_000);

  it('never contains the key, for any shell, auth or endpoint', () => {
    for (const shell of SHELLS) {
      for (const auth of ['basic', 'digest'] as const) {
        for (const endpoint of ['omnichannel', 'verify', 'messaging', 'verification'] as const) {
          const text = renderCurl({ ...rest, auth }, { endpoint, referenceId: REF }, CUSTOMER_ID, shell);
          assertNoSecret(text, `${shell}/${auth}/${endpoint}`);
          assert.ok(text.includes('TELESIGN_API_KEY'), `${shell}/${auth}/${endpoint}`);
        }
      }
    }
  });

  it('quotes for bash and PowerShell', () => {
    assert.strictEqual(quoteBash(`it's $HOME`), `'it'\\''s $HOME'`);
    assert.strictEqual(quotePowerShell(`it's $env:X`), `'it''s $env:X'`);
    assert.strictEqual(quotePowerShell('a\u2019b'), "'a\u2019\u2019b'");
  });

  it('renders PowerShell with curl.exe, $env: and .NET HMAC for Digest', () => {
    const basic = renderCurl(rest, withCode, CUSTOMER_ID, 'powershell');
    // The key travels on curl.exe's stdin (issue #11 item 3), not in its arguments.
    assert.match(basic, /\) \| curl\.exe /m);
    assert.ok(basic.includes(`[Text.Encoding]::UTF8.GetBytes('${CUSTOMER_ID}:' + $env:TELESIGN_API_KEY)`), basic);
    assert.ok(basic.includes("--header '@-'") && !basic.includes('--user'), basic);
    assert.ok(basic.includes(`'https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=57244'`));
    for (const line of basic.split('\n').slice(1, -1)) assert.ok(line.endsWith(' `'), `continuation: ${line}`);
    const digest = renderCurl({ ...rest, auth: 'digest' }, withCode, CUSTOMER_ID, 'powershell');
    assert.ok(digest.includes('[System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($env:TELESIGN_API_KEY))'));
    assert.ok(digest.includes(`+ '/v1/omnichannel/${REF}'`), 'signs the path without the query');
    assert.ok(digest.includes(`('Authorization: TSA ${CUSTOMER_ID}:' + $tsSig) | curl.exe`), digest);
  });

  it('renders cmd with curl reading TELESIGN_API_KEY itself, falling back to Basic for Digest', () => {
    const basic = renderCurl(rest, withCode, CUSTOMER_ID, 'cmd');
    // cmd would expand %TELESIGN_API_KEY% into curl's arguments; curl 8.3's --variable reads it instead.
    assert.ok(basic.includes(`--variable %^TELESIGN_API_KEY ^\n  --expand-user "${CUSTOMER_ID}:{{TELESIGN_API_KEY}}"`), basic);
    assert.ok(!basic.includes('%TELESIGN_API_KEY%'));
    assert.ok(basic.includes(`https://rest-ww.telesign.com/v1/omnichannel/${REF}?verify_code=57244`));
    assert.ok(!/REM .*Digest/.test(basic));
    const digest = renderCurl({ ...rest, auth: 'digest' }, withCode, CUSTOMER_ID, 'cmd');
    assert.match(digest, /^REM cmd cannot compute the Digest/m);
    assert.ok(digest.includes('--expand-user "'));
    for (const line of digest.split('\n')) assert.ok(line.startsWith('REM ') || line.startsWith('curl.exe') || line.startsWith('  '), line);
    const odd = renderCurl(rest, withCode, 'a"b&c', 'cmd');
    assert.ok(odd.includes('--expand-user "{{TELESIGN_CUSTOMER_ID}}:{{TELESIGN_API_KEY}}"'), odd);
    assert.ok(!odd.includes('a"b&c'));
  });

  it('says so when the base URL is unusable', () => {
    assert.match(renderCurl({ baseUrl: 'nope', auth: 'basic' }, withCode, CUSTOMER_ID, 'bash'), /^# The profile's base URL is not valid/);
    assert.match(renderCurl({ baseUrl: 'nope', auth: 'basic' }, withCode, CUSTOMER_ID, 'cmd'), /^REM /);
  });

  it('bash renderings parse (bash -n)', async () => {
    for (const auth of ['basic', 'digest'] as const) {
      const text = renderCurl({ ...rest, auth }, withCode, `it's-a-customer`, 'bash');
      const r = await run('bash', ['-n', '-c', text]);
      assert.strictEqual(r.code, 0, r.stderr);
    }
  });

  for (const auth of ['basic', 'digest'] as const) {
    it(`bash + curl sends the exact ${auth} request to a 127.0.0.1 server`, async function () {
      const curl = await run('bash', ['-c', 'command -v curl && command -v openssl']);
      if (curl.code !== 0) this.skip();
      let verdict = 'no request';
      server = await serve((req, res) => {
        const h = req.headers;
        const [path, query] = (req.url ?? '').split('?');
        if (auth === 'basic') {
          verdict =
            h.authorization === 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64')
              ? 'ok'
              : `bad auth ${h.authorization}`;
        } else {
          const expected = digestSignature(
            SENTINEL_KEY,
            digestStringToSign({ method: 'GET', contentType: '', date: String(h.date), nonce: String(h['x-ts-nonce']), path }),
          );
          verdict =
            h.authorization === `TSA ${CUSTOMER_ID}:${expected}` && h['x-ts-auth-method'] === 'HMAC-SHA256' && /GMT$/.test(String(h.date))
              ? 'ok'
              : `bad digest ${JSON.stringify(h)}`;
        }
        if (path !== `/v1/omnichannel/${REF}` || query !== 'verify_code=57244' || h.accept !== 'application/json') {
          verdict = `bad request ${req.url}`;
        }
        sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json'));
      });
      const text = renderCurl({ baseUrl: server.baseUrl, auth }, withCode, CUSTOMER_ID, 'bash');
      const r = await run('bash', ['-c', text], { TELESIGN_API_KEY: SENTINEL_KEY, LC_ALL: 'C' });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.strictEqual(verdict, 'ok');
      assert.match(r.stdout, /^HTTP\/1\.1 200/);
      assert.match(r.stdout, /"code": ?3000/);
    });
  }
});

describe('telesign/curl: the key is on no command line (issue #11 items 3 and 10)', function () {
  this.timeout(15_000);

  for (const auth of ['basic', 'digest'] as const) {
    it(`bash ${auth}: every process the snippet starts gets no form of the key in its arguments`, async function () {
      const tools = await run('bash', ['-c', 'command -v curl && command -v openssl && command -v base64']);
      if (tools.code !== 0) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'ts-argv-'));
      const log = join(dir, 'argv.log');
      try {
        // A shim in front of every external tool the snippets use records its argv, then runs the real one.
        for (const tool of ['curl', 'openssl', 'od', 'tr', 'sed', 'base64', 'date']) {
          const real = (await run('bash', ['-c', `command -v ${tool}`])).stdout.trim();
          writeFileSync(join(dir, tool), `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> '${log}'\nexec '${real}' "$@"\n`);
          chmodSync(join(dir, tool), 0o755);
        }
        let verdict = 'no request';
        server = await serve((req, res) => {
          verdict =
            auth === 'basic'
              ? req.headers.authorization === 'Basic ' + Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64')
                ? 'ok'
                : 'bad'
              : /^TSA /.test(String(req.headers.authorization))
                ? 'ok'
                : 'bad';
          sendJson(res, 200, fixtureText('omnichannel-200-auto-otp.json'));
        });
        const text = renderCurl({ baseUrl: server.baseUrl, auth }, withCode, CUSTOMER_ID, 'bash');
        const r = await run('bash', ['-c', text], {
          TELESIGN_API_KEY: SENTINEL_KEY,
          LC_ALL: 'C',
          PATH: `${dir}:${process.env.PATH ?? ''}`,
        });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(verdict, 'ok');
        const argv = readFileSync(log, 'utf8');
        assert.match(argv, /^curl /m, 'the shims saw curl');
        assertNoSecret(argv, `the ${auth} snippet's process arguments`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  /** What an interactive cmd.exe hands to curl.exe: %NAME% of a defined variable expands (quoted or
   *  not), then carets outside quotes escape the next character. A model of cmd's documented parsing. */
  function cmdInteractive(line: string, env: Record<string, string>): string {
    const expanded = line.replace(/%([^%]+)%/g, (m, name: string) => env[name.toUpperCase()] ?? m);
    let out = '';
    let quoted = false;
    for (let i = 0; i < expanded.length; i++) {
      const c = expanded[i];
      if (c === '"') quoted = !quoted;
      if (c === '^' && !quoted && i + 1 < expanded.length) out += expanded[++i];
      else out += c;
    }
    return out;
  }

  it('cmd: percent-escapes and cmd metacharacters in the base URL reach curl unchanged', () => {
    const target: Target = { baseUrl: 'https://proxy.example/a%2Fb%CD%80(x)&y', auth: 'basic' };
    const text = renderCurl(target, withCode, CUSTOMER_ID, 'cmd');
    const joined = text
      .split('\n')
      .filter((l) => !l.startsWith('REM'))
      .join('\n')
      .replace(/ \^\n {2}/g, ' ');
    // CD is cmd's current directory; 2FB and 80 stand for anything a user may have defined.
    const seen = cmdInteractive(joined, { CD: 'C:\\Users\\me', '2FB': 'X', '80': 'Y', TELESIGN_API_KEY: SENTINEL_KEY });
    const url = 'https://proxy.example/a%2Fb%CD%80(x)&y/v1/omnichannel/' + REF + '?verify_code=57244';
    assert.ok(seen.endsWith(` ${url}`), seen);
    assert.ok(seen.includes('--variable %TELESIGN_API_KEY '), seen);
    assertNoSecret(seen, 'the cmd arguments');
    assert.ok(!/never occurs|never puts `%`/.test(text));
  });
});
