// Telesign authentication: HTTP Basic and the "TSA" HMAC-SHA256 digest scheme (API reference §2).
// Pure functions, so the client, the cURL renderer and the simulator all sign the same way.
import { createHmac } from 'crypto';

const AUTH_METHOD = 'HMAC-SHA256';

/** `Basic base64(customer_id:api_key)`. */
export function basicAuthorization(customerId: string, apiKey: string): string {
  return 'Basic ' + Buffer.from(`${customerId}:${apiKey}`, 'utf8').toString('base64');
}

export interface DigestInput {
  /** HTTP method; upper-cased when signed. */
  method: string;
  /** Empty for GET/DELETE (the SDKs sign an empty line there). */
  contentType: string;
  /** Exactly as sent in the `Date` (or `x-ts-date`) header. */
  date: string;
  nonce: string;
  /** Resource path only: no scheme, host or query string. */
  path: string;
  /** Signed only when `contentType` is non-empty. */
  body?: string;
  /** Send the date as `x-ts-date` (the Date line is then empty and an `x-ts-date:` line is signed). */
  useXTsDate?: boolean;
}

/** The string Telesign signs: LF-joined, no trailing LF, x-ts-* lines in alphabetical order. */
export function digestStringToSign(input: DigestInput): string {
  const lines = [input.method.toUpperCase(), input.contentType, input.useXTsDate ? '' : input.date];
  lines.push(`x-ts-auth-method:${AUTH_METHOD}`);
  if (input.useXTsDate) lines.push(`x-ts-date:${input.date}`);
  lines.push(`x-ts-nonce:${input.nonce}`);
  if (input.contentType !== '' && input.body !== undefined && input.body !== '') lines.push(input.body);
  lines.push(input.path);
  return lines.join('\n');
}

/** base64(HMAC-SHA256(key = base64-decoded API key, message = UTF-8 string-to-sign)). */
export function digestSignature(apiKey: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(apiKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
}

/**
 * Every header the digest scheme needs. `Content-Type` is left out when empty (GET): the server
 * signs an empty line for it either way, and an empty header only confuses proxies.
 */
export function digestHeaders(customerId: string, apiKey: string, input: DigestInput): Record<string, string> {
  const signature = digestSignature(apiKey, digestStringToSign(input));
  const headers: Record<string, string> = {
    Authorization: `TSA ${customerId}:${signature}`,
    'x-ts-auth-method': AUTH_METHOD,
    'x-ts-nonce': input.nonce,
  };
  if (input.useXTsDate) headers['x-ts-date'] = input.date;
  else headers['Date'] = input.date;
  if (input.contentType !== '') headers['Content-Type'] = input.contentType;
  return headers;
}

/** RFC 1123 / HTTP-date in GMT, e.g. `Wed, 14 Dec 2016 18:20:12 GMT`. */
export function rfc1123Date(ms: number): string {
  return new Date(ms).toUTCString();
}
