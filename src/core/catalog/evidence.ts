// Reading a log line (and nearby text) for hints about which family a code belongs to. Everything here
// is plain string scanning with module-level regular expressions: explain() runs per hover.

import { CALLBACK_WORDS, KEY_MARKERS, PATHS, PRODUCTS } from './evidenceRules';
import type { Signal } from './evidenceRules';

export type { Signal } from './evidenceRules';

export interface Evidence {
  /** Family-level hints: JSON key around the code, endpoint paths, product words. */
  readonly signals: readonly Signal[];
  /** Lower-cased context, for entry-level text matching. */
  readonly lower: string;
  /** HTTP statuses found on the line (not counting the code itself). */
  readonly httpStatuses: readonly number[];
  /** The code appears with a minus sign in the context. */
  readonly minusSeen: boolean;
  /** The code appears without a sign in the context. */
  readonly plainSeen: boolean;
  /** The context reads like a delivery callback rather than an API response. */
  readonly callback: boolean;
}

// HTTP status as written by common loggers: "HTTP/1.1 503", "status=503", "statusCode: 503",
// "GET /v1/x 503", "-> 503", "503 Service Unavailable".
const HTTP_STATUS = new RegExp(
  [
    String.raw`\bhttp\/\d(?:\.\d)?\s+([1-5]\d\d)\b`,
    String.raw`\b(?:http[ _-]?)?status(?:[ _-]?code)?["']?\s*[:=]\s*([1-5]\d\d)\b`,
    String.raw`\b(?:get|post|put|patch|delete)\s+\S+\s+([1-5]\d\d)\b`,
    String.raw`(?:->|=>|\bresponse:?)\s*([1-5]\d\d)\b`,
    String.raw`\b([1-5]\d\d)\s+(?:ok|created|bad request|unauthorized|payment required|not found|method not allowed|payload too large|request entity too large|too many requests|internal server error|service unavailable)\b`,
  ].join('|'),
  'gi',
);
const WHITESPACE = /\s+/g;
const WINDOW = 120;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `word` occurs in `lower` with no letter directly before or after it. */
function hasWord(lower: string, word: string): boolean {
  let i = lower.indexOf(word);
  while (i >= 0) {
    const before = i === 0 ? 32 : lower.charCodeAt(i - 1);
    const end = i + word.length;
    const after = end >= lower.length ? 32 : lower.charCodeAt(end);
    if (!isLetter(before) && !isLetter(after)) return true;
    i = lower.indexOf(word, i + 1);
  }
  return false;
}

const MINUS_CHARS = new Set([45, 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xfe63, 0xff0d]);

interface Occurrence {
  readonly index: number;
  readonly minus: boolean;
}

/** Where the code's digits occur as a standalone number (not inside a hex ID or a longer number). */
function occurrences(context: string, digits: string): Occurrence[] {
  const found: Occurrence[] = [];
  let i = context.indexOf(digits);
  while (i >= 0 && found.length < 8) {
    const end = i + digits.length;
    const before = i === 0 ? 32 : context.charCodeAt(i - 1);
    const after = end >= context.length ? 32 : context.charCodeAt(end);
    if (!isAlnum(before) && !isAlnum(after) && before !== 46 && !(after === 46 && isAlnum(context.charCodeAt(end + 1)))) {
      found.push({ index: i, minus: MINUS_CHARS.has(before) });
    }
    i = context.indexOf(digits, end);
  }
  return found;
}

/** The whitespace-free, lower-cased text just before position `at`. */
function windowBefore(lower: string, at: number): string {
  return lower.slice(Math.max(0, at - WINDOW), at).replace(WHITESPACE, '');
}

function looksLikeCodeValue(window: string): boolean {
  const w = window.endsWith('-') || window.endsWith('\u2212') ? window.slice(0, -1) : window;
  return w.endsWith('"code":') || w.endsWith("'code':") || w.endsWith('code=') || w.endsWith('code:') || w.endsWith('code');
}

function nearestKey(window: string): Signal | undefined {
  let best: Signal | undefined;
  let bestAt = -1;
  for (const marker of KEY_MARKERS) {
    for (const needle of marker.needles) {
      const at = window.lastIndexOf(needle);
      if (at > bestAt) {
        bestAt = at;
        best = marker.signal;
      }
    }
  }
  return best;
}

export function gatherEvidence(context: string, digits: string): Evidence {
  const lower = context.toLowerCase();
  const signals: Signal[] = [];

  // Prefer the occurrence written as a code value ("code": 3041) over, say, an HTTP status of the same number.
  const occ = occurrences(context, digits);
  let chosen = occ[0];
  // The JSON key only counts next to the code itself; a code absent from the context gets no key evidence.
  let window = chosen ? windowBefore(lower, chosen.index) : '';
  for (const o of occ) {
    const w = windowBefore(lower, o.index);
    if (looksLikeCodeValue(w)) {
      chosen = o;
      window = w;
      break;
    }
  }
  const key = window ? nearestKey(window) : undefined;
  if (key) signals.push(key);

  const groups = new Set<string>();
  for (const rule of PATHS) {
    if (groups.has(rule.group)) continue;
    if (lower.includes(rule.needle)) {
      groups.add(rule.group);
      signals.push(rule.signal);
    }
  }
  for (const rule of PRODUCTS) {
    if (rule.unlessPath !== undefined && groups.has(rule.unlessPath)) continue;
    if (rule.words.some((w) => hasWord(lower, w))) signals.push(rule.signal);
  }

  const httpStatuses: number[] = [];
  HTTP_STATUS.lastIndex = 0;
  for (let m = HTTP_STATUS.exec(context); m; m = HTTP_STATUS.exec(context)) {
    const value = m.slice(1).find((g) => g !== undefined);
    if (value !== undefined && value !== digits) {
      const n = Number(value);
      if (!httpStatuses.includes(n)) httpStatuses.push(n);
    }
  }

  return {
    signals,
    lower,
    httpStatuses,
    minusSeen: occ.some((o) => o.minus),
    plainSeen: occ.some((o) => !o.minus),
    callback: CALLBACK_WORDS.some((w) => hasWord(lower, w)),
  };
}
