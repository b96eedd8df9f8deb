// Signed callback delivery: POSTs each transaction's callbacks to a loopback URL as sim time passes, retries
// a non-2xx, timed-out or failed delivery on RETRY_DELAYS_MS (sim clock), and logs every attempt.
import { request } from 'http';
import { signCallback } from '../../src/core/callbacks';
import type { CallbackCredentials, CallbackFamily } from '../../src/core/callbacks';
import { isLoopbackUrl } from '../../src/core/telesign/validate';
import { transactionEvents } from './callbackBodies';
import type { SimClock } from './clock';
import type { Transaction } from './transactions';

/** Waits before attempts 2..6, counted on the sim clock from the previous failed attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 60_000, 300_000, 900_000];
/** Real time an attempt may take before it counts as timed out. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;
const MAX_ANSWER_BYTES = 1024;
const MAX_DELIVERIES = 1000;

export interface CallbackAttempt {
  readonly n: number;
  /** Sim time the attempt started (ISO). */
  readonly at: string;
  readonly status?: number;
  /** timeout, connection-reset, connection-refused or another socket error code. */
  readonly error?: string;
  /** The receiver's answer body, first 1 KiB. */
  readonly answer?: string;
  readonly realMs: number;
}

export interface CallbackDelivery {
  readonly id: number;
  readonly family: CallbackFamily;
  readonly referenceId?: string;
  readonly url: string;
  /** The exact bytes signed and sent. */
  readonly body: string;
  readonly createdAt: string;
  state: 'pending' | 'in-flight' | 'delivered' | 'failed';
  readonly attempts: CallbackAttempt[];
  nextAttemptAt?: string;
}

interface Internal extends CallbackDelivery {
  dueAt: number;
}

interface Watched {
  readonly tx: Transaction;
  /** Events at or after this sim time are sent (earlier ones happened before anyone listened). */
  readonly since: number;
  sent: number;
}

/** A callback target: http:// on a loopback address only (the simulator never sends off this machine). */
export function validateCallbackUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `callback URL "${url}" is not a URL; use e.g. http://127.0.0.1:9000/callbacks`;
  }
  if (parsed.protocol !== 'http:') return `callback URL must be http:// (the simulator posts plain HTTP to a local receiver): ${url}`;
  if (!isLoopbackUrl(parsed)) {
    return `callback URL must be on 127.0.0.1, ::1 or localhost; the simulator never sends off this machine: ${url}`;
  }
  return undefined;
}

function classifyError(e: NodeJS.ErrnoException, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  if (e.code === 'ECONNREFUSED') return 'connection-refused';
  if (e.code === 'ECONNRESET' || e.message === 'socket hang up') return 'connection-reset';
  return e.code ?? e.message;
}

