// Runs the summary off the caller's thread (the extension host's): one worker thread for a small log, and for
// a big UTF-8 one a worker per core over byte ranges, merged into exactly what one pass gives
// (core/logs/parallel.ts). Same progress, cancellation and typed errors as summarizeFile.
import * as os from 'os';
import { Worker } from 'worker_threads';
import { LogSummaryError } from './logFile';
import { planRanges, summarizeRanges, type RangeJob } from './parallel';
import { DEFAULT_MAX_CODES, DEFAULT_MAX_REFERENCES, type SummarizeOptions } from './summarize';
import type { LogSummary, RangePart } from './summaryTypes';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/** Below this many bytes per range a second worker costs more (its start-up) than it saves. */
const MIN_RANGE_BYTES = 16 * 1024 * 1024;
/** Each worker's own memory (isolate, read buffers, maps) counts toward the summary's RSS budget. */
const MAX_WORKERS = 4;

export interface InWorkerOptions extends SummarizeOptions {
  /** Workers for a big log (default: the machine's cores, at most 4); 1 keeps one pass in one worker. */
  readonly workers?: number;
  /** Smallest range worth a worker of its own (default 16 MiB). */
  readonly minRangeBytes?: number;
}

type Answer = Extract<WorkerReply, { type: 'done' | 'part' }>;

function runWorker(
  workerFile: string,
  job: WorkerJob,
  signal: AbortSignal | undefined,
  onProgress: (read: number, total: number) => void,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerFile, { workerData: job });
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      f();
      void worker.terminate();
    };
    const cancel = (): void => worker.postMessage('cancel');
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress(m.read, m.total);
      else if (m.type === 'failed') finish(() => reject(new LogSummaryError(m.kind, m.message, job.file)));
      else finish(() => resolve(m));
    });
    worker.on('error', (e) =>
      finish(() => reject(new LogSummaryError('io', `The summary of ${job.file} stopped: ${e.message}`, job.file))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new LogSummaryError('io', `The summary of ${job.file} stopped (worker exit ${code}).`, job.file))),
    );
  });
}

/** `workerFile`: the bundled worker (dist/summaryWorker.js in the extension). */
export async function summarizeInWorker(workerFile: string, file: string, opts: InWorkerOptions = {}): Promise<LogSummary> {
  const { signal, onProgress, exhaustive: _e, workers, minRangeBytes, ...options } = opts;
  const n = Math.min(
    MAX_WORKERS,
    workers ?? (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length),
  );
  const ranges = n > 1 ? await planRanges(file, n, minRangeBytes ?? MIN_RANGE_BYTES).catch(() => undefined) : undefined;
  if (!ranges || ranges.length < 2) {
    const answer = await runWorker(workerFile, { file, options }, signal, (read, total) => onProgress?.(read, total));
    if (answer.type !== 'done') throw new LogSummaryError('io', `The summary of ${file} stopped: unexpected answer.`, file);
    return answer.summary;
  }
  // Each range's worker stops with the others: the first failure ends the run.
  const stopAll = new AbortController();
  const onAbort = (): void => stopAll.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) stopAll.abort();
  const maxReferences = options.maxReferences ?? DEFAULT_MAX_REFERENCES;
  const maxCodes = options.maxCodes ?? DEFAULT_MAX_CODES;
  const run = async (range: RangeJob, progress: (read: number) => void): Promise<RangePart> => {
    const answer = await runWorker(workerFile, { file, options, range }, stopAll.signal, (read) => progress(read));
    if (answer.type !== 'part') throw new LogSummaryError('io', `The summary of ${file} stopped: unexpected answer.`, file);
    return answer.part;
  };
  try {
    return await summarizeRanges(file, ranges, run, { maxReferences, maxCodes, onProgress });
  } catch (e) {
    stopAll.abort();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
