// The callback listener on a real socket: arrivals kept byte-exact and in order, forwarding to a real app on
// 127.0.0.1 byte-exact (method, header names and order, body), the app's answer passed back, and the refusals
// (foreign Host, browser origin, oversized body) with the statuses the README documents.
import * as assert from 'assert';
import { createServer, request } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { CallbackListener, isOwnHost } from '../../../src/core/callbacks';
import type { ReceivedCallback } from '../../../src/core/callbacks';
import { forwardHeaders, forwardUrl } from '../../../src/core/callbacks/forward';

interface Answer {
  status: number;
  body: string;
}

function send(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/cb', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

interface Seen {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

async function app(handler: (seen: Seen, res: ServerResponse) => void): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`, seen };
}

describe('callbacks/listener', () => {
  const stops: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) await s();
  });

  async function listen(forwardTo?: string, extra: { forwardTimeoutMs?: number; maxBodyBytes?: number } = {}) {
    const got: ReceivedCallback[] = [];
    const refused: string[] = [];
    const forwarded: { seq: number; status?: number; error?: string }[] = [];
    const l = new CallbackListener({
      port: 0,
      forwardTo,
      ...extra,
      onCallback: (cb) => got.push(cb),
      onForwarded: (cb, r) => forwarded.push({ seq: cb.seq, status: r.status, error: r.error }),
      onRefused: (reason) => refused.push(reason),
    });
    await l.start();
    stops.push(() => l.stop());
    return { l, got, refused, forwarded };
  }

  it('keeps the body bytes and headers exactly, and answers 200 when there is no app', async () => {
    const { l, got } = await listen();
    const body = Buffer.from('{ "reference_id":"AB",\n  "status": {"code": 200} }\n', 'utf8');
    const r = await send(l.port, { headers: { 'X-TS-Authorization': 'TSA id:sig', 'Content-Type': 'application/json' }, body });
    assert.strictEqual(r.status, 200);
    assert.strictEqual(got.length, 1);
    assert.ok(got[0].body.equals(body));
    assert.strictEqual(got[0].headers['x-ts-authorization'], 'TSA id:sig');
    assert.strictEqual(got[0].path, '/cb');
  });

  it("forwards method, header names, order and values, and the body byte-exact; passes the app's answer back", async () => {
    const a = await app((_s, res) => {
      res.writeHead(202, { 'Content-Type': 'text/plain' });
      res.end('accepted by app');
    });
    stops.push(() => void a.server.close());
    const { l, forwarded } = await listen(a.url);
    const body = Buffer.from([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x5c, 0x75, 0x30, 0x30, 0x65, 0x39, 0x22, 0x7d, 0x0a]);
    const r = await send(l.port, {
      method: 'PUT',
      path: '/hooks/ts?x=1',
      headers: { 'X-TS-Authorization': 'TSA A:B', Authorization: 'TSA A:B', 'x-Custom-Case': 'v' },
      body,
    });
    assert.deepStrictEqual(r, { status: 202, body: 'accepted by app' });
    const s = a.seen[0];
    assert.strictEqual(s.method, 'PUT');
    assert.strictEqual(s.url, '/app/hooks/ts?x=1');
    assert.ok(s.body.equals(body), 'body bytes unchanged');
    const names = s.rawHeaders.filter((_, i) => i % 2 === 0);
    assert.deepStrictEqual(
      names.filter((n) => /^(x-ts-authorization|authorization|x-custom-case)$/i.test(n)),
      ['X-TS-Authorization', 'Authorization', 'x-Custom-Case'],
    );
    assert.deepStrictEqual(forwarded, [{ seq: 1, status: 202, error: undefined }]);
  });

  it('answers 502 when the app is down, 504 when it hangs, and passes a 500 through', async () => {
    const dead = await app(() => undefined);
    const deadUrl = dead.url;
    await new Promise((r) => dead.server.close(r));
    let { l, forwarded } = await listen(deadUrl);
    assert.strictEqual((await send(l.port, { body: '{}' })).status, 502);
    assert.strictEqual(forwarded[0].error, 'connection-refused');
    const hang = await app(() => undefined);
    stops.push(() => void hang.server.closeAllConnections());
    stops.push(() => void hang.server.close());
    ({ l, forwarded } = await listen(hang.url, { forwardTimeoutMs: 300 }));
    assert.strictEqual((await send(l.port, { body: '{}' })).status, 504);
    assert.strictEqual(forwarded[0].error, 'timeout');
    const fail = await app((_s, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    stops.push(() => void fail.server.close());
    ({ l } = await listen(fail.url));
    assert.deepStrictEqual(await send(l.port, { body: '{}' }), { status: 500, body: 'boom' });
  });

  it('refuses a foreign Host (DNS rebinding), browser origins, preflights and oversized bodies', async () => {
    const { l, got, refused } = await listen(undefined, { maxBodyBytes: 1000 });
    assert.strictEqual((await send(l.port, { headers: { Host: 'attacker.example:' + l.port }, body: '{}' })).status, 421);
    assert.strictEqual((await send(l.port, { headers: { Origin: 'https://evil.example' }, body: '{}' })).status, 403);
    assert.strictEqual((await send(l.port, { headers: { 'Sec-Fetch-Site': 'cross-site' }, body: '{}' })).status, 403);
    assert.strictEqual((await send(l.port, { method: 'OPTIONS' })).status, 403);
    assert.strictEqual((await send(l.port, { body: 'x'.repeat(1001) })).status, 413);
    assert.strictEqual((await send(l.port, { headers: { Host: `localhost:${l.port}` }, body: '{}' })).status, 200);
    assert.strictEqual(got.length, 1, 'only the last request was kept');
    assert.deepStrictEqual(refused, ['foreign-host', 'cross-origin', 'cross-origin', 'preflight', 'too-large']);
  });

  it('numbers arrivals in order under concurrency, none lost', async () => {
    const { l, got } = await listen();
    await Promise.all(Array.from({ length: 200 }, (_, i) => send(l.port, { body: JSON.stringify({ i }) })));
    assert.strictEqual(got.length, 200);
    assert.deepStrictEqual(
      got.map((g) => g.seq),
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    assert.strictEqual(new Set(got.map((g) => g.body.toString())).size, 200);
  });

  it('reports a busy port with EADDRINUSE', async () => {
    const { l } = await listen();
    const second = new CallbackListener({ port: l.port, onCallback: () => undefined });
    await assert.rejects(second.start(), (e: NodeJS.ErrnoException) => e.code === 'EADDRINUSE');
  });

  it('isOwnHost, forwardUrl and forwardHeaders', () => {
    assert.ok(isOwnHost('127.0.0.1:8788', 8788) && isOwnHost('localhost', 8788) && isOwnHost('[::1]:8788', 8788));
    assert.ok(
      !isOwnHost('127.0.0.1:9999', 8788) &&
        !isOwnHost('evil.com:8788', 8788) &&
        !isOwnHost(undefined, 8788) &&
        !isOwnHost('127.0.0.1.evil.com', 8788),
    );
    assert.strictEqual(forwardUrl('http://127.0.0.1:3000/telesign', '/cb?a=1').toString(), 'http://127.0.0.1:3000/telesign/cb?a=1');
    assert.strictEqual(forwardUrl('http://127.0.0.1:3000/telesign', '/').toString(), 'http://127.0.0.1:3000/telesign');
    assert.deepStrictEqual(forwardHeaders(['host', 'x', 'Connection', 'keep-alive', 'X-A', '1', 'Content-Length', '9'], 'app:1', 2), [
      'Host',
      'app:1',
      'X-A',
      '1',
      'Content-Length',
      '2',
    ]);
  });
});
