// Memory stays flat while summarizing a big file: the scan runs in a worker whose heap is capped far
// below the file's size, so keeping lines (or the text) would crash it with an out-of-memory error.
import * as assert from 'assert';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { summarizeFile } from '../../../src/core/logs/summarize';

interface Job {
  file: string;
}
interface Answer {
  bytes: number;
  lines: number;
  topCount: number;
  refs: number;
  peakHeapMb: number;
}

if (!isMainThread) {
  const { file } = workerData as Job;
  let peak = 0;
  summarizeFile(file, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)) }).then(
    (s) =>
      parentPort!.postMessage({
        bytes: s.bytes,
        lines: s.lines,
        topCount: s.codes[0]?.count ?? 0,
        refs: s.references.length,
        peakHeapMb: peak / 1048576,
      } satisfies Answer),
    (e: unknown) => parentPort!.postMessage({ error: String(e) }),
  );
} else {
  describe('logs/summarize memory', () => {
    it('scans a ~50 MB file inside a worker whose heap is capped at 32 MB', async function () {
      this.timeout(60000);
      const dir = mkdtempSync(join(tmpdir(), 'ts-logs-mem-'));
      try {
        const file = join(dir, 'big.log');
        const block: string[] = [];
        for (let i = 0; i < 2000; i++) {
          const ref = (i * 7919).toString(16).toUpperCase().padStart(32, 'A');
          block.push(
            i % 3 === 0
              ? `2026-11-23T09:14:05.${String(i % 1000).padStart(3, '0')}Z WARN GET /v1/omnichannel/${ref} -> 429 {"status":{"code":3204,"description":"Rate limit exceeded"}}`
              : `2026-11-23T09:14:05.${String(i % 1000).padStart(3, '0')}Z INFO http 10.0.0.1:8080 GET /healthz 200 12ms bytes=512`,
          );
        }
        const buf = Buffer.from(`${block.join('\n')}\n`);
        const fd = openSync(file, 'w');
        let bytes = 0;
        while (bytes < 50 * 1024 * 1024) bytes += writeSync(fd, buf);
        closeSync(fd);
        const repeats = bytes / buf.length;

        const answer = await new Promise<Answer>((resolve, reject) => {
          const w = new Worker(__filename, {
            workerData: { file } satisfies Job,
            resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 8 },
          });
          w.once('message', (m: Answer | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        });
        assert.strictEqual(answer.bytes, bytes);
        assert.strictEqual(answer.lines, 2000 * repeats);
        assert.strictEqual(answer.topCount, 667 * repeats);
        assert.strictEqual(answer.refs, 667);
        assert.ok(answer.peakHeapMb < 32, `peak heap ${answer.peakHeapMb.toFixed(1)} MB`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
