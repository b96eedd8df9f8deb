// A lookup as kept on disk for the Transactions view: the normalised outcome and the raw body, redacted
// (no key in any encoding, no OTP: neither the code sent nor the one Telesign echoes back), with what
// was sent on each attempt. Pure data and functions, so the limits and the redaction are unit-tested.
import type { AttemptLog, AuthMethod, EndpointId, ErrorKind, LookupOutcome, VerifyState } from '../telesign/types';
import { REDACTED, redact } from '../telesign/redact';

export const STORED_VERSION = 1;
/** A raw body (or error body) bigger than this, as JSON text, is kept as its first characters only. */
export const DEFAULT_MAX_RAW_CHARS = 64 * 1024;

export interface StoredProfile {
  readonly name: string;
  readonly baseUrl: string;
  readonly auth: AuthMethod;
  readonly demo: boolean;
}

/** One attempt, as shown by "Show Request Sent". */
export interface StoredAttempt {
  readonly attempt: number;
  readonly method: string;
  /** `verify_code` masked. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly stringToSign?: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: string;
  readonly retryInMs?: number;
}

export interface StoredLookup {
  readonly version: typeof STORED_VERSION;
  readonly id: string;
  /** ISO 8601, when the lookup finished. */
  readonly at: string;
  readonly profile: StoredProfile;
  readonly otpSent: boolean;
  /** The outcome without `verifyCode`, with every OTP field masked. */
  readonly outcome: LookupOutcome;
  readonly attempts: readonly StoredAttempt[];
  /** The raw body was over the cap and is kept as a preview string. */
  readonly rawTruncated?: boolean;
}

/** What the tree needs, kept in the index so the view never reads the full entries. */
export interface StoredSummary {
  readonly id: string;
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly profile: string;
  readonly at: string;
  readonly pinned: boolean;
  readonly otpSent: boolean;
  readonly ok: boolean;
  readonly statusCode?: number | null;
  readonly statusDescription?: string;
  readonly verifyState?: VerifyState;
  /** Verify API process state (ONGOING, VERIFIED, ...). */
  readonly state?: string;
  readonly errorKind?: ErrorKind;
  readonly errorCode?: number;
  readonly httpStatus?: number;
  readonly durationMs: number;
  /** Size of the stored entry in characters. */
  readonly size: number;
}

// Fields that carry an OTP in the normalised outcome or in Telesign's bodies.
const OTP_KEYS = /^(code_?entered|verify_?code|otp|security_?code)$/i;
const VERIFY_CODE_PARAM = /([?&]verify_code=)[^&#"\s]*/g;

/** Deep copy with secrets and OTPs masked: key-based, by value, and `?verify_code=` in any string. */
export function scrub(value: unknown, secrets: readonly string[], otp?: string): unknown {
  if (typeof value === 'string') {
    if (otp !== undefined && otp !== '' && value === otp) return REDACTED;
    return redact(value, secrets).replace(VERIFY_CODE_PARAM, '$1***');
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, otp));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = OTP_KEYS.test(k) && v !== null && v !== undefined && v !== '' ? REDACTED : scrub(v, secrets, otp);
    }
    return out;
  }
  return value;
}

function capRaw(raw: unknown, maxChars: number): { raw: unknown; truncated: boolean } {
  if (raw === undefined) return { raw, truncated: false };
  const text = JSON.stringify(raw) ?? '';
  return text.length <= maxChars ? { raw, truncated: false } : { raw: text.slice(0, maxChars), truncated: true };
}

export interface StoreInput {
  readonly id: string;
  readonly at: Date;
  readonly outcome: LookupOutcome;
  readonly profile: StoredProfile;
  readonly attempts: readonly AttemptLog[];
  /** The key and anything derived from it, scrubbed wherever they appear. */
  readonly secrets: readonly string[];
  readonly maxRawChars?: number;
}

export function toStored(input: StoreInput): StoredLookup {
  const max = input.maxRawChars ?? DEFAULT_MAX_RAW_CHARS;
  const { verifyCode, ...rest } = input.outcome;
  const otp = typeof verifyCode === 'string' ? verifyCode : undefined;
  let outcome = scrub(rest, input.secrets, otp) as LookupOutcome;
  let truncated = false;
  if (outcome.ok) {
    const c = capRaw(outcome.raw, max);
    truncated = c.truncated;
    outcome = { ...outcome, raw: c.raw };
  } else if (outcome.error.raw !== undefined) {
    const c = capRaw(outcome.error.raw, max);
    truncated = c.truncated;
    outcome = { ...outcome, error: { ...outcome.error, raw: c.raw } };
  }
  const attempts = input.attempts.map((a) => scrub(a, input.secrets, otp) as StoredAttempt);
  return {
    version: STORED_VERSION,
    id: input.id,
    at: input.at.toISOString(),
    profile: input.profile,
    otpSent: otp !== undefined && otp !== '',
    outcome,
    attempts,
    ...(truncated ? { rawTruncated: true } : {}),
  };
}

export function summarize(stored: StoredLookup, pinned: boolean, size: number): StoredSummary {
  const o = stored.outcome;
  const base = {
    id: stored.id,
    referenceId: o.referenceId,
    endpoint: o.request.endpoint,
    profile: stored.profile.name,
    at: stored.at,
    pinned,
    otpSent: stored.otpSent,
    durationMs: o.timing.durationMs,
    size,
  };
  if (o.ok) {
    return {
      ...base,
      ok: true,
      statusCode: o.status.code,
      statusDescription: o.status.description,
      httpStatus: o.httpStatus,
      ...(o.verify ? { verifyState: o.verify.state } : {}),
      ...(o.state !== undefined ? { state: o.state } : {}),
    };
  }
  return {
    ...base,
    ok: false,
    errorKind: o.error.kind,
    ...(o.error.code !== undefined ? { errorCode: o.error.code } : {}),
    ...(o.error.httpStatus !== undefined ? { httpStatus: o.error.httpStatus } : {}),
  };
}

/**
 * Newest first, at most `max` entries; pinned entries are never evicted (they count toward the limit, and
 * the oldest unpinned go first). Returns what to keep and the IDs dropped.
 */
export function applyLimit(entries: readonly StoredSummary[], max: number): { keep: StoredSummary[]; dropped: string[] } {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  const room = Math.max(0, max - sorted.filter((e) => e.pinned).length);
  const keep: StoredSummary[] = [];
  const dropped: string[] = [];
  let unpinned = 0;
  for (const e of sorted) {
    if (e.pinned || unpinned++ < room) keep.push(e);
    else dropped.push(e.id);
  }
  return { keep, dropped };
}

export function isStoredLookup(v: unknown): v is StoredLookup {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.version === STORED_VERSION &&
    typeof o.id === 'string' &&
    typeof o.at === 'string' &&
    typeof o.outcome === 'object' &&
    o.outcome !== null
  );
}

export function isStoredSummary(v: unknown): v is StoredSummary {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    /^[A-Za-z0-9-]{1,64}$/.test(o.id) &&
    typeof o.referenceId === 'string' &&
    typeof o.at === 'string' &&
    typeof o.endpoint === 'string'
  );
}
