// The batch results table's messages, host <-> webview. Plain JSON; the webview renders every value as text.

/** What the table shows of a row (core/batch/rows.ts's BatchRow carries these and more). */
export interface BatchRow {
  readonly referenceId: string;
  readonly ok: boolean;
  readonly httpStatus: number | null;
  readonly statusCode: number | null;
  readonly description: string;
  readonly meaning: string;
  readonly final: boolean | null;
  readonly verifyState: string | null;
  readonly errorKind: string | null;
  readonly errorMessage: string | null;
  readonly durationMs: number;
}

export interface BatchProgressView {
  readonly done: number;
  readonly total: number;
  readonly inFlight: number;
  readonly rateLimited: number;
  readonly finished: boolean;
  readonly cancelled: boolean;
}

export interface BatchLabels {
  readonly title: string;
  readonly progress: string; // {0} done of {1}, {2} running, {3} rate-limited answers
  readonly finished: string; // {0} looked up, {1} rate-limited answers
  readonly cancelled: string; // stopped: {0} of {1} looked up
  readonly stop: string;
  readonly exportCsv: string;
  readonly exportJson: string;
  readonly open: string;
  readonly columns: Readonly<Record<'referenceId' | 'status' | 'meaning' | 'final' | 'verify' | 'http' | 'time', string>>;
  readonly failed: string;
  readonly notFinal: string;
  readonly isFinal: string;
  readonly unknown: string;
}

export type BatchHostMessage =
  | { readonly type: 'init'; readonly labels: BatchLabels; readonly profile: string }
  | { readonly type: 'rows'; readonly rows: readonly BatchRow[]; readonly progress: BatchProgressView };

export type BatchWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly referenceId: string }
  | { readonly type: 'export'; readonly format: 'csv' | 'json' }
  | { readonly type: 'stop' };

export function isBatchWebviewMessage(m: unknown): m is BatchWebviewMessage {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'stop') return true;
  if (t === 'open') {
    return (
      typeof (m as { referenceId?: unknown }).referenceId === 'string' && /^[0-9A-F]{32}$/i.test((m as { referenceId: string }).referenceId)
    );
  }
  if (t === 'export') return (m as { format?: unknown }).format === 'csv' || (m as { format?: unknown }).format === 'json';
  return false;
}
