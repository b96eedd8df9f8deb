// A panel's auto-refresh: while the status is intermediate, re-run the lookup on a back-off schedule
// (status.ts), until it is final, the user stops it, the setting is off or the attempts run out.
import type { AutoRefreshView } from '../../shared/resultPanelMessages';
import { MAX_AUTO_REFRESHES, refreshDelayMs } from './status';

/** Timers, injectable so tests can count and fire them. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class AutoRefresh {
  private timer: unknown;
  private attempt = 0;
  private stoppedByUser = false;
  private current: AutoRefreshView = { state: 'off' };

  constructor(
    private readonly scheduler: Scheduler,
    private readonly enabled: () => boolean,
    /** Runs the refresh when a timer fires. */
    private readonly fire: () => void,
    /** Tells the webview what the schedule is now. */
    private readonly publish: (view: AutoRefreshView) => void,
  ) {}

  get view(): AutoRefreshView {
    return this.current;
  }

  /** Pending timer (tests). */
  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  /** A result that did not come from the schedule restarts it. */
  restart(): void {
    this.attempt = 0;
    this.stoppedByUser = false;
  }

  /** Plans the next refresh after a result; `moving` says the status can still change. */
  plan(moving: boolean): void {
    this.clear();
    if (!moving || !this.enabled() || this.attempt >= MAX_AUTO_REFRESHES) return this.set({ state: 'off' });
    if (this.stoppedByUser) return this.set({ state: 'stopped' });
    const delayMs = refreshDelayMs(this.attempt);
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.attempt++;
      this.fire();
    }, delayMs);
    this.set({ state: 'scheduled', delayMs, attempt: this.attempt + 1 });
  }

  running(): void {
    this.set({ state: 'running' });
  }

  off(): void {
    this.set({ state: 'off' });
  }

  /** The user's Stop: no more automatic refreshes for this result. */
  stop(): void {
    this.stoppedByUser = true;
    this.clear();
    if (this.current.state === 'scheduled' || this.current.state === 'running') this.set({ state: 'stopped' });
  }

  clear(): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** On dispose: no timer, and nothing to publish any more. */
  end(): void {
    this.clear();
    this.current = { state: 'off' };
  }

  private set(view: AutoRefreshView): void {
    this.current = view;
    this.publish(view);
  }
}
