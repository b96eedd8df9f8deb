// Retry policy for the status GETs, as pure functions of what happened and what time it is.
//
// Retried: 429 that is not a hard cap, 503, and connection resets (ECONNRESET, EPIPE, socket hang up,
// a body that broke off). A status GET changes nothing, and each attempt gets a fresh nonce and date.
// Not retried:
// - timeouts: the user has already waited a full timeout; another round would multiply that wait, and
//   the request may have reached Telesign (with `verify_code`, possibly counting as an attempt);
// - resets when a `verify_code` is sent: the server may have checked the code already, and Telesign
//   may count every check toward the account's max attempts;
// - refused connections, DNS failures, TLS errors, auth errors (401/403) and hard caps: retrying
//   cannot help and only delays the message.
import type { Clock, ErrorKind } from './types';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Total time we are willing to spend waiting between attempts. */
  readonly maxRetryWaitMs: number;
  /** First back-off ceiling; doubles per retry. */
  readonly baseDelayMs: number;
  /** Largest back-off ceiling. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  maxRetryWaitMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
});

/** What one attempt ended with, as far as retrying is concerned. */
export type AttemptResult =
  | { readonly type: 'http'; readonly status: number; readonly kind?: ErrorKind; readonly retryAfter?: string | null }
  | { readonly type: 'network'; readonly code?: string; readonly message: string }
  | { readonly type: 'timeout' };

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);

/** A connection that was open and then dropped (as opposed to never opening). */
export function isConnectionReset(code: string | undefined, message: string): boolean {
  return (code !== undefined && RESET_CODES.has(code)) || /socket hang up|premature close/i.test(message);
}

/** A 429 or 503 carrying one of these codes is final. */
const NEVER_RETRIED = new Set<ErrorKind>(['quota', 'auth', 'not-enabled']);

/** Whether the attempt's result may succeed if the same GET is sent again. */
export function isRetryableAttempt(result: AttemptResult, sendsVerifyCode: boolean): boolean {
  switch (result.type) {
    case 'http':
      if (result.kind !== undefined && NEVER_RETRIED.has(result.kind)) return false;
      return result.status === 429 || result.status === 503;
    case 'network':
      return !sendsVerifyCode && isConnectionReset(result.code, result.message);
    case 'timeout':
      return false;
  }
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date (relative to `nowMs`).
 * Undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const when = Date.parse(v);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - nowMs);
}

/** Full jitter: uniform in [0, min(maxDelay, base * 2^retryIndex)). `retryIndex` starts at 0. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retryIndex, 30));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}

export interface RetryDecisionInput {
  /** Attempts made so far, including the one that just ended (1 after the first). */
  readonly attempts: number;
  /** Time already spent waiting between attempts. */
  readonly waitedMs: number;
  readonly result: AttemptResult;
  readonly sendsVerifyCode: boolean;
  readonly nowMs: number;
  readonly policy: RetryPolicy;
  readonly random: () => number;
}

export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: 'not-retryable' | 'max-retries' | 'wait-budget'; readonly retryAfterMs?: number };

/**
 * Retry or not, and after how long. `Retry-After` is honoured when present; when it asks for more
 * than the remaining wait budget we stop instead of retrying early (which would only be refused again).
 */
export function decideRetry(input: RetryDecisionInput): RetryDecision {
  const { result, policy } = input;
  if (!isRetryableAttempt(result, input.sendsVerifyCode)) return { retry: false, reason: 'not-retryable' };
  const retryAfterMs = result.type === 'http' ? parseRetryAfter(result.retryAfter, input.nowMs) : undefined;
  // Out of retries, the server's Retry-After still tells the caller (a batch pacing itself) how long to wait.
  if (input.attempts > policy.maxRetries) {
    return { retry: false, reason: 'max-retries', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  const remaining = policy.maxRetryWaitMs - input.waitedMs;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > remaining) return { retry: false, reason: 'wait-budget', retryAfterMs };
    return { retry: true, delayMs: retryAfterMs };
  }
  const delayMs = backoffDelay(input.attempts - 1, policy, input.random);
  if (delayMs > remaining) return { retry: false, reason: 'wait-budget' };
  return { retry: true, delayMs };
}

/** Real time. `sleep` settles early (resolves) when the signal aborts; callers check `signal.aborted`. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
});
