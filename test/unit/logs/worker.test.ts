// summarizeInWorker: the summary runs on another thread (the caller's event loop stays idle), with the same
// result, progress, cancellation and typed errors as summarizeFile.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { LogSummaryError, summarizeFile } from '../../../src/core/logs/summarize';
import { summarizeInWorker } from '../../../src/core/logs/summarizeInWorker';
import { fixturesDir, repoRoot } from '../../support/paths';

const WORKER = join(repoRoot, 'out', 'src', 'core', 'logs', 'summaryWorker.js');

describe('logs/summarizeInWorker', function () {
  this.timeout(60000);
  let dir: string;
  let big: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ts-worker-'));
    big = join(dir, 'big.log');
    const lines: string[] = [];
    for (let i = 0; i < 20000; i++) {
      lines.push(
        `2026-11-23T09:14:05Z WARN GET /v1/omnichannel/${(i * 7919).toString(16).toUpperCase().padStart(32, 'A')} {"status":{"code":${3000 + (i % 300)}}} n=${i}`,
      );
    }
    const block = Buffer.from(`${lines.join('\n')}\n`);
    const fd = openSync(big, 'w');
    for (let i = 0; i < 12; i++) writeSync(fd, block); // ~30 MB, every line a candidate
    closeSync(fd);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exactly what summarizeFile gives, and reports progress up to the whole file', async () => {
    for (const file of [join(fixturesDir, 'ws', 'sample.log'), big]) {
      const seen: number[] = [];
      const s = await summarizeInWorker(WORKER, file, { onProgress: (read, total) => seen.push(read / total) });
      assert.deepStrictEqual(s, await summarizeFile(file));
      assert.strictEqual(seen.at(-1), 1);
    }
  });

  it('leaves the calling thread idle while it scans', async () => {
    const elu0 = performance.eventLoopUtilization();
    await summarizeInWorker(WORKER, big);
    const inWorker = performance.eventLoopUtilization(elu0).utilization;
    const elu1 = performance.eventLoopUtilization();
    await summarizeFile(big);
    const inThread = performance.eventLoopUtilization(elu1).utilization;
    assert.ok(
      inWorker < 0.3,
      `caller's event loop busy ${(inWorker * 100).toFixed(0)} % with the worker (in-thread: ${(inThread * 100).toFixed(0)} %)`,
    );
  });

  it('stops on cancellation with the counts so far', async () => {
    const ac = new AbortController();
    const s = await summarizeInWorker(WORKER, big, { chunkSize: 65536, signal: ac.signal, onProgress: () => ac.abort() });
    assert.strictEqual(s.cancelled, true);
    assert.ok(s.bytes > 0 && s.bytes < 30e6, `read ${s.bytes}`);
  });

  it('passes typed errors through: not-found, not-regular-file', async function () {
    await assert.rejects(
      summarizeInWorker(WORKER, join(dir, 'nope.log')),
      (e: unknown) => e instanceof LogSummaryError && e.kind === 'not-found',
    );
    if (process.platform === 'win32') return;
    const fifo = join(dir, 'pipe.log');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
    await assert.rejects(
      summarizeInWorker(WORKER, fifo),
      (e: unknown) => e instanceof LogSummaryError && e.kind === 'not-regular-file' && /named pipe/.test(e.message),
    );
  });

  describe('a worker per range', () => {
    const split = { workers: 3, minRangeBytes: 1024 * 1024 };

    it('gives exactly what one pass gives, caps hit or not, with progress up to the whole file', async () => {
      for (const caps of [{}, { maxReferences: 100, maxCodes: 20 }]) {
        const seen: number[] = [];
        const s = await summarizeInWorker(WORKER, big, { ...split, ...caps, onProgress: (read, total) => seen.push(read / total) });
        assert.deepStrictEqual(s, await summarizeFile(big, caps));
        assert.strictEqual(seen.at(-1), 1);
      }
    });

    it('leaves the calling thread idle while the workers scan', async () => {
      const elu0 = performance.eventLoopUtilization();
      await summarizeInWorker(WORKER, big, split);
      const busy = performance.eventLoopUtilization(elu0).utilization;
      assert.ok(busy < 0.3, `caller's event loop busy ${(busy * 100).toFixed(0)} %`);
    });

    it('stops every range on cancellation and keeps a prefix one pass over it would give', async () => {
      const ac = new AbortController();
      const s = await summarizeInWorker(WORKER, big, { ...split, chunkSize: 65536, signal: ac.signal, onProgress: () => ac.abort() });
      assert.strictEqual(s.cancelled, true);
      assert.ok(s.bytes > 0 && s.bytes < 30e6, `read ${s.bytes}`);
    });

    it("passes a range's typed error through (a NUL in the first read: binary)", async () => {
      const bin = join(dir, 'bin.log');
      const fd = openSync(bin, 'w');
      writeSync(fd, Buffer.from('GET /v1/omnichannel\0\n'));
      for (let i = 0; i < 40; i++) writeSync(fd, Buffer.alloc(64 * 1024, 'code: 3000\n'));
      closeSync(fd);
      await assert.rejects(
        summarizeInWorker(WORKER, bin, { workers: 3, minRangeBytes: 256 * 1024 }),
        (e: unknown) => e instanceof LogSummaryError && e.kind === 'binary',
      );
    });
  });

  it('turns a worker that cannot start into a typed io error', async () => {
    await assert.rejects(
      summarizeInWorker(join(dir, 'missing-worker.js'), big),
      (e: unknown) => e instanceof LogSummaryError && e.kind === 'io',
    );
  });
});
