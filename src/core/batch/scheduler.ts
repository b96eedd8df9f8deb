// Many lookups at once, politely: at most `concurrency` in flight, and never more than `maxPerWindow` in any
// `windowMs` as a server counts them (see `slots` below), and on a rate-limit
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
/** A little slack for the server's clock and timer granularity. */
const MARGIN = 1.02;
/** How often a start that waits for an answer in flight looks again. */
const POLL_MS = 20;

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
  // A server counts a request when it arrives, which can be any time before it answers: on a busy machine a
  // request sent first can be counted well after one sent later. So a started request holds its slot while it
  // is in flight and for a whole window after its answer came back; no window the server counts in can then
  // see more than `allowed` (sending times alone were not enough: tests saw 429s with a 20 % margin).
  const slots: { end?: number }[] = [];
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

  /** Waits until one more start is allowed, and takes its slot; undefined when cancelled. */
  async function slot(): Promise<{ end?: number } | undefined> {
    for (;;) {
      if (abort.signal.aborted) return undefined;
      const now = opts.clock.now();
      while (slots.length && slots[0].end !== undefined && slots[0].end <= now - window) slots.shift();
      const busy = slots.filter((x) => x.end === undefined || x.end > now - window);
      let wait = pauseUntil - now;
      if (busy.length >= allowed) {
        const freed = busy.filter((x) => x.end !== undefined).map((x) => (x.end as number) + window - now);
        wait = Math.max(wait, busy.length - freed.length >= allowed ? POLL_MS : Math.min(...freed));
      }
      if (wait <= 0) {
        const taken = {};
        slots.push(taken);
        return taken;
      }
      await opts.clock.sleep(Math.max(1, wait), abort.signal).catch(() => undefined);
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      if (queue.length === 0) return;
      const taken = await slot();
      if (!taken) return;
      const id = queue.shift();
      if (id === undefined) {
        taken.end = opts.clock.now();
        return;
      }
      inFlight++;
      progress();
      let result: T;
      try {
        result = await run(id, abort.signal);
      } finally {
        inFlight--;
        taken.end = opts.clock.now();
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
