// The admin API over HTTP, and the CLI as a process (ready line, loopback-only, clean exit, no key in output).
import * as assert from 'assert';
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { get as httpGet } from 'http';
import { join } from 'path';
import { getTransactionStatus } from '../../../src/core/telesign/client';
import { redactAuthorization } from '../../simulator/admin';
import { SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { repoRoot } from '../../support/paths';
import { admin, getJson } from '../../support/simulatorRequests';
import type { Body } from '../../support/simulatorRequests';

const START = Date.parse('2025-02-01T00:00:00Z');

describe('simulator: admin API', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ clock: { startMs: START, frozen: true } });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.clock.set(START);
    sim.reset();
  });

  it('creates a transaction with fallback and timings, and lists it with its OTP', async () => {
    const created = await admin(sim, 'POST', '/_sim/transactions', {
      otp: '424242',
      channels: [
        { channel: 'viber', code: 3112, afterMs: 5000 },
        { channel: 'sms', code: 3000, afterMs: 10000 },
      ],
      label: 'mine',
    });
    assert.strictEqual(created.status, 201);
    const tx = (await created.json()) as Body;
    assert.match(tx.referenceId, /^[0-9A-F]{32}$/);
    const list = (await (await admin(sim, 'GET', '/_sim/transactions')).json()) as Body[];
    assert.deepStrictEqual(list.find((t) => t.referenceId === tx.referenceId)?.otp, '424242');
    const before = await getJson(sim, `/v1/omnichannel/${tx.referenceId}?verify_code=424242`);
    assert.deepStrictEqual([before.body.status.code, before.body.verify.code_state], [3001, 'VALID']);
    await admin(sim, 'POST', '/_sim/clock', { advanceMs: 15000 });
    const after = await getJson(sim, `/v1/omnichannel/${tx.referenceId}`);
    assert.deepStrictEqual([after.body.status.code, after.body.status.last_channel], [3000, 'sms']);
  });

  it('validates what it is given', async () => {
    const bad = await admin(sim, 'POST', '/_sim/transactions', { referenceId: 'xyz' });
    assert.strictEqual(bad.status, 400);
    assert.match(((await bad.json()) as Body).error, /32 hex/);
    assert.strictEqual((await admin(sim, 'POST', '/_sim/transactions', { channels: [{ channel: 'sms' }] })).status, 400);
    assert.strictEqual((await admin(sim, 'POST', '/_sim/faults', { fault: { kind: 'meteor' } })).status, 400);
    assert.strictEqual((await admin(sim, 'POST', '/_sim/clock', { advanceMs: 'soon' })).status, 400);
    assert.strictEqual((await admin(sim, 'GET', '/_sim/nothing')).status, 404);
  });

  it('sets the clock by ISO date and queues faults and rules', async () => {
    const clock = (await (await admin(sim, 'POST', '/_sim/clock', { set: '2030-01-01T00:00:00Z' })).json()) as Body;
    assert.strictEqual(clock.iso, '2030-01-01T00:00:00.000Z');
    sim.clock.set(START);
    await admin(sim, 'POST', '/_sim/faults', { fault: { kind: 'error', error: 'unavailable' }, times: 2 });
    const rule = (await (await admin(sim, 'POST', '/_sim/faults', { fault: { kind: 'html-502' }, path: '/v1/messaging/' })).json()) as Body;
    const path = `/v1/omnichannel/${SEEDED.autoOtp}`;
    assert.deepStrictEqual(
      [(await getJson(sim, path)).status, (await getJson(sim, path)).status, (await getJson(sim, path)).status],
      [503, 503, 200],
    );
    assert.strictEqual((await fetch(`${sim.url}/v1/messaging/${SEEDED.messaging}`)).status, 502);
    assert.strictEqual((await admin(sim, 'DELETE', `/_sim/faults/${rule.id as number}`)).status, 200);
    assert.strictEqual((await getJson(sim, `/v1/messaging/${SEEDED.messaging}`)).status, 200);
  });

  it('adds customers, lists requests with Authorization redacted, and resets', async () => {
    const key = Buffer.from('admin-sentinel-key').toString('base64');
    await admin(sim, 'POST', '/_sim/customers', { customerId: 'ADMIN-SENTINEL', apiKey: key, products: ['verify'] });
    assert.strictEqual(
      (await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`, { credentials: { customerId: 'ADMIN-SENTINEL', apiKey: key } })).status,
      200,
    );
    assert.strictEqual(
      (
        await getJson(sim, `/v1/omnichannel/${SEEDED.autoOtp}`, {
          auth: 'digest',
          credentials: { customerId: 'ADMIN-SENTINEL', apiKey: key },
        })
      ).body.status.code,
      3206,
    );
    const listed = await (await admin(sim, 'GET', '/_sim/requests')).text();
    assert.ok(!listed.includes(key) && !listed.includes(Buffer.from(`ADMIN-SENTINEL:${key}`).toString('base64')));
    assert.deepStrictEqual(
      (JSON.parse(listed) as Body[]).map((r) => r.headers.authorization as string),
      ['Basic [redacted]', 'TSA ADMIN-SENTINEL:[redacted]'],
    );
    assert.ok(sim.requests[0].headers.authorization?.startsWith('Basic '), 'the in-process log keeps the raw header for tests');
    await admin(sim, 'POST', '/_sim/reset');
    assert.strictEqual(sim.requests.length, 0);
    assert.strictEqual(
      (await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`, { credentials: { customerId: 'ADMIN-SENTINEL', apiKey: key } })).status,
      401,
    );
  });

  it('refuses writes without a JSON content type, and non-loopback Host headers', async () => {
    const form = await fetch(`${sim.url}/_sim/reset`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.strictEqual(form.status, 415);
    // fetch will not send a foreign Host header; node:http will (a DNS-rebinding page would).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpGet(`${sim.url}/_sim/transactions`, { headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    assert.strictEqual(status, 403);
  });

  it('redacts every Authorization scheme', () => {
    assert.strictEqual(redactAuthorization('Basic QUJDOmRlZg=='), 'Basic [redacted]');
    assert.strictEqual(redactAuthorization('TSA cust:c2ln'), 'TSA cust:[redacted]');
    assert.strictEqual(redactAuthorization('garbage'), '[redacted]');
  });
});

