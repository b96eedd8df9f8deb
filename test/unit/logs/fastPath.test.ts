// The byte-level prefilter (prefilter.ts) against the reference: `exhaustive: true` decodes and scans every
// line as the summary always did. Their results must be identical on every fixture and on generated logs.
import * as assert from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { summarizeFile, type SummarizeOptions } from '../../../src/core/logs/summarize';
import { fixturesDir } from '../../support/paths';
import { LOG_FRAGMENTS } from '../../support/hostileLogText';

async function same(file: string, opts: SummarizeOptions = {}): Promise<void> {
  const reference = await summarizeFile(file, { ...opts, exhaustive: true });
  const fast = await summarizeFile(file, opts);
  assert.deepStrictEqual(fast, reference, `${file} ${JSON.stringify(opts)}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

/** Bytes that stress the prefilter: its trigger bytes, line ends, hex, multi-byte and broken UTF-8. */
const PIECES = [
  ...LOG_FRAGMENTS,
  '\n',
  '\r',
  '\r\n',
  'ode',
  'Code',
  "ode'",
  'ode"',
  'ode =',
  'ode\u00A0:',
  'ode\u2028=',
  'ode\t:',
  ':',
  '=',
  ' code\u00A0: 3204',
  ' errCode\u3000= -10004',
  ' "status_code"\uFEFF:401 telesign',
  ' code \u2029=3204',
  '-100',
  '-10001',
  '-9',
  '-1000x',
  'de',
  'o',
  '00',
  'F'.repeat(31),
  'a'.repeat(32),
  '1'.repeat(33),
  'ée',
  'code\\":',
  'ode\\\\\\"=',
  '[code] => ',
  '["code"]=> int(',
  'ode] =',
  '"Code"=>',
  ' - ',
  '3 - R',
  '4 - r',
  '9 -  Z',
  '200 - Delivered telesign',
  ' status: "10019 - Rate"',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES).map((p) => Buffer.from(p)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }).map((u) => Buffer.from(u.map((b) => b || 0x20))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }).map((s) => Buffer.from(s.replace(/\0/g, ' '))) },
);
const log = fc.array(piece, { maxLength: 400 }).map((ps) => Buffer.concat(ps));

describe('logs/summarize fast path (prefilter) against the exhaustive reference', function () {
  this.timeout(60000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'ts-fast-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is identical on every fixture file, at several read sizes', async () => {
    for (const file of filesUnder(fixturesDir)) {
      for (const chunkSize of [undefined, 4096, 4099]) await same(file, { chunkSize });
    }
  });

  it('is identical on the scanner corpus as a log, each line alone, and with CRLF and CR endings', async () => {
    const lines = readFileSync(join(fixturesDir, 'logs', 'corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { line: string }).line);
    for (const eol of ['\n', '\r\n', '\r']) {
      const f = join(dir, 'corpus.log');
      writeFileSync(f, lines.join(eol));
      for (const chunkSize of [undefined, 4096, 4101]) await same(f, { chunkSize });
    }
    for (const [i, l] of lines.entries()) {
      const f = join(dir, `line${i}.log`);
      writeFileSync(f, l);
      await same(f);
    }
  });

  it('property "prefilter is exact": identical on generated logs, whatever the read size and long-line window', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        log,
        fc.integer({ min: 4096, max: 5000 }),
        fc.constantFrom(undefined, 1500, 3000),
        fc.constantFrom(undefined, 3),
        async (bytes, chunkSize, maxLineChars, maxReferences) => {
          const f = join(dir, `gen${n++}.log`);
          writeFileSync(f, bytes);
          await same(f, { chunkSize, maxLineChars, maxReferences, maxCodes: maxReferences });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property "prefilter is exact" on long logs spanning many reads', async () => {
    let n = 0;
    const long = fc.array(log, { minLength: 5, maxLength: 40 }).map((bs) => Buffer.concat(bs));
    await fc.assert(
      fc.asyncProperty(long, fc.integer({ min: 4096, max: 4200 }), async (bytes, chunkSize) => {
        const f = join(dir, `long${n++}.log`);
        writeFileSync(f, bytes);
        await same(f, { chunkSize, maxLineChars: 1500 });
      }),
      { numRuns: 40 },
    );
  });
});
