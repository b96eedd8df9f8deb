// Hand-written equivalents of the scanner's two hottest regexes (a look-behind over every position, and a
// `$`-anchored pattern retried at every start): same matches, a fraction of the work. The scanner oracle
// test compares them against the regexes on generated and corpus lines.

const ALNUM = new Uint8Array(128);
const HEX = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ALNUM[c] = /[0-9A-Za-z]/.test(ch) ? 1 : 0;
  HEX[c] = /[0-9A-Fa-f]/.test(ch) ? 1 : 0;
}
const alnum = (c: number): boolean => c < 128 && ALNUM[c] === 1;
const hex = (c: number): boolean => c < 128 && HEX[c] === 1;

/**
 * Starts of the reference IDs in `text`: /(?<![0-9A-Za-z])[0-9A-Fa-f]{32}(?![0-9A-Za-z])/g, i.e. maximal
 * runs of ASCII letters and digits exactly 32 long and all hex. Such a run covers exactly one of the
 * positions sampled 32 apart, so most characters are never looked at.
 */
export function referenceStarts(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 31; i < n;) {
    if (!hex(text.charCodeAt(i))) {
      i += 32;
      continue;
    }
    let l = i;
    while (l > 0 && i - l < 32 && alnum(text.charCodeAt(l - 1))) l--;
    let r = i + 1;
    while (r < n && alnum(text.charCodeAt(r))) r++;
    if (r - l === 32 && (l === 0 || !alnum(text.charCodeAt(l - 1)))) {
      let k = l;
      while (k < r && hex(text.charCodeAt(k))) k++;
      if (k === r) out.push(l);
    }
    i = r + 32;
  }
  return out;
}

/** JavaScript's \s (the regex class), so the hand-written match agrees with the regex on every space. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const isWord = (c: number): boolean => c < 128 && (ALNUM[c] === 1 || c === 0x5f);
const isQuote = (c: number): boolean => c === 0x22 || c === 0x27;

/**
 * /["']?([A-Za-z_]\w*)["']?\s*[:=]\s*$/.exec(text.slice(from, end)): the key in front of an opening bracket,
 * as { name, index } with index relative to `from` (the regex's m.index), or undefined.
 */
export function keyBeforeEnd(text: string, from: number, end: number): { name: string; index: number } | undefined {
  return keyBefore(text, from, end, false);
}

/**
 * The same for the dumps languages print besides JSON (KEY_BEFORE_LOOSE in the reference scanner):
 * /\[?(?:\\*["'])?([A-Za-z_]\w*)(?:\\*["'])?\]?\s*(?:=>|[:=])\s*$/ — escaped quotes (JSON inside a JSON
 * string), Ruby/PHP "=>" and PHP's [key].
 */
export function keyBeforeOpen(text: string, from: number, end: number): { name: string; index: number } | undefined {
  return keyBefore(text, from, end, true);
}

function keyBefore(text: string, from: number, end: number, loose: boolean): { name: string; index: number } | undefined {
  let j = end;
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--;
  if (j === from) return undefined;
  let op = text.charCodeAt(j - 1);
  if (loose && op === 0x3e /* > */ && j - 1 > from && text.charCodeAt(j - 2) === 0x3d) {
    j--;
    op = 0x3d;
  }
  if (op !== 0x3a && op !== 0x3d) return undefined;
  j--;
  while (j > from && isSpace(text.charCodeAt(j - 1))) j--;
  if (loose && j > from && text.charCodeAt(j - 1) === 0x5d /* ] */) j--;
  if (j > from && isQuote(text.charCodeAt(j - 1))) {
    j--;
    if (loose) while (j > from && text.charCodeAt(j - 1) === 0x5c /* \ */) j--;
  }
  const k = j;
  let p = k;
  while (p > from && isWord(text.charCodeAt(p - 1))) p--;
  let s = p;
  while (s < k && !(isWord(text.charCodeAt(s)) && !(text.charCodeAt(s) >= 0x30 && text.charCodeAt(s) <= 0x39))) s++;
  if (s === k) return undefined;
  let index = s;
  if (s === p) {
    if (p > from && isQuote(text.charCodeAt(p - 1))) {
      index = p - 1;
      if (loose) while (index > from && text.charCodeAt(index - 1) === 0x5c) index--;
    }
    if (loose && index > from && text.charCodeAt(index - 1) === 0x5b /* [ */) index--;
  }
  return { name: text.slice(s, k), index: index - from };
}

/** Whether `text` at `j` starts the end of a code key: \\*["']? \]? \s* [:=] (JSON inside a JSON string
 *  escapes its quotes; PHP writes [code] =>). Every keyed code's key ends so, after "ode". */
export function keyEndAt(text: string, j: number): boolean {
  while (j < text.length && text.charCodeAt(j) === 0x5c) j++;
  if (j < text.length && isQuote(text.charCodeAt(j))) j++;
  if (j < text.length && text.charCodeAt(j) === 0x5d) j++;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return c === 0x3a || c === 0x3d;
}

/** Whether some "…ode" in `text` is followed by a key's end (keyEndAt), as every keyed code's key is (they
 *  all end in "code"/"Code"): when none is, the keyed-code regex cannot match and is not run. */
export function mayHaveKey(text: string): boolean {
  for (let i = text.indexOf('ode'); i >= 0; i = text.indexOf('ode', i + 1)) {
    if (keyEndAt(text, i + 3)) return true;
  }
  return false;
}