describe('simulator: CLI', function () {
  this.timeout(15_000);
  const cli = join(repoRoot, 'out', 'test', 'simulator', 'cli.js');

  function run(args: string[]): { child: ReturnType<typeof spawn>; output: () => string; exit: Promise<number | null> } {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    // 'close' comes after the output streams end; 'exit' can come before the last bytes are read.
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    return { child, output: () => text, exit };
  }

  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: build with node esbuild.js --tests`);
  });

  it('prints one JSON ready line, serves lookups, never prints the key, and exits 0 on SIGTERM', async () => {
    const p = run(['--json', '--port', '0']);
    const deadline = Date.now() + 10_000;
    while (!p.output().includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const ready = JSON.parse(p.output().split('\n')[0]) as { url: string; port: number };
    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const key = Buffer.from('cli-sentinel-key-5521').toString('base64');
    await fetch(`${ready.url}/_sim/customers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerId: 'CLI-SENTINEL', apiKey: key }),
    });
    for (const auth of ['basic', 'digest'] as const) {
      const o = await getTransactionStatus(
        { baseUrl: ready.url, auth },
        { customerId: 'CLI-SENTINEL', apiKey: key },
        { endpoint: 'omnichannel', referenceId: SEEDED.autoOtp, verifyCode: '50361' },
        { userAgent: 't', timeoutMs: 3000, maxRetries: 0 },
      );
      assert.ok(o.ok && o.verify?.state === 'VALID');
      const bad = await getTransactionStatus(
        { baseUrl: ready.url, auth },
        { customerId: 'CLI-SENTINEL', apiKey: 'd3Jvbmc=' },
        { endpoint: 'verify', referenceId: SEEDED.verifySmsValid },
        { userAgent: 't', timeoutMs: 3000, maxRetries: 0 },
      );
      assert.ok(!bad.ok);
    }
    p.child.kill('SIGTERM');
    assert.strictEqual(await p.exit, 0);
    assert.ok(!p.output().includes(key), 'the simulator printed the API key');
  });

  it('refuses a non-loopback host and prints the banner otherwise', async () => {
    const refused = run(['--host', '0.0.0.0']);
    assert.strictEqual(await refused.exit, 2);
    assert.match(refused.output(), /refused/);
    const banner = run(['--port', '0']);
    const deadline = Date.now() + 10_000;
    while (!banner.output().includes('more: test/simulator/README.md') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.match(banner.output(), new RegExp(SEEDED.autoOtp + '.*OTP 50361'));
    banner.child.kill('SIGINT');
    assert.strictEqual(await banner.exit, 0);
  });
});
