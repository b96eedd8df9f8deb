// Every string the extension passes to vscode.l10n.t is in the bundle that `npm run l10n` generates with
// @vscode/l10n-dev (the manifest's "l10n" field points at it), so a translation can cover all of them; and
// every call passes a literal, which is the only thing the tooling can extract.
import * as assert from 'assert';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../../support/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

function l10nCalls(file: string): { text?: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { text?: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(sf))) {
      const arg = node.arguments[0];
      const where = `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      out.push({ where, ...(arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? { text: arg.text } : {}) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('l10n bundle', () => {
  const root = repoRoot;
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { l10n?: string };

  it('the manifest names the bundle folder and the bundle has every vscode.l10n.t string', () => {
    assert.strictEqual(manifest.l10n, './l10n');
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const calls = sources(join(root, 'src')).flatMap(l10nCalls);
    assert.ok(calls.length > 100, `found only ${calls.length} l10n.t calls`);
    const notLiteral = calls.filter((c) => c.text === undefined).map((c) => c.where);
    assert.deepStrictEqual(notLiteral, [], 'l10n.t needs a string literal the tooling can extract');
    const missing = [...new Set(calls.map((c) => c.text as string).filter((t) => !(t in bundle)))];
    assert.deepStrictEqual(missing, [], 'strings missing from l10n/bundle.l10n.json: run `npm run l10n`');
  });
});
