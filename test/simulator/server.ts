// A Telesign-compatible status server on 127.0.0.1 for tests, benchmarks and the demo. Standard library
// only (plus the core's signing functions). See README.md beside this file for the seeded world.
import { randomBytes } from 'crypto';
import { createServer } from 'http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import type { EndpointId } from '../../src/core/telesign/types';
import { handleAdmin } from './admin';
import { CallbackDispatcher } from './callbacks';
import { checkAuth, NonceMemory } from './authCheck';
import { createSimClock } from './clock';
import type { SimClock, SimClockOptions } from './clock';
import { errorAnswer, errorBody } from './codes';
import { FINALIZE_MAX_BODY_BYTES, finalizeProcess } from './finalize';
import type { ErrorKey, Family } from './codes';
import { deliver, FaultBook, HTML_502, replacesAnswer, resetBeforeBody, sendOversized, sendPlain } from './faults';
import type { Fault, FaultKind, Prepared } from './faults';
import { ALL_PRODUCTS, SEEDED_CUSTOMERS, SEEDED_TRANSACTIONS } from './seed';
import type { CustomerSpec, RateLimit } from './seed';
import {
  createTransaction,
  isExpired,
  REFERENCE_ID,
  renderMessaging,
  renderOmnichannel,
  renderVerification,
  renderVerify,
} from './transactions';
import type { Transaction, TransactionSpec } from './transactions';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Real time by default; `{ frozen: true }` for tests that move time themselves. */
  readonly clock?: SimClockOptions;
  /** Customers added to the seeded ones (the demo customer and the one without Messaging). */
  readonly customers?: readonly CustomerSpec[];
  /** Load the seeded transactions (default true). */
  readonly seed?: boolean;
  /** Per-customer limit on the sim clock; none by default. */
  readonly rateLimit?: RateLimit | null;
  /** How many API requests `requests` keeps (oldest dropped). Default 1000. */
  readonly maxLoggedRequests?: number;
  /** Signed callbacks: default target URL (loopback http only), signing customer (default the demo one), per-attempt timeout. */
  readonly callbacks?: { readonly url?: string; readonly customerId?: string; readonly timeoutMs?: number };
}

/** One API request as it arrived (admin routes are not logged). Headers are raw, Authorization included. */
export interface RequestRecord {
  /** Sim time of arrival. */
  readonly at: number;
  readonly method: string;
  /** Path without the query string, as sent. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly endpoint?: EndpointId;
  readonly fault?: FaultKind;
  /** HTTP status sent; absent when the connection was reset first. */
  status?: number;
  /** The body of a PATCH …/state (finalize), as received. */
  body?: string;
}

export interface TransactionSummary {
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly label?: string;
  readonly otp?: string;
  readonly createdAt: string;
  readonly wrongAttempts: number;
}

export interface Simulator {
  readonly url: string;
  readonly port: number;
  readonly clock: SimClock;
  readonly faults: FaultBook;
  /** Signed callback deliveries (see README "Callbacks"). */
  readonly callbacks: CallbackDispatcher;
  /** API requests, oldest first. */
  readonly requests: readonly RequestRecord[];
  addTransaction(spec: TransactionSpec): TransactionSummary;
  addCustomer(spec: CustomerSpec): void;
  transactions(): TransactionSummary[];
  /** Back to the starting world: seeded transactions re-created at the clock's current time, faults,
   *  request log, nonces, rate windows and added customers cleared. The clock keeps its time. */
  reset(): void;
  close(): Promise<void>;
}

/** Internal state shared with the admin routes. */
export interface SimState {
  readonly clock: SimClock;
  readonly faults: FaultBook;
  readonly requests: RequestRecord[];
  readonly customers: Map<string, CustomerSpec>;
  readonly txs: Map<string, Transaction>;
  readonly callbacks: CallbackDispatcher;
  addTransaction(spec: TransactionSpec): TransactionSummary;
  addCustomer(spec: CustomerSpec): void;
  summaries(): TransactionSummary[];
  reset(): void;
}

const ROUTES: readonly { readonly prefix: string; readonly endpoint: EndpointId }[] = [
  { prefix: '/v1/omnichannel/', endpoint: 'omnichannel' },
  { prefix: '/v1/verify/', endpoint: 'verify' },
  { prefix: '/v1/messaging/', endpoint: 'messaging' },
  { prefix: '/verification/', endpoint: 'verification' },
];

function json(status: number, body: unknown, extra: Record<string, string> = {}): Prepared {
  return { status, headers: { 'Content-Type': 'application/json', ...extra }, body: Buffer.from(JSON.stringify(body)) };
}

function summary(tx: Transaction): TransactionSummary {
  return {
    referenceId: tx.referenceId,
    endpoint: tx.endpoint,
    label: tx.spec.label,
    otp: tx.spec.otp,
    createdAt: new Date(tx.createdAt).toISOString(),
    wrongAttempts: tx.wrongAttempts,
  };
}

