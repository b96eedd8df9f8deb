// Fault injection: what can go wrong between a client and Telesign, made precise and repeatable.
// A fault either replaces the answer outright (no auth check, no rate-limit count: the request never
// "reached" Telesign) or changes how the simulator's real answer is delivered.
import type { ServerResponse } from 'http';
import { ERROR_KEYS } from './codes';
import type { ErrorKey } from './codes';

export type Fault =
  /** Wait `ms` of real time, then answer normally. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Close the connection (TCP reset) without sending anything. */
  | { readonly kind: 'reset-before-body' }
  /** Send the status line, headers (with the full Content-Length) and `afterBytes` of the body, then reset. Default: half. */
  | { readonly kind: 'reset-mid-body'; readonly afterBytes?: number }
  /** A complete HTTP message whose JSON body is cut to `bytes` (Content-Length matches the cut). Default: half. */
  | { readonly kind: 'truncated-json'; readonly bytes?: number }
  /** 502 with a proxy-style HTML page. */
  | { readonly kind: 'html-502' }
  /** 200, application/json, zero bytes. */
  | { readonly kind: 'empty-200' }
  /** The real answer, `chunkBytes` at a time every `intervalMs` of real time. Default 1 byte / 50 ms. */
  | { readonly kind: 'slow-drip'; readonly chunkBytes?: number; readonly intervalMs?: number }
  /** 200 with a valid JSON body of `megabytes` MiB; `chunked` omits Content-Length. */
  | { readonly kind: 'oversized'; readonly megabytes: number; readonly chunked?: boolean }
  /** The real answer labelled with another content type. Default text/html; charset=utf-8. */
  | { readonly kind: 'wrong-content-type'; readonly contentType?: string }
  /** HTTP 200 carrying the family's error body for `error`. Default unavailable. */
  | { readonly kind: 'error-body-200'; readonly error?: ErrorKey }
  /** A redirect to another host. Default 302 to http://localhost:{port}{path}: another origin, still this simulator, so a follow shows up in `requests`. */
  | { readonly kind: 'redirect'; readonly location?: string; readonly status?: 301 | 302 | 303 | 307 | 308 }
  /** The family's error answer (e.g. rate-limited → 429 3204, unavailable → 503 3041); `retryAfter` adds Retry-After. */
  | { readonly kind: 'error'; readonly error: ErrorKey; readonly retryAfter?: string | number }
  /** The real answer with two bytes that are not UTF-8 (0xFF 0xFE) inside the first description string. */
  | { readonly kind: 'invalid-utf8' }
  /** The real answer with header `name` sent once per value. Default two Content-Type lines. */
  | { readonly kind: 'duplicate-headers'; readonly name?: string; readonly values?: readonly string[] };

export type FaultKind = Fault['kind'];

export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'reset-before-body',
  'reset-mid-body',
  'truncated-json',
  'html-502',
  'empty-200',
  'slow-drip',
  'oversized',
  'wrong-content-type',
  'error-body-200',
  'redirect',
  'error',
  'invalid-utf8',
  'duplicate-headers',
];

/** Faults whose answer does not depend on the simulator's normal handling of the request. */
export function replacesAnswer(fault: Fault): boolean {
  return ['reset-before-body', 'html-502', 'empty-200', 'oversized', 'error-body-200', 'redirect', 'error'].includes(fault.kind);
}

export interface FaultRuleSpec {
  /** Matches when the request path starts with this string, or matches this pattern. Absent: every API request. */
  readonly path?: string | RegExp;
  readonly fault: Fault;
  /** How many matching requests it applies to. Absent: until removed. */
  readonly times?: number;
}

interface ActiveRule {
  readonly id: number;
  readonly path?: string | RegExp;
  readonly fault: Fault;
  remaining: number;
}

/** Queued faults (consumed by the next API requests, in order) and path rules, checked after the queue. */
export class FaultBook {
  private queue: { fault: Fault; remaining: number }[] = [];
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** The next `times` API requests get `fault` (after anything queued earlier). */
  next(fault: Fault, times = 1): void {
    checkTimes(times);
    this.queue.push({ fault, remaining: times });
  }

  /** Adds a rule; returns its id for remove(). */
  rule(spec: FaultRuleSpec): number {
    if (spec.times !== undefined) checkTimes(spec.times);
    const id = this.nextId++;
    this.rules.push({ id, path: spec.path, fault: spec.fault, remaining: spec.times ?? Infinity });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.queue = [];
    this.rules = [];
  }

  /** The fault for a request to `path`, consuming one use of it. */
  take(path: string): Fault | undefined {
    const head = this.queue[0];
    if (head) {
      if (--head.remaining <= 0) this.queue.shift();
      return head.fault;
    }
    for (const rule of this.rules) {
      const p = rule.path;
      const hit = p === undefined || (typeof p === 'string' ? path.startsWith(p) : p.test(path));
      if (!hit) continue;
      if (--rule.remaining <= 0) this.remove(rule.id);
      return rule.fault;
    }
    return undefined;
  }

  list(): { queue: { fault: Fault; remaining: number }[]; rules: { id: number; path?: string; fault: Fault; remaining: number | null }[] } {
    return {
      queue: this.queue.map((q) => ({ ...q })),
      rules: this.rules.map((r) => ({
        id: r.id,
        path: r.path === undefined ? undefined : String(r.path),
        fault: r.fault,
        remaining: Number.isFinite(r.remaining) ? r.remaining : null,
      })),
    };
  }
}

function checkTimes(times: number): void {
  if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
}

