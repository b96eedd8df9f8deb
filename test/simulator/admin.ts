// The admin API under /_sim/ (JSON): transactions, clock, faults, customers, reset, request log.
// No Telesign auth; the server listens on 127.0.0.1 only, and writes need a JSON content type and a
// loopback Host so a web page cannot drive it (no CORS preflight is ever answered).
import type { IncomingMessage, ServerResponse } from 'http';
import type { EndpointId } from '../../src/core/telesign/types';
import { CALLBACK_HELP, callbackRoute } from './adminCallbacks';
import { parseFault } from './faults';
import type { FaultRuleSpec } from './faults';
import { ALL_PRODUCTS } from './seed';
import type { CustomerSpec } from './seed';
import type { SimState } from './server';
import type { TransactionSpec } from './transactions';

const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = Buffer.from(JSON.stringify(body, null, 2) + '\n');
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(text.length), 'Cache-Control': 'no-store' });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body over 1 MiB'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function loopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host);
}

/** Authorization with the secret part removed, for listings that leave the process. */
export function redactAuthorization(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const tsa = /^TSA ([^:\s]+):/.exec(value);
  if (tsa) return `TSA ${tsa[1]}:[redacted]`;
  const scheme = /^(\S+)\s/.exec(value);
  return scheme ? `${scheme[1]} [redacted]` : '[redacted]';
}

