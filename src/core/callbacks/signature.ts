// Callback signing (Telesign "Authenticate callbacks"): HMAC-SHA256 over the raw body bytes only, keyed with
// the base64-decoded API key, sent as `TSA {customer_id}:{signature}` in both Authorization and
// X-TS-Authorization. Unlike request signing (core/telesign/auth.ts) there is no date, nonce or path.
import { createHmac, timingSafeEqual } from 'crypto';

export interface CallbackCredentials {
  readonly customerId: string;
  readonly apiKey: string;
  /** The profile these belong to, named in verdicts ("signed with profile Staging's key"). */
  readonly profile?: string;
}

const TSA = /^\s*TSA\s+([^\s:]+):(\S+)\s*$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function bytesOf(body: Buffer | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** The raw HMAC bytes; `key` is the HMAC key as given (callers decide how the API key becomes bytes). */
export function hmacBytes(key: Buffer, body: Buffer | string): Buffer {
  return createHmac('sha256', key).update(bytesOf(body)).digest();
}

/** base64(HMAC-SHA256(base64-decode(apiKey), rawBody)). */
export function callbackSignature(apiKey: string, rawBody: Buffer | string): string {
  return hmacBytes(Buffer.from(apiKey, 'base64'), rawBody).toString('base64');
}

/** `TSA {customer_id}:{signature}`. */
export function callbackAuthorization(customerId: string, apiKey: string, rawBody: Buffer | string): string {
  return `TSA ${customerId}:${callbackSignature(apiKey, rawBody)}`;
}

/** The headers Telesign sends with a signed callback. */
export function signCallback(credentials: CallbackCredentials, rawBody: Buffer | string): Record<string, string> {
  const value = callbackAuthorization(credentials.customerId, credentials.apiKey, rawBody);
  return { 'Content-Type': 'application/json', Authorization: value, 'X-TS-Authorization': value };
}

/** `TSA id:sig` split into its parts, or undefined when the value has another shape. */
export function parseTsaHeader(value: string): { customerId: string; signature: string } | undefined {
  const m = TSA.exec(value);
  return m ? { customerId: m[1], signature: m[2] } : undefined;
}

/**
 * Constant-time check of a presented base64 signature against expected HMAC bytes. A presented value that
 * is not 32 bytes of base64 still costs one comparison, so timing does not tell shapes apart.
 */
export function signatureMatches(presented: string, expected: Buffer): boolean {
  let candidate = BASE64.test(presented) ? Buffer.from(presented, 'base64') : Buffer.alloc(0);
  // Non-canonical base64 (stray padding bits) decodes to the same bytes; only the canonical text is the signature.
  if (candidate.toString('base64').replace(/=+$/, '') !== presented.replace(/=+$/, '')) candidate = Buffer.alloc(0);
  if (candidate.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(candidate, expected);
}
