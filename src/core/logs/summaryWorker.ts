// Worker-thread entry (bundled to dist/summaryWorker.js): runs one summary off the extension host's thread,
// posting progress, and stops at the next read when the parent posts 'cancel'.
import { parentPort, workerData } from 'worker_threads';
import { LogSummaryError, summarizeFile } from './summarize';
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
  summarizeFile(job.file, {
    ...job.options,
    signal: ac.signal,
    onProgress: (read, total) => {
      // At most ~100 messages per file, whatever the read size.
      if (read === total || read - last >= total / 100) {
        last = read;
        post({ type: 'progress', read, total });
      }
    },
  }).then(
    (summary) => post({ type: 'done', summary }),
    (e: unknown) =>
      post({ type: 'failed', kind: e instanceof LogSummaryError ? e.kind : 'io', message: e instanceof Error ? e.message : String(e) }),
  );
}
