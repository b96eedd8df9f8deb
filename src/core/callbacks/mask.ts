// Masking for what a callback says about an end user: phone numbers, email addresses, message text and
// entered codes. Views show these masked by default and reveal them only on request.

const BULLET = '\u2022';

/** `11234567890` → `•••••••7890`: the last four digits stay so two numbers can be told apart. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return BULLET.repeat(Math.max(digits.length, 1));
  return BULLET.repeat(digits.length - 4) + digits.slice(-4);
}

/** `name@example.com` → `n•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return BULLET.repeat(3);
  return email[0] + BULLET.repeat(3) + email.slice(at);
}

/** Message text → a placeholder that keeps only its length. */
export function maskText(text: string): string {
  const n = [...text].length;
  return `${BULLET.repeat(3)} (${n} character${n === 1 ? '' : 's'} hidden)`;
}

const PHONE_KEYS = new Set(['phone_number', 'cleansed_phone_number', 'waba_phone_number']);
const TEXT_KEYS = new Set(['mo_message', 'text', 'body', 'subject', 'code_entered', 'postback_data', 'tracking_data', 'address']);
const TEXT_KEY = /^text_\d+$/;
const URL_KEY = /^(url|uri|media|url_(image|video|audio)_\d+)$/;

/** A deep copy of a callback body with end-user data masked; structure, codes and IDs untouched. */
export function maskBody(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskBody(v));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskBody(v, k);
    return out;
  }
  if (typeof value !== 'string' || value === '') return value;
  if (PHONE_KEYS.has(key)) return maskPhone(value);
  if (key === 'email') return maskEmail(value);
  if (TEXT_KEYS.has(key) || TEXT_KEY.test(key) || URL_KEY.test(key)) return maskText(value);
  return value;
}
