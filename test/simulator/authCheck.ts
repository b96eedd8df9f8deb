// Checks a request's Authorization the way Telesign describes it (§2): Basic, or TSA digest re-computed
// with the core's own signing functions over the path without its query string.
import { timingSafeEqual } from 'crypto';
import { digestSignature, digestStringToSign } from '../../src/core/telesign/auth';
import type { ErrorKey } from './codes';
import type { CustomerSpec } from './seed';

/** Digest `Date`/`x-ts-date` must be within this of the sim clock. Telesign documents no number; 15 min is ours. */
export const DATE_TOLERANCE_MS = 15 * 60 * 1000;
/** Nonces are remembered this long (a reuse after that would fail the date check anyway). */
export const NONCE_MEMORY_MS = 2 * DATE_TOLERANCE_MS;
/** Accepted nonce lengths (UUIDs are 36). Telesign documents none; ours. */
export const NONCE_LENGTH = { min: 8, max: 128 } as const;

export interface AuthRequest {
  readonly method: string;
  /** Path without the query string, exactly as it arrived. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as received (PATCH); signed after the nonce line when a content type is. */
  readonly body?: string;
}

export type AuthResult =
  | { readonly ok: true; readonly customer: CustomerSpec; readonly scheme: 'basic' | 'digest' }
  | { readonly ok: false; readonly error: ErrorKey; readonly signatureString?: string; readonly customerId?: string };

/** Remembers recent Digest nonces per customer, on the sim clock. */
export class NonceMemory {
  private readonly seen = new Map<string, number>();

  /** True when the nonce was used within NONCE_MEMORY_MS; records it otherwise. */
  reused(customerId: string, nonce: string, now: number): boolean {
    if (this.seen.size > 50_000) this.prune(now);
    const key = `${customerId}\n${nonce}`;
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return true;
    this.seen.set(key, now + NONCE_MEMORY_MS);
    return false;
  }

  clear(): void {
    this.seen.clear();
  }

  private prune(now: number): void {
    for (const [k, until] of this.seen) if (until <= now) this.seen.delete(k);
  }
}

function header(headers: AuthRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function checkAuth(req: AuthRequest, customers: ReadonlyMap<string, CustomerSpec>, now: number, nonces: NonceMemory): AuthResult {
  const authorization = header(req.headers, 'authorization');
  if (authorization === undefined || authorization.trim() === '') return { ok: false, error: 'missing-auth' };

  const basic = /^Basic ([^\s]+)$/.exec(authorization);
  if (basic) {
    if (!BASE64.test(basic[1])) return { ok: false, error: 'malformed-auth' };
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return { ok: false, error: 'malformed-auth' };
    const customerId = decoded.slice(0, colon);
    const customer = customers.get(customerId);
    if (!customer) return { ok: false, error: 'unknown-customer', customerId };
    if (!sameText(decoded.slice(colon + 1), customer.apiKey)) return { ok: false, error: 'invalid-key', customerId };
    return { ok: true, customer, scheme: 'basic' };
  }

  const tsa = /^TSA ([^:\s]+):([A-Za-z0-9+/]+={0,2})$/.exec(authorization);
  if (!tsa) return { ok: false, error: 'malformed-auth' };
  const customerId = tsa[1];
  const customer = customers.get(customerId);
  if (!customer) return { ok: false, error: 'unknown-customer', customerId };

  const method = header(req.headers, 'x-ts-auth-method');
  if (method !== 'HMAC-SHA256') return { ok: false, error: 'bad-auth-method', customerId };

  const xTsDate = header(req.headers, 'x-ts-date');
  const date = xTsDate ?? header(req.headers, 'date');
  if (date === undefined || date === '') return { ok: false, error: 'missing-date', customerId };
  const dateMs = Date.parse(date);
  if (Number.isNaN(dateMs)) return { ok: false, error: 'bad-date', customerId };
  if (Math.abs(now - dateMs) > DATE_TOLERANCE_MS) return { ok: false, error: 'stale-date', customerId };

  const nonce = header(req.headers, 'x-ts-nonce');
  if (nonce === undefined || nonce.length < NONCE_LENGTH.min || nonce.length > NONCE_LENGTH.max) {
    return { ok: false, error: 'bad-nonce', customerId };
  }

  const upper = req.method.toUpperCase();
  const bodyless = upper === 'GET' || upper === 'DELETE' || upper === 'HEAD';
  const stringToSign = digestStringToSign({
    method: upper,
    // The SDKs sign an empty content-type line on GET/DELETE whatever header they send.
    contentType: bodyless ? '' : (header(req.headers, 'content-type') ?? ''),
    date,
    nonce,
    path: req.path,
    body: bodyless ? undefined : req.body,
    useXTsDate: xTsDate !== undefined,
  });
  if (!sameText(digestSignature(customer.apiKey, stringToSign), tsa[2])) {
    return { ok: false, error: 'bad-signature', signatureString: stringToSign, customerId };
  }
  // Only a correctly signed request spends its nonce, so garbage cannot burn a client's nonces.
  if (nonces.reused(customerId, nonce, now)) return { ok: false, error: 'reused-nonce', customerId };
  return { ok: true, customer, scheme: 'digest' };
}
