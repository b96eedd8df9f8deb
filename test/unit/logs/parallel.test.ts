// A log summarised in byte ranges and merged (core/logs/parallel.ts, merge.ts) must equal one pass
// (summarizeFile) exactly: counts, first and last lines, samples, last status per ID, the caps' first-seen
// choice, dropped counts and notes. Ranges run in-process here (summarizeRange); the worker-thread runner is
// covered in worker.test.ts.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { planRanges, summarizeRanges, type RangeJob } from '../../../src/core/logs/parallel';
import { LogSummaryError, summarizeFile, summarizeRange } from '../../../src/core/logs/summarize';
import { fixturesDir } from '../../support/paths';
import { LOG_FRAGMENTS } from '../../support/hostileLogText';

interface Caps {
  maxReferences?: number;
  maxCodes?: number;
  maxLineChars?: number;
}

async function split(file: string, parts: number, caps: Caps = {}): Promise<{ ranges: RangeJob[]; summary: unknown; recounts: number }> {
  const ranges = await planRanges(file, parts, 1);
  let recounts = 0;
  const summary = await summarizeRanges(
    file,
    ranges,
    (job) => {
      if (job.only) recounts++;
      return summarizeRange(file, { ...caps, ...job });
    },
    { maxReferences: caps.maxReferences ?? 10_000, maxCodes: caps.maxCodes ?? 2_000 },
  );
  return { ranges, summary, recounts };
}

async function same(file: string, parts: number, caps: Caps = {}): Promise<{ ranges: RangeJob[]; recounts: number }> {
  const r = await split(file, parts, caps);
  assert.deepStrictEqual(r.summary, await summarizeFile(file, caps), `${file} in ${r.ranges.length} ranges ${JSON.stringify(caps)}`);
  return r;
}

const ref = fc.integer({ min: 0, max: 40 }).map((i) => (i * 2654435761).toString(16).toUpperCase().padStart(32, 'B').slice(0, 32));
const code = fc.constantFrom('3000', '3001', '3204', '-10004', '290', '10019', '3401', '200', '11011');
const line = fc.oneof(
  fc.tuple(ref, code).map(([r, c]) => `GET /v1/omnichannel/${r} {"status":{"code":${c}}}`),
  fc.tuple(ref, ref, code).map(([a, b, c]) => `{"reference_id":"${a}","channel_status":[{"reference_id":"${b}","code":${c}}]}`),
  fc.tuple(code, ref).map(([c, r]) => `error_code=${c} ref=${r} status_code: ${c}`),
  code.map((c) => `${c} - Delivered to handset`),
  fc.constantFrom(...LOG_FRAGMENTS),
  fc.constantFrom('INFO worker idle', '', 'x'.repeat(2500), `${'y'.repeat(1800)} code: 3204 ${'z'.repeat(900)}`),
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const log = fc.array(fc.tuple(line, eol), { maxLength: 120 }).map((ls) => ls.map(([l, e]) => l + e).join(''));

describe('logs/parallel: ranges merged equal one pass', function () {
  this.timeout(120000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'ts-par-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts only just after a line feed, covering the file once', async () => {
    const f = join(dir, 'cuts.log');
    writeFileSync(f, 'a\nbb\r\nccc\rdddd\n'.repeat(50));
    const bytes = readFileSync(f);
    const ranges = await planRanges(f, 7, 1);
    assert.ok(ranges.length > 1);
    assert.strictEqual(ranges[0].start, 0);
    assert.strictEqual(ranges.at(-1)?.end, bytes.length);
    for (const [i, r] of ranges.entries()) {
      assert.ok(r.start < r.end);
      if (i > 0) {
        assert.strictEqual(r.start, ranges[i - 1].end);
        assert.strictEqual(bytes[r.start - 1], 0x0a);
      }
    }
    assert.strictEqual((await planRanges(f, 7, bytes.length)).length, 1, 'too small to split');
  });

  it('is identical on the scanner corpus and the sample log, in 2 to 9 ranges', async () => {
    const corpus = readFileSync(join(fixturesDir, 'logs', 'corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { line: string }).line);
    const f = join(dir, 'corpus.log');
    writeFileSync(f, corpus.join('\n'));
    for (const file of [f, join(fixturesDir, 'ws', 'sample.log')]) {
      for (const parts of [2, 3, 5, 9]) await same(file, parts);
    }
  });

  it('keeps the same first-seen IDs and codes as one pass when the caps are hit, recounting what a range dropped', async () => {
    const f = join(dir, 'capped.log');
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const id = ((i * 7919) % 700).toString(16).toUpperCase().padStart(32, 'C');
      lines.push(`GET /v1/omnichannel/${id} {"status":{"code":${3000 + (i % 37)}}} n=${i}`);
    }
    writeFileSync(f, lines.join('\n') + '\n');
    const r = await same(f, 6, { maxReferences: 50, maxCodes: 5 });
    assert.ok(r.recounts > 0, 'some range dropped a key kept overall and was counted again');
    // IDs alone over their cap: the recount scans only lines holding one of them (prefilter.wantedReferences).
    assert.ok((await same(f, 6, { maxReferences: 50 })).recounts > 0);
    const lower = join(dir, 'capped-lower.log');
    writeFileSync(lower, readFileSync(f, 'utf8').toLowerCase());
    assert.ok((await same(lower, 6, { maxReferences: 50 })).recounts > 0, 'lower-case IDs are recounted too');
    await same(f, 6, { maxReferences: 10_000, maxCodes: 2_000 });
  });

  it('property: identical on generated logs, whatever the ranges, caps and long-line windows', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(log, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('')),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom(undefined, 3, 12),
        fc.constantFrom(undefined, 2, 4),
        fc.constantFrom(undefined, 2000),
        async (text, parts, maxReferences, maxCodes, maxLineChars) => {
          const f = join(dir, `gen${n++}.log`);
          writeFileSync(f, text);
          await same(f, parts, { maxReferences, maxCodes, maxLineChars });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses to read a range from a file replaced since the ranges were cut (log rotation)', async () => {
    const f = join(dir, 'rotated.log');
    writeFileSync(f, 'code: 3000\n'.repeat(1000));
    const ranges = await planRanges(f, 3, 1);
    writeFileSync(`${f}.new`, 'code: 3204\n'.repeat(1000)); // a new file (inode) moved into place
    renameSync(`${f}.new`, f);
    await assert.rejects(
      summarizeRanges(f, ranges, (job) => summarizeRange(f, job), { maxReferences: 10_000, maxCodes: 2_000 }),
      (e: unknown) => e instanceof LogSummaryError && e.kind === 'deleted' && /replaced/.test(e.message),
    );
  });

  it('a cancelled run keeps a prefix of the file that one pass over it would give', async () => {
    const f = join(dir, 'cancel.log');
    writeFileSync(f, 'GET /v1/omnichannel/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA {"status":{"code":3000}}\n'.repeat(4000));
    const ranges = await planRanges(f, 4, 1);
    const ac = new AbortController();
    ac.abort();
    const s = await summarizeRanges(f, ranges, (job) => summarizeRange(f, { ...job, signal: job.start > 0 ? ac.signal : undefined }), {
      maxReferences: 10_000,
      maxCodes: 2_000,
    });
    assert.strictEqual(s.cancelled, true);
    assert.strictEqual(s.bytes, ranges[0].end, 'range 0 finished, range 1 stopped at once');
    assert.strictEqual(s.lines, readFileSync(f, 'utf8').slice(0, ranges[0].end).split('\n').length - 1);
  });
});
