// The pure scanner in Node, per call: findingAt (what a hover does) and scanLine on the log corpus's lines,
// and findingAt / scanLine on one 1 MB line. Prints one JSON line of raw samples in microseconds.
import { readFileSync } from 'fs';
import { join } from 'path';
import { findingAt, scanLine } from '../../../src/core/logs/scanner';
import { repoRoot } from '../../../test/support/paths';

const rounds = Number(process.argv[2] ?? 100);
const us = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1000;

const lines = readFileSync(join(repoRoot, 'test', 'fixtures', 'logs', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { line: string }).line);
// A cursor on every finding's first character, and on one plain character of each line (the common miss).
const cursors = lines.flatMap((line) => [...scanLine(line).map((f) => ({ line, at: f.start })), { line, at: Math.floor(line.length / 2) }]);

// One 1 MB line: a JSON array of gateway records, codes and IDs all along it.
function longLine(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1 << 20; i++) {
    const p = `{"ts":"2026-11-23T09:14:${String(i % 60).padStart(2, '0')}Z","reference_id":"${(i * 2654435761).toString(16).toUpperCase().padStart(32, 'A').slice(-32)}","status":{"code":${[3000, 3001, 3112, 3204][i % 4]},"description":"Delivered"},"port":5432,"bytes":${i * 13}},`;
    parts.push(p);
    size += p.length;
  }
  return `[${parts.join('')}]`;
}

function main(): void {
  const findingAtUs: number[] = [];
  const scanLineUs: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds + 20; r++) {
    const keep = r >= 20; // the first rounds warm the JIT
    for (const c of cursors) {
      const t0 = process.hrtime.bigint();
      const f = findingAt(c.line, c.at);
      const dt = us(t0);
      if (f) sink++;
      if (keep) findingAtUs.push(dt);
    }
    for (const line of lines) {
      const t0 = process.hrtime.bigint();
      sink += scanLine(line).length;
      const dt = us(t0);
      if (keep) scanLineUs.push(dt);
    }
  }
  const long = longLine();
  const longFindingAtUs: number[] = [];
  const longCursors = 2000;
  for (let k = 0; k < longCursors + 200; k++) {
    const at = Math.floor(((k * 7919) % 1000003) / 1000003 * long.length);
    const t0 = process.hrtime.bigint();
    if (findingAt(long, at)) sink++;
    const dt = us(t0);
    if (k >= 200) longFindingAtUs.push(dt);
  }
  const longScanLineUs: number[] = [];
  let longFindings = 0;
  for (let k = 0; k < 6; k++) {
    const t0 = process.hrtime.bigint();
    longFindings = scanLine(long).length;
    const dt = us(t0);
    if (k >= 1) longScanLineUs.push(dt);
  }
  process.stdout.write(
    JSON.stringify({
      corpusLines: lines.length,
      cursors: cursors.length,
      meanLineChars: Math.round(lines.reduce((a, l) => a + l.length, 0) / lines.length),
      rounds,
      findingAtUs,
      scanLineUs,
      longChars: long.length,
      longFindingAtUs,
      longScanLineUs,
      longFindings,
      sink,
    }) + '\n',
  );
}

main();
