// Recent lookups in globalState: enough to find and re-run one (reference ID, endpoint, profile) and to
// recognise it (status or error kind, verify state, when). Never the key, never the OTP itself: only
// whether one was sent.
import * as vscode from 'vscode';
import type { EndpointId, ErrorKind, VerifyState } from '../../core/telesign/types';
import type { ShownLookup } from '../lookup/contracts';

export const HISTORY_STATE_KEY = 'telesign.history';

export interface HistoryEntry {
  readonly referenceId: string;
  readonly endpoint: EndpointId;
  readonly profile: string;
  /** Telesign status of a successful lookup. */
  readonly statusCode?: number | null;
  readonly statusDescription?: string;
  /** Error kind and Telesign code of a failed one. */
  readonly errorKind?: ErrorKind;
  readonly errorCode?: number;
  readonly verifyState?: VerifyState;
  /** Whether an OTP was sent with the lookup (the code itself is not kept). */
  readonly otpSent: boolean;
  /** ISO 8601. */
  readonly at: string;
}

/** Outcomes that say nothing about the transaction are not worth remembering. */
const NOT_RECORDED: readonly ErrorKind[] = ['invalid-input', 'cancelled', 'config'];

function sameLookup(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.referenceId.toUpperCase() === b.referenceId.toUpperCase() && a.endpoint === b.endpoint && a.profile === b.profile;
}

export function entryOf(shown: ShownLookup, at: Date = new Date()): HistoryEntry {
  const o = shown.outcome;
  const base = {
    referenceId: o.referenceId,
    endpoint: o.request.endpoint,
    profile: shown.profile.name,
    otpSent: typeof o.verifyCode === 'string' && o.verifyCode !== '',
    at: at.toISOString(),
  };
  if (o.ok) {
    return {
      ...base,
      statusCode: o.status.code,
      statusDescription: o.status.description,
      ...(o.verify ? { verifyState: o.verify.state } : {}),
    };
  }
  return { ...base, errorKind: o.error.kind, ...(o.error.code !== undefined ? { errorCode: o.error.code } : {}) };
}

function isEntry(v: unknown): v is HistoryEntry {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.referenceId === 'string' && typeof o.endpoint === 'string' && typeof o.profile === 'string' && typeof o.at === 'string';
}

export class History {
  /** The list as last written, while that write is still on its way to storage (see record()). */
  private unsaved: HistoryEntry[] | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    private readonly maxItems: () => number,
  ) {}

  /** Newest first. */
  entries(): HistoryEntry[] {
    if (this.unsaved) return [...this.unsaved];
    const raw = this.state.get<unknown[]>(HISTORY_STATE_KEY, []);
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  }

  /**
   * Takes effect at once for entries(), so callers need not wait; the returned promise settles when storage
   * has it. Writes are chained, so lookups finishing together never drop each other's entries.
   */
  record(shown: ShownLookup, at: Date = new Date()): Promise<void> {
    if (!shown.outcome.ok && NOT_RECORDED.includes(shown.outcome.error.kind)) return Promise.resolve();
    const max = this.maxItems();
    const entry = entryOf(shown, at);
    return this.write(max <= 0 ? [] : [entry, ...this.entries().filter((e) => !sameLookup(e, entry))].slice(0, max));
  }

  clear(): Promise<void> {
    return this.write([]);
  }

  private write(next: HistoryEntry[]): Promise<void> {
    this.unsaved = next;
    const done = this.writes.then(() => this.state.update(HISTORY_STATE_KEY, next.length ? next : undefined));
    this.writes = done.then(
      () => this.settle(next),
      () => this.settle(next),
    );
    return done;
  }

  /** Once the newest write has landed, read through to storage again (another window may write too). */
  private settle(written: HistoryEntry[]): void {
    if (this.unsaved === written) this.unsaved = undefined;
  }
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return '';
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return vscode.l10n.t('just now');
  const min = Math.round(s / 60);
  if (min < 60) return vscode.l10n.t('{0} min ago', min);
  const h = Math.round(min / 60);
  if (h < 24) return vscode.l10n.t('{0} h ago', h);
  const d = Math.round(h / 24);
  return d === 1 ? vscode.l10n.t('yesterday') : vscode.l10n.t('{0} days ago', d);
}

/** One line for a picker: `3000 Delivered · VALID`, `error: auth (3411)`. */
export function statusLabel(e: HistoryEntry): string {
  if (e.errorKind !== undefined) {
    return e.errorCode !== undefined
      ? vscode.l10n.t('error: {0} ({1})', e.errorKind, e.errorCode)
      : vscode.l10n.t('error: {0}', e.errorKind);
  }
  const status = [e.statusCode ?? '', e.statusDescription ?? ''].join(' ').trim();
  return e.verifyState ? `${status} · ${e.verifyState}` : status;
}
