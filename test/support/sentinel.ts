// A recognisable fake API key: tests assert it never leaks into outcomes, logs, messages or cURL text.
// Its base64 holds `+`, `/` and `=`, the characters that servers escape (`\/`, `\u002B`, `&#43;`, `%2B`).
import * as assert from 'assert';
import { findSecret, secretForms } from '../../src/core/telesign/secrets';

export const SENTINEL_PLAIN = 'SENTINEL-KEY-do-not-leak-7f3a???>>>';
export const SENTINEL_KEY = Buffer.from(SENTINEL_PLAIN, 'utf8').toString('base64');
export const CUSTOMER_ID = '0A1B2C3D-4E5F-6789-ABCD-EF0123456789';

/** The secrets a lookup with the sentinel credentials knows: the key and the Basic `id:key` pair. */
export const SENTINEL_SECRETS: readonly string[] = [SENTINEL_KEY, `${CUSTOMER_ID}:${SENTINEL_KEY}`];

/** Every literal form (secrets.ts), for sweeps that also want a plain substring search. */
export const SENTINEL_FORMS: readonly string[] = secretForms(SENTINEL_SECRETS);

/** The first form of the sentinel found in `text` (any spelling secrets.ts knows, case-insensitive). */
export function findSentinel(text: string): string | undefined {
  const lower = text.toLowerCase();
  return findSecret(text, SENTINEL_SECRETS) ?? SENTINEL_FORMS.find((f) => lower.includes(f.toLowerCase()));
}

/** Fails if the sentinel key appears in `value` in any reversible form (see secrets.ts). */
export function assertNoSecret(value: unknown, what = 'value'): void {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const hit = findSentinel(text);
  assert.ok(hit === undefined, `${what} leaks the API key (as ${JSON.stringify(hit?.slice(0, 24))}…): ${text.slice(0, 300)}`);
}
