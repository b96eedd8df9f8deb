// Scrubs credentials from any text before it is logged, shown or stored. Every error path and logger
// goes through here, so it errs on the side of hiding too much. Which forms of a secret are found is
// secrets.ts's business.

import { secretMatcher } from './secrets';

export const REDACTED = '[REDACTED]';

const PATTERNS: readonly [RegExp, string][] = [
  // Authorization header values in any notation: `Authorization: Basic x`, `"authorization":"TSA a:b"`.
  [/(authorization["']?\s*[:=]\s*["']?)(basic|tsa|bearer|digest)\s+[^\s"',;]+/gi, `$1$2 ${REDACTED}`],
  // `TSA customer:signature` anywhere; the customer ID is not secret and helps debugging.
  [/\bTSA\s+([^\s:"']+):[A-Za-z0-9+/=_-]{8,}/g, `TSA $1:${REDACTED}`],
  // `Basic <base64>` anywhere (the base64 holds customer_id:api_key).
  [/\bBasic\s+[A-Za-z0-9+/=_-]{8,}/g, `Basic ${REDACTED}`],
  // `customer_id:api_key` pairs, e.g. in `curl -u` or a URL's user info.
  [/\b([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}):[A-Za-z0-9+/]{16,}={0,2}/g, `$1:${REDACTED}`],
  // `api_key=…`, `"apiKey": "…"`, `x-api-key: …`.
  [/\b((?:x-)?api[_-]?key["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi, `$1${REDACTED}`],
];

/**
 * Replaces only the given secrets, in every form secrets.ts knows. On parsed data use redactDeep: text
 * redaction of JSON source could cut an escape sequence in half.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const re = secretMatcher(secrets);
  return re ? text.replace(re, REDACTED) : text;
}

const MAX_DEPTH = 64;

/**
 * A copy of parsed data with every secret form gone from every string, object keys included. Objects are
 * rebuilt from own entries (so a `__proto__` key stays a plain key); depth is capped so hostile nesting
 * cannot overflow the stack.
 */
export function redactDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactSecrets(k, secrets), redactDeep(v, secrets, depth + 1)]));
}

/**
 * Control characters written as visible escapes (`\n`, `\u001b`), so text from a server cannot start a
 * look-alike line or move the cursor in a log; also the Unicode line separators and bidi controls.
 */
export function neutralizeControls(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Removes the given secrets (in every reversible form) and anything shaped like a
 * credential: Authorization values, `Basic <b64>`, `TSA id:sig`, `customer_id:api_key`, `api_key=…`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = redactSecrets(text, secrets);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
