// Log files under test/fixtures/logs/dumps/ (responses printed by each language's own dump, over several
// lines) against the answer written beside each one in <name>.expected.json.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { summarizeFile } from '../../../src/core/logs/summarize';
import { fixturesDir } from '../../support/paths';

interface Expected {
  codes: Record<string, [number, number]>;
  references: Record<string, number>;
}

const dir = join(fixturesDir, 'logs', 'dumps');

describe('logs/summarize on multi-line language dumps', () => {
  const logs = readdirSync(dir).filter((n) => n.endsWith('.log'));

  it('has fixtures, each with its expected answer', () => {
    assert.ok(logs.length > 0);
    for (const n of logs) assert.ok(readdirSync(dir).includes(n.replace(/\.log$/, '.expected.json')), n);
  });

  for (const name of logs) {
    it(`finds exactly the expected codes and reference IDs in ${name}`, async () => {
      const want = JSON.parse(readFileSync(join(dir, name.replace(/\.log$/, '.expected.json')), 'utf8')) as Expected;
      const s = await summarizeFile(join(dir, name));
      const codes = Object.fromEntries(s.codes.map((c) => [c.code, [c.firstLine, c.lastLine]]));
      const refs = Object.fromEntries(s.references.map((r) => [r.referenceId, r.count]));
      assert.deepStrictEqual(codes, want.codes);
      assert.deepStrictEqual(refs, want.references);
    });
  }
});
