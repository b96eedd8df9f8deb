import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { lineTime, traceReferenceId } from '../../../src/core/logs/trace';

const P = '364C81F5F3D0020C91E7A731DE93A777';
const C1 = '0123456789ABCDEF0123456789ABCDEF';
const C2 = 'FEDCBA9876543210FEDCBA9876543210';
const OTHER = 'AAAABBBBCCCCDDDDEEEEFFFF00001111';
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trace-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};

describe('logs/trace', () => {
  it('reads the times logs start with', () => {
    assert.strictEqual(lineTime('2026-11-23T09:14:05.002Z INFO x'), '2026-11-23T09:14:05.002Z');
    assert.strictEqual(lineTime('[2026-11-23 09:14:05,5] x'), '2026-11-23T09:14:05.500Z');
    assert.strictEqual(lineTime('2020-05-04 22:07:01:226 callback'), '2020-05-04T22:07:01.226Z');
    assert.strictEqual(lineTime('2026-11-23T10:14:05+01:00 x'), '2026-11-23T09:14:05.000Z');
    assert.strictEqual(lineTime('GET /v1/omnichannel 2026-11-23T09:14:05Z'), undefined, 'only a leading time');
  });

  it('finds the parent and its child IDs everywhere, in time order, with codes; not other transactions', async () => {
    const api = file(
      'api.log',
      [
        `2026-11-23T09:14:01.000Z INFO send ${P}`,
        `2026-11-23T09:14:09.000Z INFO status ${P} {"status":{"code":200},"channel_status":[{"viber":{"reference_id":"${C1}","code":210}},{"sms":{"reference_id":"${C2}","code":200}}]}`,
        `2026-11-23T09:14:03.000Z INFO unrelated ${OTHER} {"status":{"code":3204}}`,
        `   continuation line without a time for ${P.toLowerCase()}`,
      ].join('\n'),
    );
    const callbacks = file(
      'callbacks.log',
      [
        `2026-11-23T09:14:05.000Z POST /telesign/callback {"reference_id":"${C1}","status":{"code":210,"description":"Failed"}}`,
        `2026-11-23T09:14:07.000Z POST /telesign/callback {"reference_id":"${C2}","status":{"code":200}}`,
        `2026-11-23T09:14:08.000Z batch ${OTHER} ${C1.toLowerCase()}x`,
      ].join('\r\n'),
    );
    const r = await traceReferenceId(P.toLowerCase(), [
      { name: 'api.log', file: api },
      { name: 'callbacks.log', file: callbacks },
    ]);
    assert.strictEqual(r.referenceId, P);
    assert.deepStrictEqual(r.children, [C1, C2]);
    assert.deepStrictEqual(
      r.hits.map((h) => [h.time, h.source, h.line, h.ids]),
      [
        ['2026-11-23T09:14:01.000Z', 'api.log', 1, [P]],
        ['2026-11-23T09:14:03.000Z', 'api.log', 4, [P]], // untimed: the time of the line above it
        ['2026-11-23T09:14:05.000Z', 'callbacks.log', 1, [C1]],
        ['2026-11-23T09:14:07.000Z', 'callbacks.log', 2, [C2]],
        ['2026-11-23T09:14:09.000Z', 'api.log', 2, [P, C1, C2]],
      ],
    );
    assert.deepStrictEqual(
      r.hits[2].codes.map((c) => c.code),
      ['210'],
    );
    assert.deepStrictEqual(
      r.hits[4].codes.map((c) => c.code),
      ['200', '210', '200'],
    );
    assert.strictEqual(r.errors.length, 0);
  });

  it('streams big files: lines across chunk edges, UTF-16LE by BOM, bare CR; open-editor text too', async () => {
    const filler = 'x'.repeat(1000);
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      lines.push(
        i === 700 || i === 1999
          ? `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z ${filler} ${P} ${filler}`
          : `2026-01-01T00:00:00Z ${filler}`,
      );
    }
    const big = file('big.log', lines.join('\n'));
    const utf16 = file(
      'ps.log',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`one\r\n2026-01-01T00:00:30Z ${P} {"status":{"code":3204}}\r\n`, 'utf16le')]),
    );
    const cr = file('cr.log', `a\rb\r2026-01-01T00:00:40Z ${P}\r`);
    const r = await traceReferenceId(P, [
      { name: 'big.log', file: big },
      { name: 'ps.log', file: utf16 },
      { name: 'cr.log', file: cr },
      { name: 'Untitled-1', text: `first\n${P} unsaved` },
    ]);
    assert.deepStrictEqual(
      r.hits.map((h) => `${h.source}:${h.line}`).sort(),
      ['Untitled-1:2', 'big.log:2000', 'big.log:701', 'cr.log:3', 'ps.log:2'].sort(),
    );
    assert.ok(
      r.hits.every((h) => h.text.length <= 402 && h.text.includes(P)),
      'long lines are clipped around the ID',
    );
    assert.deepStrictEqual(
      r.hits.find((h) => h.source === 'ps.log')?.codes.map((c) => c.code),
      ['3204'],
    );
    assert.ok(r.bytes > 2_000_000);
  });

  it('lists what it cannot read and goes on; refuses a FIFO without hanging; cancel stops', async () => {
    const ok = file('ok.log', `${P}\n`);
    execFileSync('mkfifo', [join(dir, 'pipe.log')]);
    const r = await traceReferenceId(P, [
      { name: 'missing.log', file: join(dir, 'missing.log') },
      { name: 'dir', file: dir },
      { name: 'pipe.log', file: join(dir, 'pipe.log') },
      { name: 'ok.log', file: ok },
    ]);
    assert.deepStrictEqual(
      r.hits.map((h) => h.source),
      ['ok.log'],
    );
    assert.deepStrictEqual(
      r.errors.map((e) => e.source),
      ['missing.log', 'dir', 'pipe.log'],
    );
    assert.match(r.errors[2].message, /named pipe/);
    assert.match(r.errors[0].message, /does not exist/);
    const stop = new AbortController();
    stop.abort();
    const c = await traceReferenceId(P, [{ name: 'ok.log', file: ok }], { signal: stop.signal });
    assert.strictEqual(c.cancelled, true);
    assert.strictEqual(c.hits.length, 0);
  });
});
