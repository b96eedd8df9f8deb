import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, unlinkSync, writeFileSync } from 'fs';
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

  it("takes a reference's last status from status.code inside a dump or a wrapper key, not from a channel or SIM-swap code", async () => {
    const file = join(dir, 'dumps.log');
    writeFileSync(
      file,
      [
        `Parameters: {"reference_id"=>"${REF_A}", "status"=>{"code"=>"3001"}, "channel_status"=>[{"sms"=>{"code"=>"3000"}}]}`,
        `INFO django body={'reference_id': '${REF_B}', 'status': {'code': 290}, 'sim_swap': {'status': {'code': 2800}}}`,
      ].join('\n'),
    );
    const s = await summarizeFile(file);
    assert.deepStrictEqual(
      s.references.map((r) => [r.referenceId, r.lastStatusCode]),
      [
        [REF_A, '3001'],
        [REF_B, '290'],
      ],
    );
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

  it('refuses a named pipe at once (never opened blocking), with its own kind', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(dir, 'pipe.log');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 2000)));
    const outcome = await Promise.race([
      summarizeFile(fifo).then(
        () => 'summarized',
        (e: unknown) => e,
      ),
      hung,
    ]);
    clearTimeout(timer);
    if (outcome === 'hung') {
      // Release the blocked open() so the thread it holds comes back, then fail.
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      assert.fail('summarizeFile on a FIFO did not return within 2 s');
    }
    assert.ok(outcome instanceof LogSummaryError, String(outcome));
    assert.strictEqual(outcome.kind, 'not-regular-file');
    assert.match(outcome.message, /named pipe \(FIFO\), not a regular file/);
  });

  it('refuses devices and /proc pseudo-files instead of calling them empty', async function () {
    if (!existsSync('/dev/zero') || !existsSync('/proc/self/status')) this.skip();
    assert.match((await rejects(summarizeFile('/dev/zero'), 'not-regular-file')).message, /is a device/);
    assert.match((await rejects(summarizeFile('/proc/self/status'), 'not-regular-file')).message, /pseudo-file/);
  });

  it('counts a 1 MiB line of negative codes in linear time', async function () {
    this.timeout(20000);
    const file = join(dir, 'negatives.log');
    const n = 150_000;
    writeFileSync(file, ' -10001'.repeat(n));
    const t0 = Date.now();
    const s = await summarizeFile(file);
    const ms = Date.now() - t0;
    assert.deepStrictEqual(
      s.codes.map((c) => [c.code, c.count]),
      [['-10001', n]],
    );
    assert.ok(ms < 3000, `${ms} ms (quadratic took ~23 s)`);
  });

  it('honours Cancel within one long line of negative codes', async function () {
    this.timeout(60000);
    const file = join(dir, 'negatives-long.log');
    writeFileSync(file, ' -10001'.repeat(1_200_000)); // 8.4 MB, one line
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    const s = await summarizeFile(file, { signal: ac.signal });
    const ms = Date.now() - t0;
    assert.strictEqual(s.cancelled, true);
    assert.ok(ms < 2000, `stopped after ${ms} ms`);
  });

  it('decodes UTF-16LE and UTF-16BE logs by their byte-order mark, like the same text in UTF-8', async () => {
    const text = [
      `INFO telesign reference_id=${REF_A} status.code=3001`,
      'é 😀 {"status":{"code":3204}}',
      `ERROR /v1/verify/${REF_B} {"errors":[{"code":-10004}]}`,
    ].join('\r\n');
    const utf8 = join(dir, 'utf8.log');
    const le = join(dir, 'utf16le.log');
    const be = join(dir, 'utf16be.log');
    writeFileSync(utf8, text);
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const expected = await summarizeFile(utf8);
    assert.deepStrictEqual(expected.codes.map((c) => c.code).sort(), ['-10004', '3001', '3204']);
    for (const f of [le, be]) {
      // Odd chunk sizes split UTF-16 code units and surrogate pairs across reads.
      for (const chunkSize of [undefined, 4097]) {
        const s = await summarizeFile(f, { chunkSize });
        assert.deepStrictEqual({ ...s, file: utf8, bytes: expected.bytes }, expected, `${f} chunk ${chunkSize}`);
      }
    }
  });

  it('ends lines at a bare CR too, and a CRLF split across two reads is one line end', async () => {
    const file = join(dir, 'cr.log');
    writeFileSync(file, 'start\rcode=3204 telesign\rcode=3001 telesign\r\rlast code=3204 telesign');
    const s = await summarizeFile(file);
    assert.strictEqual(s.lines, 5);
    assert.deepStrictEqual(
      s.codes.map((c) => [c.code, c.count, c.firstLine, c.lastLine]),
      [
        ['3204', 2, 2, 5],
        ['3001', 1, 3, 3],
      ],
    );

    const split = join(dir, 'crlf-split.log');
    const head = 'x'.repeat(4095 - 1);
    writeFileSync(split, `${head}\r\ncode=3204 telesign\r\n`); // the \r is byte 4095 of the first 4096-byte read
    const t = await summarizeFile(split, { chunkSize: 4096 });
    assert.strictEqual(t.lines, 2);
    assert.deepStrictEqual(
      t.codes.map((c) => [c.code, c.firstLine]),
      [['3204', 2]],
    );
  });
});