function checkCustomer(spec: CustomerSpec): CustomerSpec {
  if (typeof spec.customerId !== 'string' || !/^[^:\s]+$/.test(spec.customerId)) {
    throw new Error('customerId must be non-empty with no ":" or spaces');
  }
  if (typeof spec.apiKey !== 'string' || spec.apiKey === '') throw new Error('apiKey must be a non-empty string');
  for (const p of spec.products ?? []) if (!ALL_PRODUCTS.includes(p)) throw new Error(`unknown product ${String(p)}`);
  return spec;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = createSimClock(options.clock);
  const faults = new FaultBook();
  const requests: RequestRecord[] = [];
  const maxLogged = options.maxLoggedRequests ?? 1000;
  const customers = new Map<string, CustomerSpec>();
  const txs = new Map<string, Transaction>();
  const nonces = new NonceMemory();
  const windows = new Map<string, { start: number; count: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const randomId = (): string => randomBytes(16).toString('hex').toUpperCase();
  const signingCustomer = options.callbacks?.customerId ?? DEMO_CREDENTIALS.customerId;
  const callbacks = new CallbackDispatcher(clock, () => customers.get(signingCustomer), {
    url: options.callbacks?.url,
    timeoutMs: options.callbacks?.timeoutMs,
  });

  const state: SimState = {
    clock,
    faults,
    requests,
    customers,
    txs,
    callbacks,
    addTransaction(spec) {
      const tx = createTransaction(spec, clock.now(), randomId);
      txs.set(tx.referenceId, tx);
      callbacks.watch(tx);
      return summary(tx);
    },
    addCustomer(spec) {
      customers.set(spec.customerId, checkCustomer(spec));
    },
    summaries: () => [...txs.values()].map(summary),
    reset() {
      faults.clear();
      requests.length = 0;
      nonces.clear();
      windows.clear();
      customers.clear();
      for (const c of [...SEEDED_CUSTOMERS, ...(options.customers ?? [])]) state.addCustomer(c);
      txs.clear();
      callbacks.reset();
      if (options.seed ?? true) for (const spec of SEEDED_TRANSACTIONS) state.addTransaction(spec);
    },
  };
  state.reset();

  function rateLimited(customer: CustomerSpec, now: number): { limited: boolean; retryAfterS?: number } {
    const limit = customer.rateLimit !== undefined ? customer.rateLimit : (options.rateLimit ?? null);
    if (!limit) return { limited: false };
    let w = windows.get(customer.customerId);
    if (!w || now >= w.start + limit.windowMs || now < w.start) {
      w = { start: now, count: 0 };
      windows.set(customer.customerId, w);
    }
    if (w.count >= limit.requests) {
      const retry = Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000));
      return { limited: true, retryAfterS: limit.retryAfter ? retry : undefined };
    }
    w.count++;
    return { limited: false };
  }

  function failure(
    family: Family,
    key: ErrorKey,
    ref: string | undefined,
    extra: { signatureString?: string; tx?: Transaction } = {},
  ): Prepared {
    const now = clock.now();
    const answer = errorAnswer(family, key);
    return json(
      answer.http,
      errorBody(family, key, { referenceId: ref, now, signatureString: extra.signatureString, externalId: extra.tx?.spec.externalId }),
    );
  }

  /** The simulator's normal answer to an API request. */
  function answerApi(
    req: IncomingMessage,
    endpoint: EndpointId,
    rawPath: string,
    rawRef: string,
    query: URLSearchParams,
    finalizeBody?: string,
  ): Prepared {
    const now = clock.now();
    const auth = checkAuth(
      { method: req.method ?? 'GET', path: rawPath, headers: req.headers, body: finalizeBody },
      customers,
      now,
      nonces,
    );
    let ref: string;
    try {
      ref = decodeURIComponent(rawRef);
    } catch {
      ref = rawRef;
    }
    if (!auth.ok) return failure(endpoint, auth.error, undefined, { signatureString: auth.signatureString });
    const products = auth.customer.products ?? ALL_PRODUCTS;
    if (!products.includes(endpoint)) return failure(endpoint, 'not-enabled', undefined);
    const limit = rateLimited(auth.customer, now);
    if (limit.limited) {
      const p = failure(endpoint, 'rate-limited', ref);
      return limit.retryAfterS === undefined ? p : { ...p, headers: { ...p.headers, 'Retry-After': String(limit.retryAfterS) } };
    }
    if (!REFERENCE_ID.test(ref)) return failure(endpoint, 'malformed-ref', ref);
    // IDs are upper-case hex in every example; the simulator accepts either case (undocumented upstream).
    const tx = txs.get(ref.toUpperCase());
    if (!tx || tx.endpoint !== endpoint) return failure(endpoint, 'not-found', ref);
    if (tx.spec.answer) return failure(endpoint, tx.spec.answer, ref, { tx });
    if (isExpired(tx, now)) return failure(endpoint, 'expired', ref, { tx });
    if (finalizeBody !== undefined) {
      const answer = finalizeProcess(tx, finalizeBody, now);
      return json(answer.http, answer.body);
    }
    const code = query.get('verify_code');
    const verifyCode = code === null || code === '' ? undefined : code;
    switch (endpoint) {
      case 'omnichannel':
        return json(200, renderOmnichannel(tx, now, verifyCode));
      case 'verify':
        return json(200, renderVerify(tx, now, verifyCode));
      case 'messaging':
        return json(200, renderMessaging(tx, now));
      case 'verification':
        return json(200, renderVerification(tx, now));
    }
  }

  function replacement(fault: Fault, endpoint: EndpointId, ref: string, pathAndQuery: string, port: number): Prepared | undefined {
    switch (fault.kind) {
      case 'html-502':
        return { status: 502, headers: { 'Content-Type': 'text/html' }, body: HTML_502 };
      case 'empty-200':
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(0) };
      case 'error-body-200': {
        const p = failure(endpoint, fault.error ?? 'unavailable', ref);
        return { ...p, status: 200 };
      }
      case 'redirect':
        return {
          status: fault.status ?? 302,
          headers: { Location: fault.location ?? `http://localhost:${port}${pathAndQuery}`, 'Content-Type': 'text/plain' },
          body: Buffer.from('Moved\n'),
        };
      case 'error': {
        const p = failure(endpoint, fault.error, ref);
        return fault.retryAfter === undefined ? p : { ...p, headers: { ...p.headers, 'Retry-After': String(fault.retryAfter) } };
      }
      default:
        return undefined;
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = (req.url ?? '/').split('?')[0];
    if (rawPath === '/_sim' || rawPath.startsWith('/_sim/')) {
      handleAdmin(req, res, url, state);
      return;
    }
    const route = ROUTES.find((r) => rawPath.startsWith(r.prefix));
    const rawRef = route ? rawPath.slice(route.prefix.length) : '';
    const record: RequestRecord = {
      at: clock.now(),
      method: req.method ?? 'GET',
      path: rawPath,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      endpoint: route?.endpoint,
    };
    requests.push(record);
    if (requests.length > maxLogged) requests.splice(0, requests.length - maxLogged);
    res.on('finish', () => (record.status = res.statusCode));
    const finalizeRef = route?.endpoint === 'verification' && req.method === 'PATCH' ? /^([^/]+)\/state$/.exec(rawRef) : null;
    if (finalizeRef) {
      readFinalize(req, res, record, route?.endpoint ?? 'verification', rawPath, finalizeRef[1], url.searchParams);
      return;
    }
    req.resume();

    if (!route || rawRef.includes('/')) {
      sendPlain(res, json(404, { error: 'not a Telesign status path on this simulator', path: rawPath }));
      return;
    }
    if (req.method !== 'GET') {
      sendPlain(res, json(405, { error: 'status endpoints answer GET only' }, { Allow: 'GET' }));
      return;
    }
    const fault = faults.take(rawPath);
    if (fault) (record as { fault?: FaultKind }).fault = fault.kind;
    if (fault && replacesAnswer(fault)) {
      if (fault.kind === 'reset-before-body') return resetBeforeBody(res);
      if (fault.kind === 'oversized') return sendOversized(res, fault.megabytes, fault.chunked ?? false);
      const p = replacement(fault, route.endpoint, rawRef, req.url ?? rawPath, port);
      if (p) return sendPlain(res, p);
    }
    deliver(res, answerApi(req, route.endpoint, rawPath, rawRef, url.searchParams), fault, { timers });
  }

  /** PATCH /verification/{ref}/state: the body is read (capped) before auth, since Digest signs it. */
  function readFinalize(
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
    endpoint: EndpointId,
    rawPath: string,
    rawRef: string,
    query: URLSearchParams,
  ): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= FINALIZE_MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > FINALIZE_MAX_BODY_BYTES) return sendPlain(res, json(413, { status: { code: 3116, description: 'Payload too large' } }));
      const body = Buffer.concat(chunks).toString('utf8');
      record.body = body;
      const fault = faults.take(rawPath);
      if (fault) (record as { fault?: FaultKind }).fault = fault.kind;
      const p = fault && replacesAnswer(fault) ? replacement(fault, endpoint, rawRef, req.url ?? rawPath, port) : undefined;
      if (p) return sendPlain(res, p);
      sendPlain(res, answerApi(req, endpoint, rawPath, rawRef, query, body));
    });
  }

  const server = createServer((req, res) => {
    try {
      onRequest(req, res);
    } catch (e) {
      if (!res.headersSent) sendPlain(res, json(500, { error: 'simulator bug', message: e instanceof Error ? e.message : String(e) }));
    }
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    faults,
    callbacks,
    requests,
    addTransaction: (spec) => state.addTransaction(spec),
    addCustomer: (spec) => state.addCustomer(spec),
    transactions: () => state.summaries(),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        callbacks.close();
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
