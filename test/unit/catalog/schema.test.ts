// codes.json is hand-reviewed data that ships with the extension: these checks keep it complete, typed,
// and written in our own words.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fixturesDir, repoRoot } from '../../support/paths';
import { Catalog } from '../../../src/core/catalog';

const codesPath = join(repoRoot, 'src', 'core', 'catalog', 'codes.json');
const referencePath = join(fixturesDir, 'reference', 'telesign-codes.json');

interface ReferenceEntry {
  code: string;
  text: string;
  description: string;
  final: boolean | null;
  httpStatus: number | null;
  category: string;
}

const raw = JSON.parse(readFileSync(codesPath, 'utf8'));
const codes: Array<Record<string, unknown>> = raw.codes;

/** Case- and whitespace-insensitive form, for "did we copy this sentence" checks. */
function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

describe('codes.json schema', () => {
  it('has version, source and declared families with label and docs URL', () => {
    assert.strictEqual(typeof raw.version, 'string');
    assert.ok(raw.source.length > 40, 'source says where the data came from');
    const families = Object.entries(raw.families as Record<string, { label: string; docsUrl: string }>);
    assert.ok(families.length >= 10);
    for (const [id, f] of families) {
      assert.ok(f.label.length > 3, `${id} label`);
      assert.match(f.docsUrl, /^https:\/\//, `${id} docsUrl`);
    }
  });

  it('types every field of every code', () => {
    assert.ok(codes.length >= 351);
    for (const [i, c] of codes.entries()) {
      const at = `codes[${i}] ${String(c.code)}`;
      assert.match(c.code as string, /^-?\d+$/, at);
      assert.strictEqual(typeof c.text, 'string', at);
      assert.ok((c.family as string) in raw.families, `${at}: family ${String(c.family)} is declared`);
      assert.ok(
        c.httpStatus === null || (Number.isInteger(c.httpStatus) && (c.httpStatus as number) >= 100 && (c.httpStatus as number) < 600),
        at,
      );
      assert.ok(c.final === null || typeof c.final === 'boolean', at);
      assert.strictEqual(typeof c.retryable, 'boolean', at);
      assert.ok(typeof c.explanation === 'string' && c.explanation.length >= 25, `${at}: explanation`);
      assert.ok(typeof c.action === 'string' && c.action.length >= 8, `${at}: action`);
      assert.match(c.docsUrl as string, /^https:\/\/[a-z.]*telesign\.com\//, at);
      assert.ok(typeof c.source === 'string' && c.source.length > 10, at);
    }
  });

  it('has no empty or duplicate explanations', () => {
    const seen = new Map<string, string>();
    for (const c of codes) {
      const key = squash(c.explanation as string);
      assert.ok(key.length > 0);
      assert.ok(!seen.has(key), `${String(c.code)} repeats the explanation of ${seen.get(key)}`);
      seen.set(key, `${String(c.family)} ${String(c.code)}`);
    }
  });

  it('keeps each meaning once: (code, family, text) is unique', () => {
    // (code, family) alone is not unique in Telesign's own lists: -10001, -20001 and 10031 carry
    // several texts within one family.
    const keys = codes.map((c) => `${String(c.code)}|${String(c.family)}|${String(c.text)}`);
    assert.strictEqual(new Set(keys).size, keys.length);
  });

  it('loads through Catalog.fromJson with the same count', () => {
    const catalog = Catalog.fromJson(readFileSync(codesPath, 'utf8'));
    assert.strictEqual(catalog.entries().length, codes.length);
    assert.strictEqual(catalog.families().length, Object.keys(raw.families).length);
  });

  describe('against the research file (vendored in test/fixtures/reference)', function () {
    let reference: ReferenceEntry[] = [];
    before(function () {
      reference = JSON.parse(readFileSync(referencePath, 'utf8'));
    });

    it('contains every reference entry with its facts unchanged', () => {
      assert.strictEqual(reference.length, 351);
      for (const r of reference) {
        const hit = codes.find((c) => c.code === r.code && c.family === r.category && c.text === r.text);
        assert.ok(hit, `missing ${r.category} ${r.code} ${r.text}`);
        assert.strictEqual(hit.final, r.final, `${r.code} final`);
        assert.strictEqual(hit.httpStatus, r.httpStatus, `${r.code} httpStatus`);
      }
    });

    it("explains in our own words: no explanation or action contains Telesign's description", () => {
      for (const r of reference) {
        const desc = squash(r.description);
        if (!desc) continue;
        for (const c of codes.filter((x) => x.code === r.code && x.family === r.category)) {
          assert.notStrictEqual(squash(c.explanation as string), desc, `${r.code}: explanation equals the description`);
        }
        // Very short descriptions are usually just the code's text ("Invalid API Key."), which we may quote.
        if (desc.length < 20) continue;
        const hits = codes.filter((c) => c.code === r.code && c.family === r.category);
        for (const c of hits) {
          assert.ok(!squash(c.explanation as string).includes(desc), `${r.code}: explanation copies the description`);
          assert.ok(!squash(c.action as string).includes(desc), `${r.code}: action copies the description`);
        }
      }
    });
  });
});
