// The callbacks received in this window, newest first, in memory only and capped (telesign.callbacks.maxKept):
// nothing is written to disk unless the user saves one. An entry holds the callback as received and what was
// worked out about it (family, codes, signature verdict, the app's answer); never a key.
import * as vscode from 'vscode';
import type { ForwardResult, ParseCallbackResult, SignatureVerdict } from '../../core/callbacks';

export interface CallbackEntry {
  readonly id: number;
  readonly receivedAt: string;
  readonly source: 'listener' | 'test';
  readonly method: string;
  readonly path: string;
  readonly rawHeaders: readonly string[];
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly parsed: ParseCallbackResult;
  verdict: SignatureVerdict;
  /** The app's answer: pending while forwarding, undefined when there is no app. */
  forward?: ForwardResult | 'pending';
}

/** Changes are announced at most every CHANGE_MS, so 1 000 arrivals a second cost a few tree refreshes. */
const CHANGE_MS = 100;

export class CallbackStore implements vscode.Disposable {
  private items: CallbackEntry[] = [];
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Arrivals since the window opened (not reduced by the cap or Clear). */
  total = 0;

  constructor(private readonly max: () => number) {}

  add(entry: Omit<CallbackEntry, 'id'>): CallbackEntry {
    const e: CallbackEntry = { ...entry, id: this.nextId++ };
    this.items.push(e);
    this.total++;
    const over = this.items.length - this.max();
    if (over > 0) this.items.splice(0, over);
    this.touch();
    return e;
  }

  /** Newest first. */
  list(): CallbackEntry[] {
    return this.items.slice().reverse();
  }

  get size(): number {
    return this.items.length;
  }

  get(id: number): CallbackEntry | undefined {
    // ids grow with position, so a binary search finds one among 10 000 at once.
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.items[mid];
      if (m.id === id) return m;
      if (m.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  clear(): void {
    this.items = [];
    this.touch();
  }

  touch(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, CHANGE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
