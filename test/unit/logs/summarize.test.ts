import * as assert from 'assert';
import { chmodSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LogSummaryError, summarizeFile } from '../../../src/core/logs/summarize';

const REF_A = '364C81F5F3D0020C91E7A731DE93A777';
const REF_B = '0123456789ABCDEF0123456789ABCDEF';

async function rejects(p: Promise<unknown>, kind: string): Promise<LogSummaryError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LogSummaryError, `expected LogSummaryError, got ${String(e)}`);
    assert.strictEqual(e.kind, kind, e.message);
    return e;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('logs/summarize', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ts-logs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts codes and reference IDs with first/last lines and the last status per reference', async () => {
    const file = join(dir, 'normal.log');
    writeFileSync(
      file,
      [
        `INFO telesign accepted reference_id=${REF_A} status.code=3001`,
        'INFO http 127.0.0.1:8080 GET /healthz 200 12ms',
        `WARN GET /v1/omnichannel/${REF_A} -> 429 {"status":{"code":3204,"description":"Rate limit exceeded"}}\r`,
        `ERROR GET /v1/verify/${REF_B} -> 404 {"errors":[{"code":-10004}],"status":{"code":599}}`,
        `WARN GET /v1/omnichannel/${REF_A} -> 429 {"status":{"code":3204,"description":"Rate limit exceeded"}}`,
        `INFO GET /v1/omnichannel/${REF_A} -> 200 {"status":{"code":3000,"description":"Delivered"}}`,
        'no trailing newline code=3204',
      ].join('\n'),
    );
    const s = await summarizeFile(file);
    assert.strictEqual(s.lines, 7);
    assert.deepStrictEqual(
      s.codes.map((c) => [c.code, c.count, c.firstLine, c.lastLine]),
      [
        ['3204', 3, 3, 7],
        ['3001', 1, 1, 1],
        ['-10004', 1, 4, 4],
        ['599', 1, 4, 4],
        ['3000', 1, 6, 6],
      ],
    );
    assert.strictEqual(s.codes.find((c) => c.code === '-10004')?.keyPath, 'errors[].code');
    assert.strictEqual(s.codes.find((c) => c.code === '-10004')?.endpoint, 'verify');
    assert.match(s.codes[0].sampleLine ?? '', /"code":3204/);
    assert.deepStrictEqual(
      s.references.map((r) => [r.referenceId, r.count, r.firstLine, r.lastLine, r.lastStatusCode]),
      [
        [REF_A, 4, 1, 6, '3000'],
        [REF_B, 1, 4, 4, '599'],
      ],
    );
    assert.strictEqual(s.cancelled, undefined);
    assert.deepStrictEqual(s.notes, []);
  });

  it('gives a valid empty summary with a note for a 0-byte file', async () => {
    const file = join(dir, 'empty.log');
    writeFileSync(file, '');
    const s = await summarizeFile(file);
    assert.deepStrictEqual(s, { file, bytes: 0, lines: 0, codes: [], references: [], notes: ['empty'] });
  });

  it('refuses binary files, folders and missing files with typed errors', async () => {
    const bin = join(dir, 'data.bin');
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x63, 0x6f, 0x64, 0x65]));
    assert.match((await rejects(summarizeFile(bin), 'binary')).message, /looks binary/);
    await rejects(summarizeFile(dir), 'is-directory');
    await rejects(summarizeFile(join(dir, 'nope.log')), 'not-found');
  });

  it('reports permission denied', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    const file = join(dir, 'secret.log');
    writeFileSync(file, 'code=3204\n');
    chmodSync(file, 0o000);
    await rejects(summarizeFile(file), 'permission-denied');
  });

  it('notices a file deleted mid-scan', async () => {
    const file = join(dir, 'deleted.log');
    writeFileSync(file, `${'{"status":{"code":3204}} telesign\n'.repeat(4000)}`);
    let calls = 0;
    const e = await rejects(
      summarizeFile(file, {
        chunkSize: 8192,
        onProgress: () => {
          if (calls++ === 0) unlinkSync(file);
        },
      }),
      'deleted',
    );
    assert.strictEqual(calls, 1, 'stopped right after the deletion');
    assert.match(e.message, /deleted/);
  });

  it('notices a file truncated mid-scan', async () => {
    const file = join(dir, 'truncated.log');
    writeFileSync(file, 'code=3204 telesign\n'.repeat(5000));
    let first = true;
    await rejects(
      summarizeFile(file, {
        chunkSize: 8192,
        onProgress: () => {
          if (first) writeFileSync(file, 'short\n');
          first = false;
        },
      }),
      'truncated',
    );
  });

  it('stops on cancellation and returns what it counted so far', async () => {
    const file = join(dir, 'cancel.log');
    writeFileSync(file, 'code=3204 telesign\n'.repeat(10000));
    const ac = new AbortController();
    const s = await summarizeFile(file, { chunkSize: 8192, signal: ac.signal, onProgress: () => ac.abort() });
    assert.strictEqual(s.cancelled, true);
    assert.ok(s.bytes === 8192, `read ${s.bytes} bytes`);
    assert.ok(s.codes[0].count > 0 && s.codes[0].count < 10000);
  });

  it('caps distinct reference IDs and says so', async () => {
    const file = join(dir, 'many-refs.log');
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) lines.push(`ref=${i.toString(16).toUpperCase().padStart(32, '0')}`);
    writeFileSync(file, lines.join('\n'));
    const s = await summarizeFile(file, { maxReferences: 20 });
    assert.strictEqual(s.references.length, 20);
    assert.strictEqual(s.referencesDropped, 30);
    assert.deepStrictEqual(s.notes, ['references-capped']);
  });

  it('scans a single huge line in windows without losing or double-counting findings', async () => {
    const file = join(dir, 'one-line.log');
    const unit = `{"reference_id":"${REF_A}","status":{"code":3204}} `;
    const n = 30000; // ~1.7 MB, one line, no newline
    writeFileSync(file, unit.repeat(n));
    const s = await summarizeFile(file, { chunkSize: 65536, maxLineChars: 100_000 });
    assert.strictEqual(s.lines, 1);
    assert.deepStrictEqual(s.notes, ['long-lines-windowed']);
    assert.strictEqual(s.codes[0].count, n);
    assert.strictEqual(s.references[0].count, n);
  });
});
