// Where a keyed code sits ("status.code", "errors[].code", "channel_status[].viber.code"): a bounded walk back
// over the brackets of JSON and of the dumps languages print (Ruby/PHP "=>", PHP [key], print_r's Array (,
// var_dump's array(2) {, Java's Status(…)). The scanner's reference (test/support/referenceScanner.ts) holds
// the same walk with regexes.
import { keyBeforeOpen } from './matchers';

const MAX_PARENT_LOOKBACK = 400;

/**
 * The JSON-ish path of `key` at `keyStart` ("status.code", "errors[].code", "channel_status[].viber.code"),
 * found by walking back over balanced brackets to the enclosing objects' keys. Bounded lookback.
 */
export function jsonKeyPath(text: string, keyStart: number, key: string): string {
  const segs: string[] = [key];
  const stop = Math.max(0, keyStart - MAX_PARENT_LOOKBACK);
  let depth = 0;
  let i = keyStart - 1;
  while (i >= stop && segs.length < 8) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7d /* } */ || ch === 0x5d /* ] */ || ch === 0x29 /* ) */) depth++;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */ || ch === 0x28 /* ( */) {
      if (depth > 0) depth--;
      else {
        if (ch === 0x5b) segs.unshift('[]');
        const parent = keyBefore(text, i, stop);
        if (parent) {
          segs.unshift(parent.name);
          i = parent.at;
          continue;
        }
      }
    }
    i--;
  }
  return segs.join('.').replace(/\.\[\]/g, '[]');
}

/** The key (`"name":`, `name=`, `"name"=>`, `[name] =>`) right before the bracket at `openAt`, or before the
 *  type name a dump puts there (`status=Status(`, `[status] => Array (`, `["status"]=> array(2) {`), at most
 *  64 characters back. */
function keyBefore(text: string, openAt: number, stop: number): { name: string; at: number } | undefined {
  const from = Math.max(stop, openAt - 64);
  let m = keyBeforeOpen(text, from, openAt);
  if (!m) {
    const t = typeNameStart(text, from, openAt);
    if (t >= 0) m = keyBeforeOpen(text, from, t);
  }
  if (!m) return undefined;
  return { name: m.name, at: from + m.index - 1 };
}

const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39;
const isWordAt = (text: string, i: number): boolean => /\w/.test(text[i] ?? '');

/** Where TYPE_BEFORE in the reference scanner, /([A-Za-z_]\w*)(?:\(\d+\))?\s*$/, matches text[from, end), or -1. */
function typeNameStart(text: string, from: number, end: number): number {
  let j = end;
  while (j > from && /\s/.test(text[j - 1])) j--;
  if (j > from && text.charCodeAt(j - 1) === 0x29) {
    let d = j - 1;
    while (d > from && isDigitAt(text, d - 1)) d--;
    if (d < j - 1 && d > from && text.charCodeAt(d - 1) === 0x28) j = d - 1;
    else return -1;
  }
  let p = j;
  while (p > from && isWordAt(text, p - 1)) p--;
  while (p < j && isDigitAt(text, p)) p++;
  return p < j ? p : -1;
}

/** Where PHP's [code] / ["code"] / [\"code\"] opens, given where its name starts; the name's start if not so. */
export function bracketKeyStart(text: string, nameAt: number): number {
  let j = nameAt;
  if (j > 0 && (text.charCodeAt(j - 1) === 0x22 || text.charCodeAt(j - 1) === 0x27)) {
    j--;
    while (j > 0 && text.charCodeAt(j - 1) === 0x5c) j--;
  }
  return j > 0 && text.charCodeAt(j - 1) === 0x5b ? j - 1 : nameAt;
}
