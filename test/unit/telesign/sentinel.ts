// A recognisable fake API key: tests assert it never leaks into outcomes, logs, messages or cURL text.
import * as assert from 'assert';

export const SENTINEL_PLAIN = 'SENTINEL-KEY-do-not-leak-7f3a';
export const SENTINEL_KEY = Buffer.from(SENTINEL_PLAIN, 'utf8').toString('base64');
export const CUSTOMER_ID = '0A1B2C3D-4E5F-6789-ABCD-EF0123456789';

/** Fails if the sentinel key, its decoded bytes or a Basic header built from it appear in `value`. */
export function assertNoSecret(value: unknown, what = 'value'): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const needle of [SENTINEL_KEY, SENTINEL_PLAIN, Buffer.from(`${CUSTOMER_ID}:${SENTINEL_KEY}`).toString('base64'), encodeURIComponent(SENTINEL_KEY)]) {
    assert.ok(!text.includes(needle), `${what} leaks the API key (${needle.slice(0, 12)}…): ${text.slice(0, 300)}`);
  }
}
