// Each fault, observed the way a client would: plain fetch, or raw node:http where fetch hides the wire.
import * as assert from 'assert';
import { get as httpGet } from 'http';
import type { IncomingHttpHeaders } from 'http';
import { SEEDED } from '../../simulator/seed';
import { startSimulator } from '../../simulator/server';
import type { Simulator } from '../../simulator/server';
import { authHeaders, get, getJson } from '../../support/simulatorRequests';

const PATH = `/v1/omnichannel/${SEEDED.autoOtp}`;

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  chunks: number;
}

function raw(sim: Simulator, path: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpGet(sim.url + path, { headers: authHeaders(sim, path) }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(parts),
          chunks: parts.length,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error('raw request timed out')));
  });
}

describe('simulator: faults', () => {
  let sim: Simulator;
  let normal: string;
  before(async () => {
    sim = await startSimulator({ clock: { startMs: Date.parse('2025-01-01T00:00:00Z'), frozen: true } });
    normal = await (await get(sim, PATH)).text();
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('latency delays a normal answer by at least the given real time', async () => {
    sim.faults.next({ kind: 'latency', ms: 150 });
    const t0 = Date.now();
    const r = await get(sim, PATH);
    assert.strictEqual(await r.text(), normal);
    assert.ok(Date.now() - t0 >= 140);
  });

  it('reset before the body: the request fails with no response, and the log has no status', async () => {
    sim.faults.next({ kind: 'reset-before-body' });
    await assert.rejects(get(sim, PATH));
    assert.strictEqual(sim.requests[0].fault, 'reset-before-body');
    assert.strictEqual(sim.requests[0].status, undefined);
  });

  it('reset mid-body: headers and part of the body arrive, then the body stream fails', async () => {
    sim.faults.next({ kind: 'reset-mid-body', afterBytes: 40 });
    const r = await get(sim, PATH);
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.headers.get('content-length'), String(Buffer.byteLength(normal)));
    await assert.rejects(r.text());
  });

  it('truncated JSON: a complete message whose body is the first N bytes', async () => {
    sim.faults.next({ kind: 'truncated-json', bytes: 30 });
    const r = await raw(sim, PATH);
    assert.strictEqual(r.status, 200);
    assert.strictEqual(r.body.toString(), normal.slice(0, 30));
    assert.strictEqual(r.headers['content-length'], '30');
    assert.throws(() => JSON.parse(r.body.toString()) as unknown);
  });

  it('HTML 502, empty 200, wrong content type, 200 with an error body', async () => {
    sim.faults.next({ kind: 'html-502' });
    sim.faults.next({ kind: 'empty-200' });
    sim.faults.next({ kind: 'wrong-content-type' });
    sim.faults.next({ kind: 'error-body-200' });
    const html = await get(sim, PATH, { auth: 'none' });
    assert.deepStrictEqual([html.status, html.headers.get('content-type')], [502, 'text/html']);
    assert.match(await html.text(), /<title>502 Bad Gateway<\/title>/);
    const empty = await get(sim, PATH);
    assert.deepStrictEqual([empty.status, empty.headers.get('content-length'), await empty.text()], [200, '0', '']);
    const wrong = await get(sim, PATH);
    assert.deepStrictEqual([wrong.headers.get('content-type'), await wrong.text()], ['text/html; charset=utf-8', normal]);
    const errorBody = await getJson(sim, PATH);
    assert.deepStrictEqual([errorBody.status, errorBody.body], [200, { status: { code: 3041, description: 'System unavailable' } }]);
  });

  it('slow drip sends the real body in several pieces over time', async () => {
    sim.faults.next({ kind: 'slow-drip', chunkBytes: 100, intervalMs: 15 });
    const t0 = Date.now();
    const r = await raw(sim, PATH);
    assert.strictEqual(r.body.toString(), normal);
    const pieces = Math.ceil(Buffer.byteLength(normal) / 100);
    assert.ok(r.chunks >= 2, `arrived in ${r.chunks} chunks`);
    assert.ok(Date.now() - t0 >= (pieces - 1) * 15 - 5);
  });

  it('oversized: exactly N MiB of valid JSON, with or without Content-Length', async () => {
    sim.faults.next({ kind: 'oversized', megabytes: 2 });
    sim.faults.next({ kind: 'oversized', megabytes: 1.5, chunked: true });
    const sized = await raw(sim, PATH);
    assert.strictEqual(sized.body.length, 2 * 1024 * 1024);
    assert.strictEqual(sized.headers['content-length'], String(2 * 1024 * 1024));
    assert.strictEqual((JSON.parse(sized.body.toString()) as { status: { code: number } }).status.code, 3000);
    const chunked = await raw(sim, PATH);
    assert.strictEqual(chunked.body.length, 1.5 * 1024 * 1024);
    assert.strictEqual(chunked.headers['content-length'], undefined);
    assert.strictEqual(chunked.headers['transfer-encoding'], 'chunked');
  });

  it('redirect to another host: 302 to localhost on the same port, path and query kept', async () => {
    sim.faults.next({ kind: 'redirect' });
    const r = await get(sim, `${PATH}?verify_code=50361`);
    assert.strictEqual(r.status, 302);
    assert.strictEqual(r.headers.get('location'), `http://localhost:${sim.port}${PATH}?verify_code=50361`);
    sim.faults.next({ kind: 'redirect', status: 307, location: 'http://127.0.0.1:9/elsewhere' });
    const r2 = await get(sim, PATH);
    assert.deepStrictEqual([r2.status, r2.headers.get('location')], [307, 'http://127.0.0.1:9/elsewhere']);
  });

  it('429 with and without Retry-After, in each family', async () => {
    sim.faults.next({ kind: 'error', error: 'rate-limited', retryAfter: 7 });
    sim.faults.next({ kind: 'error', error: 'rate-limited' });
    const withHeader = await getJson(sim, PATH);
    assert.deepStrictEqual([withHeader.status, withHeader.body.status.code, withHeader.res.headers.get('retry-after')], [429, 3204, '7']);
    const without = await getJson(sim, `/v1/verify/${SEEDED.verifySmsValid}`);
    assert.deepStrictEqual([without.status, without.body.errors[0].code, without.res.headers.get('retry-after')], [429, -40007, null]);
  });

  it('a 503 storm answers the next N requests with 503, then recovers', async () => {
    sim.faults.next({ kind: 'error', error: 'unavailable' }, 3);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(sim, PATH)).status);
    assert.deepStrictEqual(statuses, [503, 503, 503, 200]);
    assert.deepStrictEqual(
      sim.requests.map((r) => r.fault),
      ['error', 'error', 'error', undefined],
    );
  });

  it('invalid UTF-8 inside the first description, otherwise the real body', async () => {
    sim.faults.next({ kind: 'invalid-utf8' });
    const r = await raw(sim, PATH);
    assert.strictEqual(r.body.length, Buffer.byteLength(normal) + 2);
    assert.ok(r.body.includes(Buffer.from([0xff, 0xfe])));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(r.body));
  });

  it('duplicate headers: the header line appears once per value', async () => {
    sim.faults.next({ kind: 'duplicate-headers' });
    sim.faults.next({ kind: 'duplicate-headers', name: 'Retry-After', values: ['1', '120'] });
    const ct = await raw(sim, PATH);
    const lines = (name: string, r: Raw): string[] => r.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === name);
    assert.strictEqual(lines('content-type', ct).length, 2);
    assert.strictEqual(ct.body.toString(), normal);
    const ra = await raw(sim, PATH);
    assert.strictEqual(lines('retry-after', ra).length, 2);
  });

  it('rules match by path prefix or pattern, for a number of times; the queue comes first', async () => {
    const verifyRule = sim.faults.rule({ path: '/v1/verify/', fault: { kind: 'html-502' } });
    sim.faults.rule({ path: /\/verification\//, fault: { kind: 'empty-200' }, times: 1 });
    assert.strictEqual((await get(sim, PATH)).status, 200);
    assert.strictEqual((await get(sim, `/v1/verify/${SEEDED.verifySmsValid}`)).status, 502);
    assert.strictEqual(await (await get(sim, `/verification/${SEEDED.verification}`)).text(), '');
    assert.strictEqual((await get(sim, `/verification/${SEEDED.verification}`)).status, 200, 'times: 1 is used up');
    sim.faults.next({ kind: 'error', error: 'unavailable' });
    assert.strictEqual((await get(sim, `/v1/verify/${SEEDED.verifySmsValid}`)).status, 503);
    assert.ok(sim.faults.remove(verifyRule));
    assert.strictEqual((await get(sim, `/v1/verify/${SEEDED.verifySmsValid}`)).status, 200);
  });

  it('delivery faults keep the real answer, replacing faults skip auth', async () => {
    sim.faults.next({ kind: 'wrong-content-type' });
    const unauth = await get(sim, PATH, { auth: 'none' });
    assert.strictEqual(unauth.status, 401);
    sim.faults.next({ kind: 'error', error: 'unavailable' });
    assert.strictEqual((await get(sim, PATH, { auth: 'none' })).status, 503);
  });

  it('rejects bad fault specs and counts', () => {
    assert.throws(() => sim.faults.next({ kind: 'empty-200' }, 0));
  });
});
