// Scrubs credentials from any text before it is logged, shown or stored. Every error path and logger
// goes through here, so it errs on the side of hiding too much.

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The secret as written, and the encoded forms it commonly travels in. */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const uri = encodeURIComponent(secret);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  forms.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * Replaces only the given secrets and their encoded forms. Safe on JSON text: the replacement has no
 * quote or backslash, so a body scrubbed this way still parses.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of secretForms(secret)) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), REDACTED);
    }
  }
  return out;
}

/**
 * Removes the given secrets (and their URL-encoded and base64 forms) and anything shaped like a
 * credential: Authorization values, `Basic <b64>`, `TSA id:sig`, `customer_id:api_key`, `api_key=…`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = redactSecrets(text, secrets);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
