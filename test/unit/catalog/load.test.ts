// Loading the catalog from disk, validation of malformed data, and the shared lazy loader the
// features use (it touches VS Code only through ExtensionContext.asAbsolutePath).
import * as assert from 'assert';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { repoRoot } from '../../support/paths';
import { Catalog, loadCatalog } from '../../../src/core/catalog';
import { catalogLoader, CATALOG_FILE } from '../../../src/features/catalogLoader';

const codesPath = join(repoRoot, 'src', 'core', 'catalog', 'codes.json');

function minimal(code: Record<string, unknown>): string {
  return JSON.stringify({
    version: 't',
    source: 'test',
    families: { fam: { label: 'Fam', docsUrl: 'https://developer.telesign.com/x' } },
    codes: [
      {
        code: '1',
        text: 't',
        family: 'fam',
        httpStatus: null,
        final: null,
        retryable: false,
        explanation: 'e',
        action: 'a',
        source: 's',
        ...code,
      },
    ],
  });
}

describe('loadCatalog', () => {
  it('reads the shipped codes.json', async () => {
    const catalog = await loadCatalog(codesPath);
    assert.ok(catalog.entries().length >= 351);
    assert.strictEqual(catalog.family('verify-error')?.label, 'SMS Verify / Voice Verify errors');
    const [expired] = catalog.get('-10004');
    assert.ok(expired.docsUrl.startsWith('https://'));
  });

  it('is never imported by source code, so it stays out of the 150 KB bundle', () => {
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
      );
    const importers = walk(join(repoRoot, 'src')).filter((f) =>
      /(?:import[^;]*|require\()\s*['"][^'"]*codes\.json['"]/.test(readFileSync(f, 'utf8')),
    );
    assert.deepStrictEqual(importers, []);
  });

  it('rejects with the path when the file is missing', async () => {
    await assert.rejects(loadCatalog(join(tmpdir(), 'no-such-dir-telesign', 'codes.json')), /ENOENT/);
  });
});

describe('Catalog.fromJson validation', () => {
  it('accepts a minimal valid file and falls back to the family docs URL', () => {
    const c = Catalog.fromJson(minimal({}));
    assert.strictEqual(c.get(1)[0].docsUrl, 'https://developer.telesign.com/x');
    assert.strictEqual(c.get('1')[0].familyLabel, 'Fam');
  });

  const broken: Array<[string, Record<string, unknown>, RegExp]> = [
    ['undeclared family', { family: 'other' }, /codes\[0\].*family "other" is not declared/],
    ['non-integer code', { code: '12a' }, /codes\[0\].*not an integer/],
    ['string httpStatus', { httpStatus: '503' }, /httpStatus/],
    ['string final', { final: 'yes' }, /final/],
    ['missing retryable', { retryable: undefined }, /retryable/],
    ['missing explanation', { explanation: undefined }, /explanation/],
  ];
  for (const [what, patch, error] of broken) {
    it(`rejects ${what}`, () => assert.throws(() => Catalog.fromJson(minimal(patch)), error));
  }

  it('rejects a file that is not a catalog', () => {
    assert.throws(() => Catalog.fromJson('[]'), /top level/);
    assert.throws(() => Catalog.fromJson('{"version":"1","families":{}}'), /"codes" must be an array/);
  });
});

describe('catalogLoader (features/catalogLoader)', () => {
  let dir = '';
  let asked: string[] = [];
  const context = { asAbsolutePath: (p: string) => (asked.push(p), join(dir, p)) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telesign-catalog-'));
    asked = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads dist/codes.json once and shares the promise per context', async () => {
    mkdirSync(join(dir, 'dist'));
    copyFileSync(codesPath, join(dir, CATALOG_FILE));
    const ctx = { ...context };
    const load = catalogLoader(ctx);
    const [a, b] = await Promise.all([load(), load()]);
    assert.strictEqual(a, b);
    assert.strictEqual(await catalogLoader(ctx)(), a, 'a second loader for the same context shares the cache');
    assert.deepStrictEqual(asked, [CATALOG_FILE]);
  });

  it('forgets a failed load so the next call retries', async () => {
    const ctx = { ...context };
    const load = catalogLoader(ctx);
    await assert.rejects(load(), /ENOENT/);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, CATALOG_FILE), minimal({}));
    const catalog = await load();
    assert.strictEqual(catalog.entries().length, 1);
    assert.strictEqual(asked.length, 2);
  });
});
