// What a language-model tool may return: no phone numbers and no message text by default. Our results carry no
// key or OTP (the protocol core redacts them), but a response or a log line can hold an end user's number or the
// text of an SMS; an assistant's transcript is no place for either.

/** A phone number as Telesign APIs and logs write it: 8–15 digits, optionally after `+`, standing alone. */
const PHONE = /(?<![\w+])\+?\d{8,15}(?!\w)/g;

/** Every digit but the last four becomes •, as card and phone masks do: enough to tell two numbers apart. */
function keepLastFour(s: string): string {
  let keep = 4;
  return [...s]
    .reverse()
    .map((c) => (/\d/.test(c) && keep-- <= 0 ? '•' : c))
    .reverse()
    .join('');
}

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE, keepLastFour);
}

/** Field names whose value is the end user's number, or free text someone wrote. */
const PHONE_KEYS = /^(phone_number|phone|to|from|recipient|sender|sender_id|msisdn|destination|originating_number|mobile)$/i;
const TEXT_KEYS = /^(message|text|body|content|user_response|caption|template_text|code_entered|verify_code|otp)$/i;
export const HIDDEN_TEXT = '[hidden: message text]';

/**
 * A deep copy of `value` fit for a tool result: phone-number fields and free-text fields masked, and every other
 * string passed through maskPhoneNumbers. Built without prototypes, so a `__proto__` key stays a plain key.
 */
export function maskForAssistant(value: unknown, depth = 0): unknown {
  if (depth > 32) return '[too deep]';
  if (typeof value === 'string') return maskPhoneNumbers(value);
  if (Array.isArray(value)) return value.map((v) => maskForAssistant(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    if (TEXT_KEYS.test(k) && v !== null && v !== undefined && v !== '') out[k] = HIDDEN_TEXT;
    else if (PHONE_KEYS.test(k) && (typeof v === 'string' || typeof v === 'number')) out[k] = keepLastFour(String(v));
    else out[k] = maskForAssistant(v, depth + 1);
  }
  return out;
}
