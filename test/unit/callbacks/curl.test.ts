// Copy as cURL for a callback: run for real in bash against a server on 127.0.0.1 that verifies the callback
// signature with the core's verifier; the key is only in the environment, never in the text or any argv.
import * as assert from 'assert';
import { execFile } from 'child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { renderCallbackCurl, verifyCallbackSignature } from '../../../src/core/callbacks';
import { assertNoSecret, CUSTOMER_ID, SENTINEL_KEY } from '../../support/sentinel';
import { callbackFixture } from '../../support/callbackFixtures';

function run(cmd: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', cmd], { env, timeout: 10_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

describe('callbacks/curl', function () {
  this.timeout(15_000);

  it('re-sends the exact body, validly signed from TELESIGN_API_KEY, with the key on no command line', async function () {
    const body = Buffer.concat([callbackFixture('inbound-mo-sms.json'), Buffer.from('\n it\'s \\ "quoted" $HOME `x` %s\n')]);
    const seen: { body?: Buffer; kind?: string } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.body = Buffer.concat(chunks);
        seen.kind = verifyCallbackSignature({
          rawBody: seen.body,
          headers: req.headers,
          credentials: { customerId: CUSTOMER_ID, apiKey: SENTINEL_KEY },
        }).kind;
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const dir = mkdtempSync(join(tmpdir(), 'ts-cb-argv-'));
    const log = join(dir, 'argv.log');
    try {
      for (const tool of ['curl', 'openssl', 'od', 'tr', 'sed']) {
        const real = await new Promise<string>((r) => execFile('bash', ['-c', `command -v ${tool}`], (_e, out) => r(out.trim())));
        if (!real) this.skip();
        writeFileSync(join(dir, tool), `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> '${log}'\nexec '${real}' "$@"\n`);
        chmodSync(join(dir, tool), 0o755);
      }
      const text = renderCallbackCurl({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`,
        body,
        customerId: CUSTOMER_ID,
        title: 'Inbound',
      });
      assertNoSecret(text, 'the snippet');
      const r = await run(text, { TELESIGN_API_KEY: SENTINEL_KEY, LC_ALL: 'C', PATH: `${dir}:${process.env.PATH ?? ''}` });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(seen.body?.equals(body), 'the body arrived byte-exact');
      assert.strictEqual(seen.kind, 'valid');
      const argv = readFileSync(log, 'utf8');
      assert.match(argv, /^curl /m);
      assertNoSecret(argv, 'process arguments');
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
