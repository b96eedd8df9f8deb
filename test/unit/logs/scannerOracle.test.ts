// The shipped scanner (hand-written matchers) against the reference: the regex scanner it replaced,
// kept in referenceScanner.ts. Same findings, in the same order, on the corpus and on generated lines.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { keyBeforeEnd, keyBeforeOpen, referenceStarts } from '../../../src/core/logs/matchers';
import { scanReferences, scanSegment } from '../../../src/core/logs/scanner';
import { fixturesDir } from '../../support/paths';
import { LOG_FRAGMENTS } from '../../support/hostileLogText';
import * as reference from '../../support/referenceScanner';

const DUMP_PIECES = [
  '\\"',
  '\\\\\\"',
  '=>',
  ' => ',
  '[code] => ',
  '["code"]=> int(',
  'string(4) "',
  '(',
  ')',
  'Array (',
  'array(2) {',
  'Status(',
  'Code = ',
  'StatusCode',
  'ErrorCode:',
  ' - ',
  '3204 - Rate',
  '200 - D',
  'HTTP code: ',
  'status: "',
  '[',
  ']',
];
const KEY_PIECES = [
  ...DUMP_PIECES,
  'node',
  'mode',
  'decode:',
  'Code',
  'ode',
  "ode'",
  'ode"',
  'ode =',
  'ode\u00A0:',
  'ode\uFEFF=',
  'ode\t',
  '{',
  '[',
  ']',
  '}',
  '"a":',
  "'b' = ",
  ' ',
  '\u00A0',
  '\u2028',
  '\uFEFF',
  '\u3000',
  'x9_:',
  '9abc:',
  '"_a"  :  ',
  '=',
  ':',
  '"',
  "'",
  'status',
  'errors',
  '_',
  '9',
  'verify',
  'channel_status',
  'viber',
];
const HEX_PIECES = ['0123456789abcdef', 'ABCDEF0123456789', 'F', '1', 'g', 'Z', '-', '_', 'é', '𝄞'];
const line = fc
  .array(fc.oneof(fc.constantFrom(...LOG_FRAGMENTS, ...KEY_PIECES, ...HEX_PIECES), fc.string({ maxLength: 6, unit: 'grapheme' })), {
    maxLength: 120,
  })
  .map((a) => a.join(''));

function same(text: string): void {
  for (const [l, r] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    assert.deepStrictEqual(scanSegment(text, 7, l, r), reference.scanSegment(text, 7, l, r), `${JSON.stringify(text)} cut ${l}/${r}`);
  }
  assert.deepStrictEqual(scanReferences(text, 3), reference.scanReferences(text, 3));
}

describe('logs/scanner against the regex reference scanner', function () {
  this.timeout(30000);

  it('agrees on every corpus line', () => {
    for (const l of readFileSync(join(fixturesDir, 'logs', 'corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((x) => x.trim())) {
      same((JSON.parse(l) as { line: string }).line);
    }
  });

  it('property "scanner matches its reference": agrees on generated lines', () => {
    fc.assert(
      fc.property(line, (t) => same(t)),
      { numRuns: 3000 },
    );
  });

  it('property "key before a bracket": keyBeforeEnd() is the regex it replaced, on key-shaped text', () => {
    const REGEX = /["']?([A-Za-z_]\w*)["']?\s*[:=]\s*$/;
    const SPACES = [
      ' ',
      '\t',
      '\u00A0',
      '\u1680',
      '\u2000',
      '\u200A',
      '\u200B',
      '\u2028',
      '\u2029',
      '\u202F',
      '\u205F',
      '\u3000',
      '\uFEFF',
      '\u0085',
      '\v',
      '\f',
    ];
    const bit = fc.constantFrom('"', "'", ':', '=', 'a', 'Z', '_', '9', '0', 'é', '-', '.', '{', ...SPACES);
    fc.assert(
      fc.property(
        fc.array(bit, { maxLength: 14 }).map((a) => a.join('')),
        fc.nat(4),
        (t, cut) => {
          const from = Math.min(cut, t.length);
          const m = REGEX.exec(t.slice(from));
          assert.deepStrictEqual(keyBeforeEnd(t, from, t.length), m ? { name: m[1], index: m.index } : undefined, JSON.stringify(t));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('property "key before a bracket, in dumps": keyBeforeOpen() is its regex, on key-shaped text', () => {
    const REGEX = /\[?(?:\\*["'])?([A-Za-z_]\w*)(?:\\*["'])?\]?\s*(?:=>|[:=])\s*$/;
    const bit = fc.constantFrom(
      '"',
      "'",
      '\\',
      '[',
      ']',
      '>',
      '=>',
      ':',
      '=',
      'a',
      'Z',
      '_',
      '9',
      'é',
      '-',
      '.',
      '{',
      ' ',
      '\u00A0',
      '\u2028',
    );
    fc.assert(
      fc.property(
        fc.array(bit, { maxLength: 14 }).map((a) => a.join('')),
        fc.nat(4),
        (t, cut) => {
          const from = Math.min(cut, t.length);
          const m = REGEX.exec(t.slice(from));
          assert.deepStrictEqual(keyBeforeOpen(t, from, t.length), m ? { name: m[1], index: m.index } : undefined, JSON.stringify(t));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('property "reference runs": referenceStarts() is the regex it replaced, on hex-shaped text', () => {
    const REGEX = /(?<![0-9A-Za-z])[0-9A-Fa-f]{32}(?![0-9A-Za-z])/g;
    const bit = fc.oneof(
      fc.constantFrom('0123456789abcdef', 'ABCDEF01', 'F', '1', 'g', 'z', 'G', '-', ' ', '_', 'é', '\u0660'),
      fc.constantFrom(...['A'.repeat(31), 'a'.repeat(32), '9'.repeat(33)]),
    );
    fc.assert(
      fc.property(
        fc.array(bit, { maxLength: 20 }).map((a) => a.join('')),
        (t) => {
          assert.deepStrictEqual(
            referenceStarts(t),
            [...t.matchAll(REGEX)].map((m) => m.index),
            JSON.stringify(t),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
