// The simulator's notion of "now". Expiry (12 h window), OTP validity, status progression, Digest date
// tolerance, nonce memory and rate-limit windows all read this clock, so tests move time instead of sleeping.
// Network-level behaviour (latency and slow-drip faults) uses real timers: the client's sockets live in real time.

export interface SimClockOptions {
  /** Sim time at start (ms since epoch). Default: the real time. */
  readonly startMs?: number;
  /** Frozen clocks move only through advance()/set(). Default false: real time plus an offset. */
  readonly frozen?: boolean;
}

export interface SimClock {
  now(): number;
  advance(ms: number): number;
  set(ms: number): number;
  readonly frozen: boolean;
  /** Called after every advance()/set() (the callback dispatcher runs its due deliveries then). */
  onChange(listener: () => void): () => void;
}

export function createSimClock(options: SimClockOptions = {}): SimClock {
  const frozen = options.frozen ?? false;
  const realStart = Date.now();
  let base = options.startMs ?? realStart;
  // Real-time clocks keep `base` anchored to the real instant `realStart`; frozen ones ignore real time.
  const now = (): number => (frozen ? base : base + (Date.now() - realStart));
  const listeners = new Set<() => void>();
  const changed = (): number => {
    for (const l of [...listeners]) l();
    return now();
  };
  return {
    frozen,
    now,
    advance(ms: number): number {
      if (!Number.isFinite(ms)) throw new Error('advance() needs a finite number of milliseconds');
      base += ms;
      return changed();
    },
    set(ms: number): number {
      if (!Number.isFinite(ms)) throw new Error('set() needs a finite epoch time in milliseconds');
      base += ms - now();
      return changed();
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Telesign-style timestamp: RFC 3339 UTC with microseconds, e.g. 2024-11-12T13:08:37.000000Z. */
export function telesignTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
