// How the panel reads an outcome: its badge, whether it is still moving (auto-refresh), why a verification
// state is UNKNOWN, and the 12-hour status window. Pure functions, no 'vscode', so the policy is testable alone.
import { ENDPOINTS } from '../../core/telesign/endpoints';
import type { LookupOutcome } from '../../core/telesign/types';
import type { Badge } from '../../shared/resultPanelMessages';

/** Codes documented (or observed) as intermediate, used when the catalog is missing or undecided. */
export const INTERMEDIATE_CODES: ReadonlySet<number> = new Set([103, 203, 290, 291, 292, 295, 2400, 3001, 3002, 3040]);
/** Codes that mean the message (or call, or verification) arrived. */
export const DELIVERED_CODES: ReadonlySet<number> = new Set([100, 200, 1900, 2401, 3000, 3005, 3900]);
/** Verify API (`/verification`) process states that can still change. */
const OPEN_STATES: ReadonlySet<string> = new Set(['CREATED', 'ONGOING']);
const DONE_STATES: ReadonlySet<string> = new Set(['VERIFIED']);

/** Telesign keeps a transaction's status for 12 hours after the send. */
export const STATUS_WINDOW_MS = 12 * 60 * 60 * 1000;

/** Back-off between automatic refreshes: 5 s, 10 s, 20 s, 40 s, then every 60 s. */
export const REFRESH_SCHEDULE_MS: readonly number[] = [5000, 10000, 20000, 40000, 60000];
/** Automatic refreshes in a row before the panel gives up (about 35 minutes). */
export const MAX_AUTO_REFRESHES = 36;

export function refreshDelayMs(attempt: number): number {
  return REFRESH_SCHEDULE_MS[Math.min(Math.max(0, attempt), REFRESH_SCHEDULE_MS.length - 1)];
}

/** `final` is the catalog's word on the status code (undefined/null = unknown). */
export function isIntermediate(outcome: LookupOutcome, final?: boolean | null): boolean {
  if (!outcome.ok) return false;
  if (outcome.state !== undefined && ENDPOINTS[outcome.request.endpoint].reportsProcessState) {
    return OPEN_STATES.has(outcome.state.toUpperCase());
  }
  const code = outcome.status.code;
  if (code === null) return false;
  if (final === false) return true;
  if (final === true) return false;
  return INTERMEDIATE_CODES.has(code);
}

export function badgeOf(outcome: LookupOutcome, final?: boolean | null): Badge {
  if (!outcome.ok) return 'error';
  if (ENDPOINTS[outcome.request.endpoint].reportsProcessState && outcome.state !== undefined) {
    const s = outcome.state.toUpperCase();
    if (DONE_STATES.has(s)) return 'delivered';
    if (OPEN_STATES.has(s)) return 'in-progress';
    return 'failed';
  }
  return badgeOfCode(outcome.status.code, final);
}

export function badgeOfCode(code: number | null, final?: boolean | null): Badge {
  if (code === null) return 'unknown';
  if (DELIVERED_CODES.has(code)) return 'delivered';
  if (final === false || (final !== true && INTERMEDIATE_CODES.has(code))) return 'in-progress';
  return 'failed';
}

export type UnknownReason =
  /** No `verify` object: Telesign returns one only when it generated the OTP. */
  | 'not-auto-generated'
  /** The lookup carried no code (plain status lookup). */
  | 'no-code-sent'
  /** A code was meant to be sent but the request URL has no verify_code (the Ruby SDK pitfall). */
  | 'code-not-in-request'
  /** The code went out but the server recorded none: it did not reach verification, or the OTP was not Telesign's. */
  | 'code-not-recorded'
  /** The code went out and was recorded, yet the state is UNKNOWN: not an auto-generated OTP, or no attempt to match. */
  | 'other';

/** Why `verify.state` is UNKNOWN (or absent); undefined when the state is known. */
export function unknownReason(outcome: LookupOutcome): UnknownReason | undefined {
  if (!outcome.ok) return undefined;
  if (!outcome.verify) return 'not-auto-generated';
  if (outcome.verify.state !== 'UNKNOWN') return undefined;
  const sent = outcome.verifyCode !== undefined && outcome.verifyCode !== '';
  if (!sent) return 'no-code-sent';
  if (!requestCarriesCode(outcome.request.url)) return 'code-not-in-request';
  if (outcome.verify.codeEntered === null || outcome.verify.codeEntered === '') return 'code-not-recorded';
  return 'other';
}

function requestCarriesCode(url: string): boolean {
  try {
    const v = new URL(url).searchParams.get('verify_code');
    return v !== null && v !== '';
  } catch {
    return /[?&]verify_code=[^&]/.test(url);
  }
}

/** The earliest server timestamp in the outcome (status and channels), as epoch ms. */
export function earliestTimestamp(outcome: LookupOutcome): number | undefined {
  if (!outcome.ok) return undefined;
  const times = [outcome.status.updatedOn, ...outcome.channels.map((c) => c.updatedOn)]
    .filter((t): t is string => typeof t === 'string')
    .map((t) => Date.parse(t))
    .filter((t) => Number.isFinite(t));
  return times.length ? Math.min(...times) : undefined;
}

/** In progress this long after Telesign's first timestamp is "long past normal": offer its status page. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;

/**
 * Why Telesign's status page may help with this outcome, as Telesign's support checks it first: 'unavailable'
 * (HTTP 503 or 3041) or 'stuck' (still in progress {@link STUCK_AFTER_MS} after its first timestamp); else undefined.
 */
export function statusPageReason(outcome: LookupOutcome, nowMs: number, final?: boolean | null): 'unavailable' | 'stuck' | undefined {
  if (!outcome.ok) {
    const e = outcome.error;
    return e.kind === 'unavailable' || e.httpStatus === 503 || e.code === 3041 ? 'unavailable' : undefined;
  }
  if (outcome.httpStatus === 503 || outcome.status.code === 3041) return 'unavailable';
  if (badgeOf(outcome, final) !== 'in-progress') return undefined;
  const first = earliestTimestamp(outcome);
  return first !== undefined && nowMs - first >= STUCK_AFTER_MS ? 'stuck' : undefined;
}

/** When the 12-hour status window closes, if it can be known from the timestamps. */
export function windowEndsAt(outcome: LookupOutcome): number | undefined {
  const first = earliestTimestamp(outcome);
  return first === undefined ? undefined : first + STATUS_WINDOW_MS;
}

/** A Verify API process that can still be finalized (PATCH …/state). */
export function canFinalize(outcome: LookupOutcome): boolean {
  return outcome.ok && outcome.request.endpoint === 'verification' && (outcome.state === 'CREATED' || outcome.state === 'ONGOING');
}

/** Endpoints whose status lookup accepts `verify_code`. */
export function canVerify(outcome: LookupOutcome): boolean {
  return ENDPOINTS[outcome.request.endpoint].acceptsVerifyCode;
}
