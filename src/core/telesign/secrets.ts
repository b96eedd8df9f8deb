// Every reversible form a secret can travel in, and one matcher that finds them all. Redaction (redact.ts)
// and the tests' sentinel sweeps both use this, so what is hidden and what is searched for cannot drift.
//
// A secret is searched for as: itself; the hex of its bytes; its base64 at byte offsets 0, 1 and 2 (with
// and without padding), so `base64(prefix + key)` is caught too; and, when it is base64 (an API key is),
// its decoded bytes as text, hex and base64. Each of those strings is then matched case-insensitively with
// every character in any of its escaped spellings: percent-encoded (also double, also only some
// characters), JSON/JS `\uXXXX`, `\xXX` and `\/`, HTML numeric and named entities.

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 6;

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The part of base64(`offset` filler bytes + bytes) that depends on `bytes` alone. */
function base64AtOffset(bytes: Buffer, offset: number): string {
  const b64 = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
  return b64.slice(Math.ceil((4 * offset) / 3), Math.floor((4 * (offset + bytes.length)) / 3));
}

function bytesForms(bytes: Buffer, out: Set<string>): void {
  out.add(bytes.toString('hex'));
  out.add(bytes.toString('base64'));
  for (const offset of [0, 1, 2]) out.add(base64AtOffset(bytes, offset));
}

/** The literal strings derived from each secret (before per-character escaping), longest first. */
export function secretForms(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    out.add(secret);
    bytesForms(Buffer.from(secret, 'utf8'), out);
    if (BASE64.test(secret)) {
      const decoded = Buffer.from(secret, 'base64');
      if (decoded.length >= MIN_SECRET_LENGTH) {
        bytesForms(decoded, out);
        out.add(decoded.toString('latin1'));
        const text = decoded.toString('utf8');
        if (Buffer.from(text, 'utf8').equals(decoded)) out.add(text);
      }
    }
  }
  return [...out].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

const NAMED_ENTITIES: Readonly<Record<string, readonly string[]>> = {
  '+': ['plus'],
  '/': ['sol'],
  '=': ['equals'],
  ':': ['colon'],
  '.': ['period'],
  _: ['lowbar', 'UnderBar'],
  '&': ['amp'],
  '<': ['lt'],
  '>': ['gt'],
  '"': ['quot'],
  "'": ['apos'],
  '%': ['percnt'],
  '#': ['num'],
  '!': ['excl'],
  '?': ['quest'],
  '@': ['commat'],
  $: ['dollar'],
  '(': ['lpar'],
  ')': ['rpar'],
  '*': ['ast', 'midast'],
  ',': ['comma'],
  ';': ['semi'],
  '[': ['lsqb', 'lbrack'],
  ']': ['rsqb', 'rbrack'],
  '{': ['lcub', 'lbrace'],
  '}': ['rcub', 'rbrace'],
  '|': ['vert', 'verbar'],
  '\\': ['bsol'],
  '^': ['Hat'],
  '`': ['grave'],
  '~': ['tilde'],
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** A regular-expression source matching `ch` in any of its escaped spellings. */
function charPattern(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const alts = [escapeRegExp(ch)];
  if (cp < 0x80) {
    // One hex byte after %, %25 (double-encoded), \x, \u00 or &#x; the `;` is optional after any of them.
    alts.push(`(?:%(?:25)?|\\\\x|\\\\u00|&#x0*)${hex2(cp)};?`);
  } else {
    alts.push([...Buffer.from(ch, 'utf8')].map((b) => `%(?:25)?${hex2(b)}`).join(''), `&#x0*${cp.toString(16)};?`);
    if (cp < 0x10000) alts.push(`\\\\u${cp.toString(16).padStart(4, '0')}`);
  }
  alts.push(`&#0*${cp};?`);
  if (!/[A-Za-z0-9]/.test(ch)) alts.push(`\\\\${escapeRegExp(ch)}`);
  for (const name of NAMED_ENTITIES[ch] ?? []) alts.push(`&${name};`);
  // The URL-safe base64 alphabet spells + and / as - and _.
  if (ch === '+') alts.push('-');
  if (ch === '/') alts.push('_');
  return `(?:${alts.join('|')})`;
}

/**
 * A secret as given is matched with any character escaped (full percent-encoding is common); derived forms
 * (hex, base64) only with their punctuation escaped, which keeps the expression small enough to compile fast.
 */
function formPattern(form: string, primary: boolean): string {
  return [...form].map((ch) => (primary || !/[A-Za-z0-9]/.test(ch) ? charPattern(ch) : ch)).join('');
}

const cache = new Map<string, RegExp | null>();

/** One global, case-insensitive expression for every form of every secret; null when there is none. */
export function secretMatcher(secrets: readonly string[]): RegExp | null {
  const key = secrets.join('\u0000');
  let re = cache.get(key);
  if (re === undefined) {
    const forms = secretForms(secrets);
    re = forms.length === 0 ? null : new RegExp(forms.map((f) => formPattern(f, secrets.includes(f))).join('|'), 'gi');
    if (cache.size >= 32) cache.delete(cache.keys().next().value!);
    cache.set(key, re);
  }
  if (re) re.lastIndex = 0;
  return re;
}

/** Where a form of one of `secrets` occurs in `text`, or undefined. For sweeps and assertions. */
export function findSecret(text: string, secrets: readonly string[]): string | undefined {
  const re = secretMatcher(secrets);
  if (!re) return undefined;
  const m = new RegExp(re.source, 'i').exec(text);
  return m ? m[0] : undefined;
}
