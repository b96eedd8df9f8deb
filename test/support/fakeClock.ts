// Injected time for the protocol's retry policy: back-off waits return at once, move the clock and are
// recorded, so tests check waits without sleeping.
import type { Clock } from '../../src/core/telesign/types';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}
