import * as assert from 'assert';
import { runBatch, type BatchProgress } from '../../../src/core/batch/scheduler';
import { systemClock } from '../../../src/core/telesign/retry';

/** A server with a fixed-window rate limit, counting in real time like the simulator does. */
function limitedServer(limit: number, windowMs: number, latencyMs = 5) {
  let start = 0;
  let count = 0;
  const arrivals: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    arrivals,
    get maxInFlight() {
      return maxInFlight;
    },
    async handle(id: string, signal: AbortSignal): Promise<{ id: string; limited: boolean; retryAfterMs?: number }> {
      const now = Date.now();
      arrivals.push(now);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await systemClock.sleep(latencyMs, signal).catch(() => undefined);
        if (now >= start + windowMs) {
          start = now;
          count = 0;
        }
        if (count >= limit) return { id, limited: true, retryAfterMs: start + windowMs - now };
        count++;
        return { id, limited: false };
      } finally {
        inFlight--;
      }
    },
  };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).toUpperCase().padStart(32, '0'));
/** Most starts within any `windowMs` long interval. */
function peak(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) best = Math.max(best, times.filter((t) => t >= times[i] && t < times[i] + windowMs).length);
  return best;
}

describe('batch/scheduler', function () {
  this.timeout(20_000);

  it('keeps under the rate it is given: no request is rate-limited, all finish, at most `concurrency` in flight', async () => {
    const server = limitedServer(5, 200);
    const progress: BatchProgress[] = [];
    const out = await runBatch(ids(23), (id, s) => server.handle(id, s), {
      concurrency: 4,
      maxPerWindow: 5,
      windowMs: 200,
      clock: systemClock,
      rateLimited: (r) => (r.limited ? { retryAfterMs: r.retryAfterMs } : undefined),
      onProgress: (p) => progress.push(p),
    });
    assert.strictEqual(out.results.size, 23);
    assert.strictEqual(out.rateLimited, 0);
    assert.ok([...out.results.values()].every((r) => !r.limited));
    assert.ok(peak(server.arrivals, 200) <= 5, `peak ${peak(server.arrivals, 200)} per 200 ms`);
    assert.ok(server.maxInFlight <= 4);
    assert.deepStrictEqual(progress.at(-1), { done: 23, total: 23, inFlight: 0, rateLimited: 0, allowedPerWindow: 5 });
  });

  it('told a rate above the server’s, adapts on 429: waits for Retry-After, halves, retries, and every item ends right', async () => {
    const server = limitedServer(4, 250);
    const out = await runBatch(ids(20), (id, s) => server.handle(id, s), {
      concurrency: 6,
      maxPerWindow: 50,
      windowMs: 250,
      clock: systemClock,
      rateLimited: (r) => (r.limited ? { retryAfterMs: r.retryAfterMs } : undefined),
    });
    assert.strictEqual(out.results.size, 20);
    assert.ok(
      [...out.results.values()].every((r) => !r.limited),
      'rate-limited items were run again until they got through',
    );
    assert.ok(out.rateLimited > 0 && out.rateLimited <= 12, `429s: ${out.rateLimited}`);
  });

  it('cancel stops new starts and keeps what finished', async () => {
    const server = limitedServer(100, 1000, 30);
    const stop = new AbortController();
    const done: string[] = [];
    const out = await runBatch(ids(40), (id, s) => server.handle(id, s), {
      concurrency: 2,
      maxPerWindow: 100,
      windowMs: 1000,
      clock: systemClock,
      signal: stop.signal,
      rateLimited: () => undefined,
      onResult: (id) => {
        done.push(id);
        if (done.length === 5) stop.abort();
      },
    });
    assert.strictEqual(out.cancelled, true);
    assert.deepStrictEqual([...out.results.keys()], done);
    assert.ok(out.results.size >= 5 && out.results.size <= 6, `${out.results.size} finished`);
    assert.ok(server.arrivals.length <= 7, `${server.arrivals.length} started`);
  });

  it('gives up on an item after maxRateLimitRetries and keeps its rate-limit answer as the result', async () => {
    const out = await runBatch(['A'], () => Promise.resolve({ limited: true }), {
      concurrency: 1,
      maxPerWindow: 10,
      windowMs: 1000,
      clock: systemClock,
      maxRateLimitRetries: 2,
      rateLimited: (r) => (r.limited ? { retryAfterMs: 5 } : undefined),
    });
    assert.deepStrictEqual([...out.results.entries()], [['A', { limited: true }]]);
    assert.strictEqual(out.rateLimited, 2);
  });
});
