// Runs summarizeFile in a worker thread so a big log never blocks the caller's event loop (the extension
// host's), with the same progress, cancellation and typed errors as summarizeFile itself.
import { Worker } from 'worker_threads';
import { LogSummaryError } from './logFile';
import type { SummarizeOptions } from './summarize';
import type { LogSummary } from './summaryTypes';
import type { WorkerJob, WorkerReply } from './workerProtocol';

/** `workerFile`: the bundled worker (dist/summaryWorker.js in the extension). */
export function summarizeInWorker(workerFile: string, file: string, opts: SummarizeOptions = {}): Promise<LogSummary> {
  const { signal, onProgress, exhaustive: _e, ...options } = opts;
  return new Promise<LogSummary>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(workerFile, { workerData: { file, options } satisfies WorkerJob });
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
      if (m.type === 'progress') onProgress?.(m.read, m.total);
      else if (m.type === 'done') finish(() => resolve(m.summary));
      else finish(() => reject(new LogSummaryError(m.kind, m.message, file)));
    });
    worker.on('error', (e) => finish(() => reject(new LogSummaryError('io', `The summary of ${file} stopped: ${e.message}`, file))));
    worker.on('exit', (code) =>
      finish(() => reject(new LogSummaryError('io', `The summary of ${file} stopped (worker exit ${code}).`, file))),
    );
  });
}
