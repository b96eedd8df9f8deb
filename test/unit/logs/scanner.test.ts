import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { findingAt, scanLine, scanRange, type CodeFinding } from '../../../src/core/logs/scanner';
import { fixturesDir } from '../../support/paths';

interface CorpusRow {
  line: string;
  codes: string[];
  refs: string[];
  note: string;
}

const corpus: CorpusRow[] = readFileSync(join(fixturesDir, 'logs', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as CorpusRow);

describe('logs/scanner', () => {
  it('has a corpus of at least 80 lines, traps included', () => {
    assert.ok(corpus.length >= 80, `corpus has ${corpus.length} lines`);
    assert.ok(corpus.filter((r) => r.codes.length === 0).length >= 30, 'at least 30 lines must give no code');
  });

  it('finds exactly the expected codes and reference IDs on every corpus line', () => {
    const mismatches: string[] = [];
    corpus.forEach((row, i) => {
      const found = scanLine(row.line);
      const codes = found.filter((f) => f.kind === 'code').map((f) => f.code);
      const refs = found.filter((f) => f.kind === 'reference').map((f) => f.value);
      if (JSON.stringify(codes) !== JSON.stringify(row.codes) || JSON.stringify(refs) !== JSON.stringify(row.refs)) {
        mismatches.push(
          `#${i + 1} (${row.note || 'no note'}): codes ${JSON.stringify(codes)} want ${JSON.stringify(row.codes)}; refs ${JSON.stringify(refs)} want ${JSON.stringify(row.refs)}\n    ${row.line}`,
        );
      }
      for (const f of found) {
        const text = row.line.slice(f.start, f.end);
        const expected = f.kind === 'code' ? f.code : f.value;
        if (text !== expected) mismatches.push(`#${i + 1}: span ${f.start}-${f.end} is "${text}", finding says "${expected}"`);
      }
    });
    assert.strictEqual(mismatches.length, 0, `\n${mismatches.join('\n')}`);
  });

  it('reports where a code sits, for the catalog to rank meanings', () => {
    const line = corpus.find((r) => r.line.includes('"channel_status"'))!.line;
    const codes = scanLine(line).filter((f): f is CodeFinding => f.kind === 'code');
    assert.deepStrictEqual(
      codes.map((c) => c.keyPath),
      ['channel_status[].viber.code', 'channel_status[].whatsapp.code'],
    );

    const verify = scanLine('GET /v1/verify/0123456789ABCDEF0123456789ABCDEF -> 404 {"errors":[{"code":-10004}],"status":{"code":599}}');
    const [err, status] = verify.filter((f): f is CodeFinding => f.kind === 'code');
    assert.strictEqual(err.keyPath, 'errors[].code');
    assert.ok(err.evidence.includes('sign:negative'));
    assert.ok(err.evidence.includes('endpoint:verify'));
    assert.strictEqual(status.keyPath, 'status.code');
    assert.strictEqual(status.endpoint, 'verify');

    const dotted = scanLine('telesign reference_id=364C81F5F3D0020C91E7A731DE93A777 status.code=3001');
    assert.strictEqual((dotted[1] as CodeFinding).keyPath, 'status.code');
    assert.ok((dotted[1] as CodeFinding).evidence.includes('reference-id'));
  });

  it('findingAt returns the finding under the cursor and nothing between findings', () => {
    const line = '2026-11-23 WARN GET /v1/omnichannel/364C81F5F3D0020C91E7A731DE93A777 -> 429 {"status":{"code":3204}}';
    const at = (s: string, d = 0) => findingAt(line, line.indexOf(s) + d);
    assert.strictEqual(at('3204')?.kind, 'code');
    assert.strictEqual((at('3204', 3) as CodeFinding).code, '3204');
    assert.strictEqual(at('3204', 4), undefined, 'the quote after the number');
    assert.strictEqual(at('364C', 31)?.kind, 'reference');
    assert.strictEqual(at('429'), undefined, 'bare HTTP status');
    assert.strictEqual(at('2026'), undefined, 'timestamp');
    assert.strictEqual(findingAt(line, -1), undefined);
    assert.strictEqual(findingAt(line, line.length), undefined);
  });

  it('findingAt on a 1 MB single line looks only at a window around the cursor', () => {
    const body = '{"status":{"code":3204,"description":"Rate limit exceeded"}} ';
    const filler = 'x'.repeat(1024 * 1024);
    const line = `${filler}${body}${filler}`;
    const pos = line.indexOf('3204') + 1;
    const f = findingAt(line, pos);
    assert.strictEqual(f?.kind, 'code');
    assert.strictEqual(line.slice(f.start, f.end), '3204');
    // A code the window cannot see is not reported, even though scanLine would find it: proof of windowing.
    const far = `${body}${'y'.repeat(10_000)}`;
    assert.strictEqual(findingAt(far, far.length - 1), undefined);
    assert.strictEqual(findingAt(far, far.indexOf('3204'))?.kind, 'code');
    // A window edge never yields half a number or half an ID.
    const ref = '364C81F5F3D0020C91E7A731DE93A777';
    const edge = `${'z '.repeat(2000)}${ref}${' z'.repeat(2000)}`;
    const hit = findingAt(edge, edge.indexOf(ref) + 31, { window: 100 });
    assert.strictEqual(hit?.kind === 'reference' && hit.value, ref);
    const r0 = edge.indexOf(ref);
    assert.deepStrictEqual(
      scanRange(edge, r0 + 1, edge.length).filter((x) => x.kind === 'reference'),
      [],
      'cut on the left',
    );
    assert.deepStrictEqual(
      scanRange(edge, 0, r0 + 31).filter((x) => x.kind === 'reference'),
      [],
      'cut on the right',
    );
    assert.strictEqual(scanRange(edge, r0 - 1, r0 + 33).length, 1);
  });
});
