// Error mapping: what one attempt's raw ending (transport.ts) means as a LookupError, and as input for the
// retry decision (retry.ts). Pure functions: no I/O.
import { brokenResponseError, cancelledError, networkError, redirectError, timeoutError, tooLargeError } from './errors';
import type { Normalized } from './normalize';
import { redact } from './redact';
import type { AttemptResult } from './retry';
import type { RawAttempt } from './transport';
import type { LookupError } from './types';

export interface AttemptContext {
  /** `host[:port]` the attempt went to, for messages. */
  readonly host: string;
  /** Attempts before this one. */
  readonly retries: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** Redacted from anything the server sent back (a redirect's Location). */
  readonly secrets: readonly string[];
}

/** `host[:port]` for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The error an attempt ended with, or undefined for a successful response. */
export function attemptError(raw: RawAttempt, ctx: AttemptContext, normalized: Normalized | undefined): LookupError | undefined {
  switch (raw.type) {
    case 'cancelled':
      return cancelledError();
    case 'timeout':
      return timeoutError(ctx.host, ctx.timeoutMs, ctx.retries);
    case 'too-large':
      return tooLargeError(ctx.maxBodyBytes, raw.status);
    case 'redirect':
      return redirectError(raw.status, raw.location !== undefined ? redact(raw.location, ctx.secrets) : undefined);
    case 'network': {
      const e =
        raw.status !== undefined
          ? brokenResponseError(ctx.host, raw.status, raw.code, raw.message)
          : networkError(ctx.host, raw.code, raw.message);
      const { retries } = ctx;
      return retries > 0 ? { ...e, message: e.message.replace(/\.$/, `; retried ${retries} ${retries === 1 ? 'time' : 'times'}.`) } : e;
    }
    case 'response':
      return normalized && !normalized.ok ? normalized.error : undefined;
  }
}

/** What the retry policy needs to know of an attempt; undefined when retrying cannot apply. */
export function retryResult(raw: RawAttempt, normalized: Normalized | undefined): AttemptResult | undefined {
  switch (raw.type) {
    case 'response':
      return {
        type: 'http',
        status: raw.status,
        ...(normalized && !normalized.ok ? { kind: normalized.error.kind } : {}),
        retryAfter: raw.retryAfter,
      };
    case 'network':
      return { type: 'network', ...(raw.code !== undefined ? { code: raw.code } : {}), message: raw.message };
    case 'timeout':
      return { type: 'timeout' };
    default:
      return undefined;
  }
}