function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${what} must be a JSON object`);
  return x as Record<string, unknown>;
}

function optNumber(o: Record<string, unknown>, k: string): void {
  if (o[k] !== undefined && (typeof o[k] !== 'number' || !Number.isFinite(o[k]) || o[k] < 0)) {
    throw new Error(`"${k}" must be a non-negative number`);
  }
}

function optString(o: Record<string, unknown>, k: string): void {
  if (o[k] !== undefined && typeof o[k] !== 'string') throw new Error(`"${k}" must be a string`);
}

/** Validates a transaction that arrived as JSON. */
export function parseTransactionSpec(input: unknown): TransactionSpec {
  const o = obj(input, 'transaction');
  for (const k of ['referenceId', 'label', 'otp', 'price', 'currency', 'mcc', 'mnc', 'phoneNumber', 'callbackUrl']) optString(o, k);
  for (const k of ['createdAgoMs', 'validityMs', 'maxAttempts', 'wrongAttempts', 'readAfterMs']) optNumber(o, k);
  if (o.endpoint !== undefined && !ALL_PRODUCTS.includes(o.endpoint as EndpointId)) {
    throw new Error(`"endpoint" must be one of ${ALL_PRODUCTS.join(', ')}`);
  }
  if (o.subResource !== undefined && o.subResource !== 'sms' && o.subResource !== 'call') {
    throw new Error('"subResource" must be sms or call');
  }
  if (o.answer !== undefined && o.answer !== 'rate-limited' && o.answer !== 'unavailable') {
    throw new Error('"answer" must be rate-limited or unavailable');
  }
  if (o.channels !== undefined) {
    if (!Array.isArray(o.channels)) throw new Error('"channels" must be an array');
    o.channels.forEach((c, i) => {
      const ch = obj(c, `channels[${i}]`);
      if (typeof ch.channel !== 'string' || ch.channel === '') {
        throw new Error(`channels[${i}].channel must be a name such as sms or whatsapp`);
      }
      if (typeof ch.code !== 'number') throw new Error(`channels[${i}].code must be a number`);
      optNumber(ch, 'afterMs');
      if (ch.afterMs === undefined) throw new Error(`channels[${i}].afterMs is required (ms of sim time in progress)`);
    });
  }
  if (o.progression !== undefined) {
    if (!Array.isArray(o.progression) || o.progression.length === 0) throw new Error('"progression" must be a non-empty array');
    o.progression.forEach((s, i) => {
      const st = obj(s, `progression[${i}]`);
      optNumber(st, 'afterMs');
      if (st.afterMs === undefined) throw new Error(`progression[${i}].afterMs is required`);
    });
  }
  return o;
}

function parseCustomer(input: unknown): CustomerSpec {
  const o = obj(input, 'customer');
  if (typeof o.customerId !== 'string' || typeof o.apiKey !== 'string') throw new Error('"customerId" and "apiKey" are required strings');
  if (o.products !== undefined && !Array.isArray(o.products)) throw new Error('"products" must be an array');
  return o as unknown as CustomerSpec;
}

const HELP = {
  'GET /_sim/transactions': 'list transactions (reference IDs, OTPs, labels)',
  'POST /_sim/transactions':
    '{"otp":"123456","channels":[{"channel":"viber","code":3112,"afterMs":5000},{"channel":"sms","code":3000,"afterMs":10000}]}',
  'GET /_sim/clock': 'sim time',
  'POST /_sim/clock': '{"advanceMs":60000} or {"set":"2030-01-01T00:00:00Z"}',
  'GET /_sim/faults': 'queued faults and rules',
  'POST /_sim/faults': '{"fault":{"kind":"error","error":"unavailable"},"times":3} (queue) or add "path":"/v1/omnichannel/" (rule)',
  'DELETE /_sim/faults': 'clear faults; DELETE /_sim/faults/{id} removes one rule',
  'POST /_sim/customers': '{"customerId":"…","apiKey":"…","products":["verify"]}',
  'GET /_sim/requests': 'API requests received (Authorization redacted); DELETE clears',
  'POST /_sim/reset': 'back to the seeded world',
  ...CALLBACK_HELP,
  note: 'POST requests need Content-Type: application/json',
};

async function route(req: IncomingMessage, res: ServerResponse, url: URL, s: SimState): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  if (method === 'POST') {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) return send(res, 415, { error: 'admin writes need Content-Type: application/json' });
  }
  const body = method === 'POST' ? await readJson(req) : (req.resume(), undefined);
  const clockView = (): unknown => ({ now: s.clock.now(), iso: new Date(s.clock.now()).toISOString(), frozen: s.clock.frozen });

  if (path === '/_sim' || path === '/_sim/help') return send(res, 200, HELP);
  if (path === '/_sim/health' && method === 'GET') return send(res, 200, { ok: true, ...(clockView() as object) });
  if (path === '/_sim/transactions') {
    if (method === 'GET') return send(res, 200, s.summaries());
    if (method === 'POST') return send(res, 201, s.addTransaction(parseTransactionSpec(body)));
  }
  if (path.startsWith('/_sim/transactions/') && method === 'DELETE') {
    const ref = path.slice('/_sim/transactions/'.length).toUpperCase();
    s.callbacks.unwatch(ref);
    return s.txs.delete(ref) ? send(res, 200, { deleted: ref }) : send(res, 404, { error: `no transaction ${ref}` });
  }
  if (path === '/_sim/clock') {
    if (method === 'GET') return send(res, 200, clockView());
    if (method === 'POST') {
      const o = obj(body, 'clock change');
      if (typeof o.advanceMs === 'number') s.clock.advance(o.advanceMs);
      else if (typeof o.set === 'number') s.clock.set(o.set);
      else if (typeof o.set === 'string' && !Number.isNaN(Date.parse(o.set))) s.clock.set(Date.parse(o.set));
      else throw new Error('send {"advanceMs": number} or {"set": epoch ms | ISO date}');
      return send(res, 200, clockView());
    }
  }
  if (path === '/_sim/faults') {
    if (method === 'GET') return send(res, 200, s.faults.list());
    if (method === 'DELETE') {
      s.faults.clear();
      return send(res, 200, s.faults.list());
    }
    if (method === 'POST') {
      const o = obj(body, 'fault request');
      const fault = parseFault(o.fault);
      const times = o.times === undefined ? undefined : Number(o.times);
      if (typeof o.path === 'string') {
        const rule: FaultRuleSpec = { path: o.path, fault, times };
        const id = s.faults.rule(rule);
        return send(res, 201, { id, ...s.faults.list() });
      }
      s.faults.next(fault, times ?? 1);
      return send(res, 201, s.faults.list());
    }
  }
  if (path.startsWith('/_sim/faults/') && method === 'DELETE') {
    const id = Number(path.slice('/_sim/faults/'.length));
    return s.faults.remove(id) ? send(res, 200, s.faults.list()) : send(res, 404, { error: `no fault rule ${id}` });
  }
  if (path === '/_sim/customers' && method === 'POST') {
    const c = parseCustomer(body);
    s.addCustomer(c);
    return send(res, 201, { customerId: c.customerId, products: c.products ?? ALL_PRODUCTS });
  }
  if (path === '/_sim/requests') {
    if (method === 'DELETE') {
      s.requests.length = 0;
      return send(res, 200, []);
    }
    if (method === 'GET') {
      return send(
        res,
        200,
        s.requests.map((r) => ({ ...r, headers: { ...r.headers, authorization: redactAuthorization(r.headers.authorization) } })),
      );
    }
  }
  const cb = callbackRoute(method, path, body, s.callbacks, s.clock.now());
  if (cb) return send(res, cb.status, cb.body);
  if (path === '/_sim/reset' && method === 'POST') {
    s.reset();
    return send(res, 200, { reset: true, transactions: s.summaries().length });
  }
  return send(res, 404, { error: `no admin route ${method} ${url.pathname}`, help: HELP });
}

export function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, s: SimState): void {
  const remote = req.socket.remoteAddress ?? '';
  if (!/^(127\.|::1$|::ffff:127\.)/.test(remote) || !loopbackHost(req.headers.host)) {
    send(res, 403, { error: 'the admin API answers loopback requests only' });
    return;
  }
  route(req, res, url, s).catch((e: unknown) => {
    if (!res.headersSent) send(res, 400, { error: e instanceof Error ? e.message : String(e) });
  });
}
