// Many lookups at once, politely: at most `concurrency` in flight, never more than `maxPerWindow` started in any
// `windowMs` (a sliding window 20 % wider than asked, so no fixed window the server counts arrivals in sees more), and on a rate-limit
// answer everything pauses until Retry-After (or a back-off) has passed, the allowed rate halves, and the item
// goes back to the front of the queue. The rate grows back by one per window of answers without a rate limit.
// Cancelling stops new starts and aborts the ones in flight; what finished is kept.
import type { Clock } from '../telesign/types';

export interface RateLimitAnswer {
  /** From Retry-After, when the server sent one. */
  readonly retryAfterMs?: number;
}

export interface BatchProgress {
  readonly done: number;
  readonly total: number;
  readonly inFlight: number;
  /** Rate-limit answers so far. */
  readonly rateLimited: number;
  /** Allowed starts per window now (halved on each rate limit). */
  readonly allowedPerWindow: number;
}

export interface BatchOptions<T> {
  readonly concurrency: number;
  readonly maxPerWindow: number;
  readonly windowMs: number;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Says whether `result` is a rate-limit answer (then the item is run again later). */
  rateLimited(result: T): RateLimitAnswer | undefined;
  /** Rate-limit answers one item may get before its last answer is kept as its result. Default 5. */
  readonly maxRateLimitRetries?: number;
  onProgress?(progress: BatchProgress): void;
  onResult?(id: string, result: T): void;
}

export interface BatchOutcome<T> {
  /** Finished items, in the order they finished. */
  readonly results: ReadonlyMap<string, T>;
  readonly cancelled: boolean;
  readonly rateLimited: number;
}

/** Pause after a rate-limit answer without Retry-After: 1 s, doubling with each one in a row, at most 30 s. */
const backoffMs = (streak: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, streak - 1));
/** The window is kept 20 % wider than asked: a server counts arrivals, and on a busy machine or network a
 *  request can arrive a good 100 ms after another sent later (a 5 % margin was exceeded in tests). */
const MARGIN = 1.2;

export async function runBatch<T>(
  ids: readonly string[],
  run: (id: string, signal: AbortSignal) => Promise<T>,
  opts: BatchOptions<T>,
): Promise<BatchOutcome<T>> {
  const ceiling = Math.max(1, Math.floor(opts.maxPerWindow));
  const window = opts.windowMs * MARGIN;
  const queue = [...ids];
  const retries = new Map<string, number>();
  const results = new Map<string, T>();
  const starts: number[] = [];
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  opts.signal?.addEventListener('abort', onAbort);
  if (opts.signal?.aborted) abort.abort();
  let allowed = ceiling;
  let okSinceLimit = 0;
  let limitedStreak = 0;
  let rateLimited = 0;
  let pauseUntil = 0;
  let inFlight = 0;
  const progress = () => opts.onProgress?.({ done: results.size, total: ids.length, inFlight, rateLimited, allowedPerWindow: allowed });

  /** Waits until one more start is allowed; false when cancelled. */
  async function slot(): Promise<boolean> {
    for (;;) {
      if (abort.signal.aborted) return false;
      const now = opts.clock.now();
      while (starts.length && starts[0] <= now - window) starts.shift();
      const wait = Math.max(pauseUntil - now, starts.length >= allowed ? starts[starts.length - allowed] + window - now : 0);
      if (wait <= 0) {
        starts.push(now);
        return true;
      }
      await opts.clock.sleep(wait, abort.signal).catch(() => undefined);
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      if (queue.length === 0 || !(await slot())) return;
      const id = queue.shift();
      if (id === undefined) return;
      inFlight++;
      progress();
      let result: T;
      try {
        result = await run(id, abort.signal);
      } finally {
        inFlight--;
      }
      if (abort.signal.aborted) return; // an aborted run's answer is not a finished lookup
      const limited = opts.rateLimited(result);
      const tries = retries.get(id) ?? 0;
      if (limited && tries < (opts.maxRateLimitRetries ?? 5)) {
        rateLimited++;
        limitedStreak++;
        okSinceLimit = 0;
        allowed = Math.max(1, Math.floor(allowed / 2));
        pauseUntil = Math.max(pauseUntil, opts.clock.now() + (limited.retryAfterMs ?? backoffMs(limitedStreak)));
        retries.set(id, tries + 1);
        queue.unshift(id);
      } else {
        if (!limited) {
          limitedStreak = 0;
          if (++okSinceLimit >= allowed && allowed < ceiling) {
            allowed++;
            okSinceLimit = 0;
          }
        }
        results.set(id, result);
        opts.onResult?.(id, result);
      }
      progress();
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, ids.length)) }, worker));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return { results, cancelled: abort.signal.aborted && results.size < ids.length, rateLimited };
}
