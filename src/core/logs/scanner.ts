// Finding Telesign codes and reference IDs in one line of log text.
// A number is a Telesign code only when its surroundings say so (a code-like key, a Telesign-shaped JSON
// body, a known negative error family); bare numbers (HTTP statuses, ports, sizes, dates) never are.
// Work is proportional to the text scanned; findingAt() scans only a window around the cursor.

import { bracketKeyStart, jsonKeyPath } from './keyPath';
import { mayHaveKey, referenceStarts } from './matchers';

export interface CodeFinding {
  readonly kind: 'code';
  /** The code as written, sign kept: "3204", "-10004". */
  readonly code: string;
  readonly start: number;
  readonly end: number;
  /** Why this number counts as a code, e.g. "key:status.code", "endpoint:omnichannel", "telesign". */
  readonly evidence: string[];
  /** Where the number sits, e.g. "status.code", "errors[].code", "channel_status[].viber.code". */
  readonly keyPath?: string;
  /** The Telesign endpoint named on the line, if any. */
  readonly endpoint?: string;
}

export interface ReferenceFinding {
  readonly kind: 'reference';
  /** 32 hex characters, exactly as found (case kept). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export type Finding = CodeFinding | ReferenceFinding;

export interface ScanOptions {
  /** Half-width of the window findingAt() scans around the cursor (characters). Default 2048. */
  readonly window?: number;
}

export const DEFAULT_WINDOW = 2048;

// Reference IDs: a 32-hex run bounded by non-alphanumerics, so hex inside a longer hash or a word never
// matches (referenceStarts() in matchers.ts).

