// The sentinel key as hostile servers and proxies echo it back, computed here by hand (not by the code
// under test), so a test can plant each spelling in an answer and check that none survives.
import { CUSTOMER_ID, SENTINEL_KEY } from './sentinel';

const key = SENTINEL_KEY;
const decoded = Buffer.from(key, 'base64');
const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
const each = (s: string, f: (c: string) => string): string => [...s].map(f).join('');
const named: Record<string, string> = { '+': '&plus;', '/': '&sol;', '=': '&equals;' };
const basic = Buffer.from(`${CUSTOMER_ID}:${key}`).toString('base64');

/** Spellings that survive in JSON source text only: JSON.parse turns them back into the plain key. */
export const JSON_ESCAPED: Readonly<Record<string, string>> = {
  'slash-escaped (PHP json_encode)': key.replace(/\//g, '\\/'),
  '\\u002B (.NET encoder)': key.replace(/\+/g, '\\u002B').replace(/\//g, '\\u002F'),
  'every character \\uXXXX': each(key, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
};

/** Spellings that stay as they are after parsing. */
export const ENCODED: Readonly<Record<string, string>> = {
  'lower-cased': key.toLowerCase(),
  'upper-cased': key.toUpperCase(),
  'percent-encoded, partially': encodeURIComponent(key),
  'percent-encoded, lower-case hex': encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'percent-encoded, every character': each(key, (c) => `%${hex2(c.charCodeAt(0)).toUpperCase()}`),
  'percent-encoded twice': encodeURIComponent(encodeURIComponent(key)),
  'HTML numeric entities': each(key, (c) => (/[A-Za-z0-9]/.test(c) ? c : `&#${c.charCodeAt(0)};`)),
  'HTML hex entities': each(key, (c) => (/[A-Za-z0-9]/.test(c) ? c : `&#x${hex2(c.charCodeAt(0))};`)),
  'HTML named entities': each(key, (c) => named[c] ?? c),
  'hex of the key text': Buffer.from(key).toString('hex'),
  'hex of the decoded key, upper-case': decoded.toString('hex').toUpperCase(),
  'decoded key bytes as text': decoded.toString('latin1'),
  'Basic credential': basic,
  'Basic credential without padding': basic.replace(/=+$/, ''),
  'base64 of the key at byte offset 1': Buffer.from(`x${key}`).toString('base64'),
  'base64 of the key at byte offset 2': Buffer.from(`xy${key}`).toString('base64'),
  'base64 of the decoded key at offset 1': Buffer.concat([Buffer.from('z'), decoded]).toString('base64'),
  'URL-safe base64': key.replace(/\+/g, '-').replace(/\//g, '_'),
};

/** A JSON string literal (quotes included) holding `spelling` as it appears in the body source. */
export function jsonLiteral(name: string): string {
  return name in JSON_ESCAPED ? `"${JSON_ESCAPED[name]}"` : JSON.stringify(ENCODED[name]);
}

export const ALL_ECHOES = [...Object.keys(JSON_ESCAPED), ...Object.keys(ENCODED)];
