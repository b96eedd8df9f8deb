// Messages between summarizeInWorker() and the worker thread running the summary.
import type { SummaryErrorKind } from './logFile';
import type { RangeJob } from './parallel';
import type { LogSummary, RangePart } from './summaryTypes';

export interface WorkerJob {
  readonly file: string;
  readonly options: {
    readonly chunkSize?: number;
    readonly maxReferences?: number;
    readonly maxCodes?: number;
    readonly maxLineChars?: number;
  };
  /** One byte range of the file (core/logs/parallel.ts): the worker answers with a 'part'. */
  readonly range?: RangeJob;
}

export type WorkerReply =
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  | { readonly type: 'done'; readonly summary: LogSummary }
  | { readonly type: 'part'; readonly part: RangePart }
  | { readonly type: 'failed'; readonly kind: SummaryErrorKind; readonly message: string };
