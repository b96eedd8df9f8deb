// Injected time for the reliability suite: back-off waits return at once, move the clock and are recorded.
import type { Clock } from '../../../src/core/telesign/types';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

export class FakeClock implements Clock {
  t = NOW;
  readonly sleeps: number[] = [];
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}