export class CallbackDispatcher {
  url: string | undefined;
  timeoutMs: number;
  private readonly deliveries: Internal[] = [];
  private readonly watched = new Map<string, Watched>();
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;
  private readonly timer?: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly clock: SimClock,
    private readonly signer: () => CallbackCredentials | undefined,
    options: { url?: string; timeoutMs?: number } = {},
  ) {
    if (options.url !== undefined) this.setUrl(options.url);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    this.unsubscribe = clock.onChange(() => this.pump());
    // A real-time clock moves by itself; frozen clocks move only through advance()/set().
    if (!clock.frozen) {
      this.timer = setInterval(() => this.pump(), 100);
      this.timer.unref();
    }
  }

  setUrl(url: string | null): void {
    if (url === null) {
      this.url = undefined;
      return;
    }
    const problem = validateCallbackUrl(url);
    if (problem) throw new Error(problem);
    this.url = url;
    // Transactions already running start reporting from now on.
    for (const [ref, w] of this.watched) this.watched.set(ref, { ...w, since: Math.max(w.since, this.clock.now()) });
  }

  /** Follows a transaction; its callbacks go to its own callbackUrl or the dispatcher's URL. */
  watch(tx: Transaction): void {
    if (tx.spec.callbackUrl !== undefined) {
      const problem = validateCallbackUrl(tx.spec.callbackUrl);
      if (problem) throw new Error(problem);
    }
    this.watched.set(tx.referenceId, { tx, since: this.clock.now(), sent: 0 });
    this.pump();
  }

  unwatch(referenceId: string): void {
    this.watched.delete(referenceId);
  }

  /** Queues a callback now (inbound messages, template reviews, bulk SMS on demand). */
  send(family: CallbackFamily, body: Record<string, unknown>, url?: string): CallbackDelivery {
    const target = url ?? this.url;
    if (target === undefined) throw new Error('no callback URL: start with --callback-url, POST /_sim/callbacks/url, or pass "url"');
    const problem = validateCallbackUrl(target);
    if (problem) throw new Error(problem);
    const d = this.enqueue(family, body, target);
    this.pump();
    return d;
  }

  list(): CallbackDelivery[] {
    return this.deliveries.map(({ dueAt: _dueAt, ...d }) => ({ ...d, attempts: [...d.attempts] }));
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  reset(): void {
    this.clear();
    this.watched.clear();
  }

  /** Resolves once no attempt is in flight (after the due ones have started). */
  async settle(): Promise<void> {
    this.pump();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
  }

  private enqueue(family: CallbackFamily, body: Record<string, unknown>, url: string): Internal {
    const now = this.clock.now();
    const d: Internal = {
      id: this.nextId++,
      family,
      referenceId: typeof body.reference_id === 'string' ? body.reference_id : undefined,
      url,
      body: JSON.stringify(body),
      createdAt: new Date(now).toISOString(),
      state: 'pending',
      attempts: [],
      nextAttemptAt: new Date(now).toISOString(),
      dueAt: now,
    };
    this.deliveries.push(d);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES);
    return d;
  }

  /** Sends what is due: new transaction events, then pending attempts whose time has come. */
  pump(): void {
    if (this.closed) return;
    const now = this.clock.now();
    for (const w of this.watched.values()) {
      const url = w.tx.spec.callbackUrl ?? this.url;
      if (url === undefined) continue;
      const events = transactionEvents(w.tx);
      for (; w.sent < events.length && events[w.sent].at <= now; w.sent++) {
        const e = events[w.sent];
        if (e.at >= w.since) this.enqueue(e.family, e.body, url);
      }
    }
    for (const d of this.deliveries) if (d.state === 'pending' && d.dueAt <= now) this.attempt(d);
  }

  private attempt(d: Internal): void {
    d.state = 'in-flight';
    d.nextAttemptAt = undefined;
    const n = d.attempts.length + 1;
    const at = new Date(this.clock.now()).toISOString();
    const started = Date.now();
    const creds = this.signer();
    const headers: Record<string, string> = creds ? signCallback(creds, d.body) : { 'Content-Type': 'application/json' };
    const p = this.post(d.url, { ...headers, 'X-Sim-Callback-Id': String(d.id), 'X-Sim-Attempt': String(n) }, d.body).then((r) => {
      d.attempts.push({ n, at, ...r, realMs: Date.now() - started });
      const ok = r.error === undefined && r.status !== undefined && r.status >= 200 && r.status < 300;
      if (ok) d.state = 'delivered';
      else if (n > RETRY_DELAYS_MS.length) d.state = 'failed';
      else {
        d.state = 'pending';
        d.dueAt = this.clock.now() + RETRY_DELAYS_MS[n - 1];
        d.nextAttemptAt = new Date(d.dueAt).toISOString();
      }
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private post(url: string, headers: Record<string, string>, body: string): Promise<{ status?: number; error?: string; answer?: string }> {
    return new Promise((resolve) => {
      const bytes = Buffer.from(body, 'utf8');
      let timedOut = false;
      let done = false;
      const finish = (r: { status?: number; error?: string; answer?: string }): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(r);
      };
      const req = request(url, {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(bytes.length), 'User-Agent': 'telesign-inspector-simulator' },
        agent: false,
      });
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error('timeout'));
      }, this.timeoutMs);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => finish({ status: res.statusCode, answer: Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES) }));
        res.on('error', (e: NodeJS.ErrnoException) => finish({ status: res.statusCode, error: classifyError(e, timedOut) }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => finish({ error: classifyError(e, timedOut) }));
      req.end(bytes);
    });
  }
}
