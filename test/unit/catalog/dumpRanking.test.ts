// The key a code sits under ranks its meanings the same whether the response was logged as JSON or as a
// language's own dump of it (escaped JSON, Ruby hash, util.inspect / Go / Ruby 3.4, PHP print_r, var_dump).
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../../support/paths';
import { Catalog } from '../../../src/core/catalog';

const catalog = Catalog.fromJson(readFileSync(join(repoRoot, 'src', 'core', 'catalog', 'codes.json'), 'utf8'));

function dumps(key: string, code: string, list: boolean): Record<string, string> {
  const [o, c] = list ? ['[', ']'] : ['', ''];
  return {
    'escaped JSON': `{"msg":"telesign said {\\"${key}\\":${o}{\\"code\\":${code}}${c}}"}`,
    'Ruby hash': `{"${key}"=>${o}{"code"=>${code}}${c}}`,
    'Ruby symbols': `{:${key}=>${o}{:code=>${code}}${c}}`,
    'util.inspect': `{ ${key}: ${o} { code: ${code} } ${c} }`,
    'Go %+v': `{${key[0].toUpperCase()}${key.slice(1)}:${o}{Code:${code}}${c}}`,
    print_r: list
      ? `Array ( [${key}] => Array ( [0] => Array ( [code] => ${code} ) ) )`
      : `Array ( [${key}] => Array ( [code] => ${code} ) )`,
    var_dump: list
      ? `array(1) { ["${key}"]=> array(1) { [0]=> array(1) { ["code"]=> int(${code}) } } }`
      : `array(1) { ["${key}"]=> array(1) { ["code"]=> int(${code}) } }`,
  };
}

const best = (code: string, context: string): string => {
  const m = catalog.explain(code, context)[0];
  return m ? `${m.entry.family} ${m.entry.text}` : 'none';
};

describe('Catalog.explain ranking on language dumps', () => {
  const cases: Array<[string, string, boolean]> = [
    ['10011', 'errors', true],
    ['3204', 'errors', true],
    ['3041', 'errors', true],
    ['3000', 'status', false],
    ['3204', 'status', false],
  ];
  for (const [code, key, list] of cases) {
    it(`${code} under ${key} ranks as in JSON in every dump`, () => {
      const json = `{"${key}":${list ? '[' : ''}{"code":${code}}${list ? ']' : ''}}`;
      const want = best(code, json);
      const wrong = Object.entries(dumps(key, code, list))
        .map(([name, line]) => [name, best(code, line)])
        .filter(([, got]) => got !== want)
        .map(([name, got]) => `${name}: ${got}`);
      assert.deepStrictEqual(wrong, [], `JSON gives ${want}`);
    });
  }
});
