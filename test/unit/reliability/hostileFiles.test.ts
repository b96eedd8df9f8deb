// Hostile files through the log summary: properties over generated logs written to disk (line endings,
// encodings, read sizes, dense code lines) and every kind of file that is not a regular one.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'fs';
import * as net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { LogSummaryError, summarizeFile, type LogSummary } from '../../../src/core/logs/summarize';
import { logLines } from '../../support/hostileLogText';

const EOLS = ['\n', '\r\n', '\r'] as const;

/** The summary minus what legitimately differs between two files holding the same text. */
const comparable = (s: LogSummary): Omit<LogSummary, 'file' | 'bytes'> => {
  const { file: _f, bytes: _b, ...rest } = s;
  return rest;
};

describe('reliability: hostile files (property tests)', function () {
  this.timeout(60000);
  let dir: string;
  let n = 0;
  const write = (data: string | Buffer): string => {
    const f = join(dir, `f${n++}.log`);
    writeFileSync(f, data);
    return f;
  };
  before(() => (dir = mkdtempSync(join(tmpdir(), 'ts-hostile-files-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('property "line endings": \\n, \\r\\n and bare \\r give the same summary, whatever the read size', async () => {
    await fc.assert(
      fc.asyncProperty(
        logLines(),
        fc.constantFrom(...EOLS),
        fc.constantFrom(...EOLS),
        fc.integer({ min: 4096, max: 9000 }),
        fc.boolean(),
        async (lines, a, b, chunkSize, trailing) => {
          const text = (eol: string): string => lines.join(eol) + (trailing ? eol : '');
          const x = await summarizeFile(write(text(a)), { chunkSize });
          const y = await summarizeFile(write(text(b)));
          assert.deepStrictEqual(comparable(x), comparable(y));
          const t = text(a);
          assert.strictEqual(x.lines, t === '' ? 0 : t.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(t) ? 1 : 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property "UTF-16": a log saved as UTF-16LE or UTF-16BE with a BOM reads like the same text in UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(logLines(), fc.constantFrom(...EOLS), fc.integer({ min: 4096, max: 9000 }), async (lines, eol, chunkSize) => {
        const text = lines.join(eol);
        const le = Buffer.from(text, 'utf16le');
        const expected = comparable(await summarizeFile(write(text)));
        const fromLe = await summarizeFile(write(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), { chunkSize });
        const fromBe = await summarizeFile(write(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])), { chunkSize });
        if (text !== '') {
          assert.deepStrictEqual(comparable(fromLe), expected);
          assert.deepStrictEqual(comparable(fromBe), expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property "linear": a 1 MiB line packed with code-like tokens is summarized within 3 s, counts exact', async () => {
    const unit = fc.constantFrom(' -10001', ' code=-10001', ',-40007', ' "code":-10004', ' status.code=3204', ' -10001 code=3204');
    await fc.assert(
      fc.asyncProperty(unit, async (u) => {
        const reps = Math.floor((1 << 20) / u.length);
        const t0 = Date.now();
        const s = await summarizeFile(write(u.repeat(reps)));
        const ms = Date.now() - t0;
        assert.ok(ms < 3000, `${ms} ms on ${JSON.stringify(u)} × ${reps}`);
        const perUnit = (u.match(/-?\d{4,5}/g) ?? []).length;
        assert.strictEqual(
          s.codes.reduce((t, c) => t + c.count, 0),
          perUnit * reps,
          JSON.stringify(u),
        );
      }),
      { numRuns: 6 },
    );
  });

  describe('property "regular files only": anything else is refused at once with kind not-regular-file', () => {
    const refused = async (path: string, what: RegExp): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 2000)));
      const outcome = await Promise.race([
        summarizeFile(path).then(
          (s) => s,
          (e: unknown) => e,
        ),
        hung,
      ]);
      clearTimeout(timer);
      assert.notStrictEqual(outcome, 'hung', `${path}: no answer within 2 s`);
      assert.ok(outcome instanceof LogSummaryError, `${path}: ${JSON.stringify(outcome)}`);
      assert.strictEqual(outcome.kind, 'not-regular-file', outcome.message);
      assert.match(outcome.message, what);
    };

    it('named pipe (FIFO), nobody writing', async function () {
      if (process.platform === 'win32') this.skip();
      const fifo = join(dir, 'fifo.log');
      assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
      try {
        await refused(fifo, /named pipe/);
      } finally {
        // If an old build blocked in open(), a writer releases it so the libuv thread comes back.
        try {
          closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // no reader waiting: nothing to release
        }
      }
    });

    it('devices and /proc pseudo-files', async function () {
      if (!existsSync('/dev/zero') || !existsSync('/proc/self/status')) this.skip();
      await refused('/dev/zero', /device/);
      await refused('/dev/null', /device/);
      await refused('/proc/self/status', /pseudo-file/);
      await refused('/proc/cpuinfo', /pseudo-file/);
    });

    it('Unix socket', async function () {
      if (process.platform === 'win32') this.skip();
      const path = join(dir, 'sock.log');
      const server = net.createServer((s) => s.destroy());
      await new Promise<void>((resolve) => server.listen(path, resolve));
      try {
        await refused(path, /socket/);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
});
