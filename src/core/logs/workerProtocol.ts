// Messages between summarizeInWorker() and the worker thread running the summary.
import type { SummaryErrorKind } from './logFile';
import type { LogSummary } from './summaryTypes';

export interface WorkerJob {
  readonly file: string;
  readonly options: {
    readonly chunkSize?: number;
    readonly maxReferences?: number;
    readonly maxCodes?: number;
    readonly maxLineChars?: number;
  };
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  | { readonly type: 'done'; readonly summary: LogSummary }
  | { readonly type: 'failed'; readonly kind: SummaryErrorKind; readonly message: string };
