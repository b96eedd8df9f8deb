// Worker-thread entry (bundled to dist/summaryWorker.js): runs one summary off the extension host's thread,
// posting progress, and stops at the next read when the parent posts 'cancel'.
import { parentPort, workerData } from 'worker_threads';
import { LogSummaryError, summarizeFile, summarizeRange } from './summarize';
import type { WorkerJob, WorkerReply } from './workerProtocol';

const port = parentPort;
if (port) {
  const job = workerData as WorkerJob;
  const ac = new AbortController();
  port.on('message', (m: unknown) => {
    if (m === 'cancel') ac.abort();
  });
  const post = (r: WorkerReply): void => port.postMessage(r);
  let last = 0;
  const options = {
    ...job.options,
    signal: ac.signal,
    onProgress: (read: number, total: number) => {
      // At most ~100 messages per file, whatever the read size.
      if (read === total || read - last >= total / 100) {
        last = read;
        post({ type: 'progress', read, total });
      }
    },
  };
  const failed = (e: unknown): void =>
    post({ type: 'failed', kind: e instanceof LogSummaryError ? e.kind : 'io', message: e instanceof Error ? e.message : String(e) });
  if (job.range) {
    summarizeRange(job.file, { ...options, ...job.range }).then((part) => post({ type: 'part', part }), failed);
  } else {
    summarizeFile(job.file, options).then((summary) => post({ type: 'done', summary }), failed);
  }
}
