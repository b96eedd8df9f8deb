// One row per looked-up transaction for the batch table and its CSV / JSON export: no body, no OTP, no secret.
import { scanReferences } from '../logs/scanner';
import type { EndpointId } from '../telesign/types';

export interface BatchRow {
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly ok: boolean;
  readonly httpStatus: number | null;
  readonly statusCode: number | null;
  readonly description: string;
  /** The catalog's text for the status code (or the error code), in the context of the endpoint. */
  readonly meaning: string;
  /** true final, false may still change, null unknown (or a failed lookup). */
  readonly final: boolean | null;
  readonly verifyState: string | null;
  readonly errorKind: string | null;
  readonly errorMessage: string | null;
  readonly attempts: number;
  readonly durationMs: number;
  readonly updatedOn: string | null;
}

/** Rank for "failures and non-final first": 0 failed, 1 not final / unknown, 2 final. */
export const attentionRank = (r: BatchRow): number => (!r.ok ? 0 : r.final === true ? 2 : 1);

/** Failures first, then not final, then final; within each, the order they were asked for. */
export function attentionOrder(rows: readonly BatchRow[], asked: readonly string[]): BatchRow[] {
  const pos = new Map(asked.map((id, i) => [id.toUpperCase(), i]));
  return [...rows].sort((a, b) => attentionRank(a) - attentionRank(b) || (pos.get(a.referenceId) ?? 0) - (pos.get(b.referenceId) ?? 0));
}

/** The distinct reference IDs in `text`, upper-cased, in order of first appearance. */
export function referenceIdsIn(text: string): string[] {
  return [...new Set(scanReferences(text).map((r) => r.value.toUpperCase()))];
}

const COLUMNS: readonly (keyof BatchRow)[] = [
  'referenceId',
  'endpoint',
  'ok',
  'httpStatus',
  'statusCode',
  'description',
  'meaning',
  'final',
  'verifyState',
  'errorKind',
  'errorMessage',
  'attempts',
  'durationMs',
  'updatedOn',
];

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading '. */
export function rowsToCsv(rows: readonly BatchRow[]): string {
  const cell = (v: string | number | boolean | null): string => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
