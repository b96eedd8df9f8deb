// Lenient readers for callback JSON: published examples send numbers as strings and mix date formats.
import { parseTelesignTimestamp } from '../telesign/normalize';
import type { CallbackTime } from './types';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Json | undefined {
  return isObject(v) ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A non-empty trimmed string, or undefined. */
export function text(v: unknown): string | undefined {
  const s = str(v)?.trim();
  return s ? s : undefined;
}

/** An integer, also when sent as a numeric string ("2", " 3000 "). */
export function int(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d{1,12}\s*$/.test(v)) return Number(v);
  return null;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

// RFC 1123 / HTTP-date, e.g. "Thu, 23 Jun 2022 19:03:44 GMT" (the SMS callback page's example).
const RFC1123 =
  /^(?:mon|tue|wed|thu|fri|sat|sun), (\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:gmt|utc|\+0000)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * ISO 8601 UTC for ISO/RFC 3339, `2020-05-04 22:07:01:226` and RFC 1123 dates; undefined when the value
 * cannot be read without guessing (the specs' own `2022-31-03…` has no month 31: it stays raw).
 */
export function callbackDate(raw: string): string | undefined {
  const s = raw.trim();
  const iso = parseTelesignTimestamp(s);
  if (iso) return iso;
  const m = RFC1123.exec(s);
  if (!m) return undefined;
  const [day, month, year, h, min, sec] = [
    Number(m[1]),
    MONTHS.indexOf(m[2].toLowerCase()),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  ];
  if (h > 23 || min > 59 || sec > 59) return undefined;
  const d = new Date(Date.UTC(year, month, day, h, min, sec));
  return d.getUTCDate() === day ? d.toISOString() : undefined;
}

/** A CallbackTime for a date field, noting (once per field) when it could not be read. */
export function time(v: unknown, field: string, notes: string[]): CallbackTime | undefined {
  const raw = text(v);
  if (raw === undefined) return undefined;
  const iso = callbackDate(raw);
  if (iso === undefined) notes.push(`${field} "${raw}" is not a date we can read without guessing; shown as sent`);
  return iso === undefined ? { raw } : { raw, iso };
}

/** Comma-separated reference IDs ("ID1,ID2") as a list. */
export function idList(v: unknown): string[] {
  const s = str(v);
  if (!s) return [];
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