// key (optionally dotted/indexed: status.code, errors[0].code) then ':' or '=' then a 3-5 digit number.
// The key must start at a non-word boundary, so verify_code, zip_code or code_entered never match.
// The dotted prefix starts only at the head of a path (not after a '.') and its repetitions are bounded:
// unbounded, every segment of "a.a.a.…" was a fresh start that scanned to the end — quadratic.
// Besides JSON and key=value, the dumps languages print: escaped quotes (a JSON response inside a JSON
// log's message string), Ruby/PHP "=>" (`"code"=>3204`, `[code] => 3204`, var_dump's `["code"]=> int(3204)`),
// and the PascalCase keys of C#/Go printouts (`Code = 3204`, `{Code:3204}`).
const KEYED =
  /(?<![\w\-$.])((?:[A-Za-z_]\w{0,63}(?:\[\d{0,6}\])?\.){0,8})(code|Code|status_code|statusCode|StatusCode|error_code|errorCode|ErrorCode|err_code|errCode)((?:\\*["'])?\]?)\s*(?:=>|[:=])\s*(\\*["']?|int\(|string\(\d{1,2}\) \\*")(-?\d{3,5})(?![\w.])/g;

// "<code> - <description>", as SDKs and callback handlers print a status ("3204 - Rate limit exceeded",
// "200 - Delivered to handset"). A code only on a Telesign line or as the value of a status/error key.
const CODE_DASH = /(?<![\w.,:\-+/#$])(\d{3,5}) - (?=[A-Z])/g;
const STATUS_KEY_BEFORE = /(?:status|error|result|reason)\\*["']?\]?\s*(?:=>|[:=])\s*\\*["']?$/i;
// "HTTP code: 429", "status code = 200": the HTTP status, whatever the line is about.
const HTTP_BEFORE = /http(?: status)? $/i;

// Telesign's negative error codes are 5 digits with a zero-padded family: -10001, -40007, -90001.
const NEGATIVE_CODE = /(?<![\w.\-+])-[1-9]00\d\d(?![\w.])/g;

const ENDPOINT = /\/v1\/(omnichannel|verify|messaging|phoneid|score|voice|sms|mobile_id)\b|\/verification(?:\/|\b)/;
const TELESIGN_WORD = /telesign|x-ts-|\breference_id\b|\breferenceId\b|\bsub_resource\b|\bchannel_status\b/i;

/** The Telesign endpoint a piece of log text names ("omnichannel", "verify", "verification", …), if any. */
export function endpointOf(text: string): string | undefined {
  const m = ENDPOINT.exec(text);
  return m ? (m[1] ?? 'verification') : undefined;
}

/** The reference IDs in `text` (offsets added), for link providers that need no code analysis. */
export function scanReferences(text: string, offset = 0): ReferenceFinding[] {
  return referenceStarts(text).map((s) => ({ kind: 'reference', value: text.slice(s, s + 32), start: offset + s, end: offset + s + 32 }));
}

/** Every finding in `line`, ordered by start. O(line length): use findingAt() for a cursor. */
export function scanLine(line: string, _opts?: ScanOptions): Finding[] {
  return scanRange(line, 0, line.length);
}

/** The finding covering `character`, looking at most `opts.window` characters either side. */
export function findingAt(line: string, character: number, opts?: ScanOptions): Finding | undefined {
  if (character < 0 || character >= line.length) return undefined;
  const w = Math.max(64, opts?.window ?? DEFAULT_WINDOW);
  const from = Math.max(0, character - w);
  const to = Math.min(line.length, character + w);
  for (const f of scanRange(line, from, to)) {
    if (f.start <= character && character < f.end) return f;
    if (f.start > character) break;
  }
  return undefined;
}

/** Findings in line[from, to). Positions are absolute. Findings touching an edge that cuts the line are
 *  dropped (a token there may continue outside), so windows never report half a number or half an ID. */
export function scanRange(line: string, from: number, to: number): Finding[] {
  const text = from === 0 && to === line.length ? line : line.slice(from, to);
  return scanSegment(text, from, from > 0, to < line.length);
}

/**
 * Findings in `text`, a piece of a longer line starting at `offset`. `cutLeft`/`cutRight` say whether the
 * line continues beyond that side; findings touching such an edge are dropped.
 */
export function scanSegment(text: string, offset: number, cutLeft: boolean, cutRight: boolean): Finding[] {
  const from = offset;
  const out: Finding[] = [];
  const inside = (s: number, e: number): boolean => (!cutLeft || s > 0) && (!cutRight || e < text.length);

  const refs: ReferenceFinding[] = [];
  for (const s of referenceStarts(text)) {
    const e = s + 32;
    if (inside(s, e)) refs.push({ kind: 'reference', value: text.slice(s, e), start: from + s, end: from + e });
  }

  const endpoint = endpointOf(text);
  const telesign = TELESIGN_WORD.test(text);
  const context = telesign || endpoint !== undefined || refs.length > 0;

  const codes: CodeFinding[] = [];
  // Starts of keyed codes, so a negative code already found by key is not counted twice: a set, not a
  // search of `codes` per match, which was quadratic on a line full of "-10001".
  const keyedStarts = new Set<number>();
  KEYED.lastIndex = mayHaveKey(text) ? 0 : text.length; // at the end: no key, no match, no scan
  for (let m = KEYED.exec(text); m; m = KEYED.exec(text)) {
    const raw = m[5];
    const s = m.index + m[0].length - raw.length;
    const e = s + raw.length;
    if (!inside(m.index, e)) continue;
    const prefix = m[1];
    const key = m[2];
    // PHP's [code]: walk back from before its bracket, which opens no array.
    const keyStart = m[3].endsWith(']') ? bracketKeyStart(text, m.index) : m.index;
    const keyPath = prefix ? `${prefix.replace(/\[\d*\]/g, '[]')}${key}` : jsonKeyPath(text, keyStart, key);
    if (!isCode(raw, key, context) || (raw.length === 3 && HTTP_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)))) continue;
    const evidence = [`key:${keyPath}`];
    if (endpoint) evidence.push(`endpoint:${endpoint}`);
    if (telesign) evidence.push('telesign');
    if (refs.length > 0) evidence.push('reference-id');
    if (raw.startsWith('-')) evidence.push('sign:negative');
    codes.push({ kind: 'code', code: raw, start: from + s, end: from + e, evidence, keyPath, endpoint });
    keyedStarts.add(from + s);
  }

  NEGATIVE_CODE.lastIndex = 0;
  for (let m = NEGATIVE_CODE.exec(text); m; m = NEGATIVE_CODE.exec(text)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (!inside(m.index, m.index + m[0].length)) continue;
    if (keyedStarts.has(s)) continue;
    const evidence = ['sign:negative', 'family:negative-5-digit'];
    if (endpoint) evidence.push(`endpoint:${endpoint}`);
    if (telesign) evidence.push('telesign');
    if (refs.length > 0) evidence.push('reference-id');
    codes.push({ kind: 'code', code: m[0], start: s, end: e, evidence, endpoint });
  }

  if (text.includes(' - ')) {
    CODE_DASH.lastIndex = 0;
    for (let m = CODE_DASH.exec(text); m; m = CODE_DASH.exec(text)) {
      const s = from + m.index;
      const raw = m[1];
      if (!inside(m.index, m.index + raw.length) || keyedStarts.has(s)) continue;
      const keyed = STATUS_KEY_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index));
      if (!(context || keyed) || !isCode(raw, 'code', true)) continue;
      const evidence = ['form:code-dash-description'];
      if (endpoint) evidence.push(`endpoint:${endpoint}`);
      if (telesign) evidence.push('telesign');
      if (refs.length > 0) evidence.push('reference-id');
      codes.push({ kind: 'code', code: raw, start: s, end: s + raw.length, evidence, endpoint });
    }
  }

  if (codes.length === 0) return refs;
  for (const r of refs) out.push(r);
  for (const c of codes) out.push(c);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Whether a keyed number is a Telesign code, given its key and whether the line looks Telesign-related. */
function isCode(raw: string, key: string, context: boolean): boolean {
  const negative = raw.startsWith('-');
  const digits = negative ? raw.length - 1 : raw.length;
  if (negative) return digits === 5 && /^-[1-9]00\d\d$/.test(raw);
  if (raw.startsWith('0')) return false;
  const v = Number(raw);
  if (digits === 3) {
    // status_code / statusCode with three digits is what HTTP clients print for the HTTP status.
    if (key === 'status_code' || key === 'statusCode' || key === 'StatusCode') return false;
    return context;
  }
  if (digits === 4) return (v >= 1900 && v <= 5999) || context;
  return (v >= 10000 && v <= 12999) || (v >= 40000 && v <= 45999) || context;
}