/** Validates a fault that arrived as JSON (admin API). */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('fault must be an object with a "kind"');
  const f = input as Record<string, unknown>;
  const kind = f.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${JSON.stringify(f.kind)}; one of ${FAULT_KINDS.join(', ')}`);
  const num = (name: string, required: boolean): void => {
    const v = f[name];
    if (v === undefined && !required) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${kind}: "${name}" must be a non-negative number`);
  };
  switch (kind) {
    case 'latency':
      num('ms', true);
      break;
    case 'reset-mid-body':
      num('afterBytes', false);
      break;
    case 'truncated-json':
      num('bytes', false);
      break;
    case 'slow-drip':
      num('chunkBytes', false);
      num('intervalMs', false);
      break;
    case 'oversized':
      num('megabytes', true);
      break;
    case 'error':
      if (!ERROR_KEYS.includes(f.error as ErrorKey)) throw new Error(`error: "error" must be one of ${ERROR_KEYS.join(', ')}`);
      break;
    case 'error-body-200':
      if (f.error !== undefined && !ERROR_KEYS.includes(f.error as ErrorKey)) {
        throw new Error(`error-body-200: "error" must be one of ${ERROR_KEYS.join(', ')}`);
      }
      break;
    default:
      break;
  }
  return f as unknown as Fault;
}

/** A complete answer, before delivery. */
export interface Prepared {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}

export interface DeliveryContext {
  /** Real-time timers the simulator must cancel on close(). */
  readonly timers: Set<NodeJS.Timeout>;
}

function resetSocket(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function writeHead(res: ServerResponse, p: Prepared, extra: Record<string, string | readonly string[]> = {}): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries({ ...p.headers, ...extra })) headers[k] = typeof v === 'string' ? v : [...v];
  res.writeHead(p.status, headers);
}

export function sendPlain(res: ServerResponse, p: Prepared): void {
  writeHead(res, p, { 'Content-Length': String(p.body.length) });
  res.end(p.body);
}

function later(ctx: DeliveryContext, ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    ctx.timers.delete(t);
    fn();
  }, ms);
  ctx.timers.add(t);
}

/** Delivers the simulator's real answer `p` as shaped by `fault` (a fault that does not replace the answer). */
export function deliver(res: ServerResponse, p: Prepared, fault: Fault | undefined, ctx: DeliveryContext): void {
  if (!fault) return sendPlain(res, p);
  switch (fault.kind) {
    case 'latency':
      return later(ctx, fault.ms, () => {
        if (!res.destroyed) sendPlain(res, p);
      });
    case 'reset-mid-body': {
      const cut = Math.min(p.body.length - 1, fault.afterBytes ?? Math.floor(p.body.length / 2));
      writeHead(res, p, { 'Content-Length': String(p.body.length) });
      // Let the partial body reach the wire before the reset.
      res.write(p.body.subarray(0, Math.max(0, cut)), () => later(ctx, 20, () => resetSocket(res)));
      return;
    }
    case 'truncated-json': {
      const body = p.body.subarray(0, Math.min(p.body.length, fault.bytes ?? Math.floor(p.body.length / 2)));
      return sendPlain(res, { ...p, body });
    }
    case 'slow-drip': {
      const chunk = Math.max(1, fault.chunkBytes ?? 1);
      const interval = fault.intervalMs ?? 50;
      writeHead(res, p, { 'Content-Length': String(p.body.length) });
      let offset = 0;
      const drip = (): void => {
        if (res.destroyed) return;
        const piece = p.body.subarray(offset, offset + chunk);
        offset += piece.length;
        if (offset >= p.body.length) res.end(piece);
        else {
          res.write(piece);
          later(ctx, interval, drip);
        }
      };
      return drip();
    }
    case 'wrong-content-type':
      return sendPlain(res, { ...p, headers: { ...p.headers, 'Content-Type': fault.contentType ?? 'text/html; charset=utf-8' } });
    case 'invalid-utf8': {
      const marker = Buffer.from('"description":"');
      const at = p.body.indexOf(marker);
      const cut = at < 0 ? Math.max(0, p.body.length - 1) : at + marker.length;
      const body = Buffer.concat([p.body.subarray(0, cut), Buffer.from([0xff, 0xfe]), p.body.subarray(cut)]);
      return sendPlain(res, { ...p, body });
    }
    case 'duplicate-headers': {
      const name = fault.name ?? 'Content-Type';
      const headers: Record<string, string | readonly string[]> = {};
      for (const [k, v] of Object.entries(p.headers)) if (k.toLowerCase() !== name.toLowerCase()) headers[k] = v;
      headers[name] = fault.values ?? ['application/json', 'application/json; charset=utf-8'];
      return sendPlain(res, { ...p, headers });
    }
    default:
      return sendPlain(res, p);
  }
}

/** Writes an oversized but valid JSON body without holding it all twice. */
export function sendOversized(res: ServerResponse, megabytes: number, chunked: boolean): void {
  const total = Math.max(16, Math.round(megabytes * 1024 * 1024));
  const head = Buffer.from('{"status":{"code":3000,"description":"Delivered"},"padding":"');
  const tail = Buffer.from('"}');
  const fill = total - head.length - tail.length;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (!chunked) headers['Content-Length'] = String(head.length + Math.max(0, fill) + tail.length);
  res.writeHead(200, headers);
  res.write(head);
  const block = Buffer.alloc(64 * 1024, 'x');
  let left = Math.max(0, fill);
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const piece = block.subarray(0, Math.min(block.length, left));
      left -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

export function resetBeforeBody(res: ServerResponse): void {
  resetSocket(res);
}

export const HTML_502 = Buffer.from(
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center></body></html>\n',
);
