/** A code split into its sign and digits; `explicit` says whether the sign was written out. */
export interface ParsedCode {
  readonly negative: boolean;
  readonly explicit: boolean;
  readonly digits: string;
}

// Minus-like characters people paste from docs and rich text: hyphen-minus, minus sign, dashes.
const MINUS = new Set(['-', '\u2212', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\uFE63', '\uFF0D']);
const MAX_DIGITS = 9;

export function parseCode(code: string | number): ParsedCode | undefined {
  if (typeof code === 'number') {
    if (!Number.isSafeInteger(code)) return undefined;
    return { negative: code < 0, explicit: code < 0, digits: String(Math.abs(code)) };
  }
  const s = code.trim();
  if (s.length === 0) return undefined;
  const first = s[0];
  const signed = MINUS.has(first) || first === '+';
  const body = signed ? s.slice(1).trimStart() : s;
  if (body.length === 0 || body.length > MAX_DIGITS + 8) return undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const digits = body.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) return undefined;
  const negative = signed && first !== '+' && digits !== '0';
  return { negative, explicit: signed, digits };
}

/**
 * The canonical form of a code ("−10004", " 3204 ", -10004 → "-10004", "3204"), or undefined when
 * the input is not an integer code.
 */
export function normalizeCode(code: string | number): string | undefined {
  const p = parseCode(code);
  return p ? (p.negative ? '-' : '') + p.digits : undefined;
}
