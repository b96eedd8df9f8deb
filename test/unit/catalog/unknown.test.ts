// A code the catalog lacks: said so, with a search of Telesign's docs that carries only the number.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../../support/paths';
import { ALL_CODES_URL, Catalog, docsSearchUrl, unknownCodeHelp } from '../../../src/core/catalog';

const catalog = Catalog.fromJson(readFileSync(join(repoRoot, 'src', 'core', 'catalog', 'codes.json'), 'utf8'));

describe('catalog: unknown codes', () => {
  it('a code with no documented meaning gets a message and a docs search for exactly that number', () => {
    assert.deepStrictEqual(catalog.explain('7777', '{"code": 7777}'), []);
    const help = unknownCodeHelp(' \u22127777 ')!;
    assert.strictEqual(help.code, '-7777');
    assert.match(help.message, /not in Telesign Inspector's catalog/);
    const url = new URL(help.searchUrl);
    assert.strictEqual(url.protocol, 'https:');
    assert.strictEqual(url.searchParams.get('q'), 'site:developer.telesign.com "-7777"');
    assert.strictEqual(help.allCodesUrl, ALL_CODES_URL);
  });

  it('refuses anything that is not an integer code, so no other text reaches the URL', () => {
    for (const bad of ['', 'abc', '3204 api_key=secret', '12.5', '1e5', '"3204"']) {
      assert.strictEqual(unknownCodeHelp(bad), undefined, bad);
      assert.strictEqual(docsSearchUrl(bad), undefined, bad);
    }
  });
});
