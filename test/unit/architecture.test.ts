// The rings of the house (README "Architecture"). Lint enforces them; these tests prove each rule fires, by
// linting probe text under a virtual path with the project's own ESLint configuration (nothing is written
// into src/). They also keep one home for command IDs.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { repoRoot } from '../support/paths';

/** The ring rule the project's ESLint config applies at `file`, run on `code` (type-aware rules need a real file; this one does not). */
async function ringErrors(file: string, code: string): Promise<string[]> {
  const { ESLint, Linter } = await import('eslint');
  const filename = join(repoRoot, file);
  const config = await new ESLint({ cwd: repoRoot }).calculateConfigForFile(filename);
  const rule = config?.rules?.['no-restricted-imports'];
  if (rule === undefined) return [];
  const messages = new Linter({ cwd: repoRoot }).verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: config.languageOptions.parser }, rules: { 'no-restricted-imports': rule } }],
    { filename },
  );
  assert.deepEqual(
    messages.filter((m) => m.fatal),
    [],
    'the probe parses',
  );
  return messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture: the rings', function () {
  this.timeout(60000);

  it("lint rejects an import of 'vscode' under src/core/", async () => {
    const ring = await ringErrors(
      'src/core/telesign/ring-probe.ts',
      "import * as vscode from 'vscode';\nexport const probe = typeof vscode;\n",
    );
    assert.equal(ring.length, 1, `expected one no-restricted-imports error, got: ${JSON.stringify(ring)}`);
    assert.match(ring[0], /must not know VS Code exists/);
  });

  it('the same import is allowed in src/features/', async () => {
    assert.deepEqual(
      await ringErrors('src/features/ring-probe.ts', "import * as vscode from 'vscode';\nexport const probe = typeof vscode;\n"),
      [],
    );
  });

  const forbidden: Array<[string, string, RegExp]> = [
    ['src/core/telesign/ring-probe.ts', '../../features/settings', /never imports the shell/],
    ['src/core/logs/ring-probe.ts', '../../shared/resultPanelMessages', /never imports the shell/],
    ['src/features/lookup/ring-probe.ts', '../../webview/resultPanel', /never imports the webview/],
    ['src/features/ring-probe.ts', '../extension', /never imports the webview, extension\.ts or wiring\.ts/],
    ['src/features/ring-probe.ts', '../wiring', /never imports the webview, extension\.ts or wiring\.ts/],
    ['src/webview/ring-probe.ts', '../features/resultPanel/model', /only imports shared/],
    ['src/webview/ring-probe.ts', '../core/telesign/types', /only imports shared/],
    ['src/shared/ring-probe.ts', '../core/telesign/types', /imports nothing of the extension/],
  ];
  for (const [file, spec, message] of forbidden) {
    it(`lint rejects ${spec} from ${file.replace(/\/ring-probe\.ts$/, '/')}`, async () => {
      const ring = await ringErrors(file, `import type { X } from '${spec}';\nexport type Probe = X;\n`);
      assert.equal(ring.length, 1, `expected one ring error, got: ${JSON.stringify(ring)}`);
      assert.match(ring[0], message);
    });
  }

  it('the allowed arrows stay allowed (features -> core, webview -> shared, features -> shared)', async () => {
    assert.deepEqual(
      await ringErrors('src/features/ring-probe.ts', "import type { X } from '../core/telesign/types';\nexport type Probe = X;\n"),
      [],
    );
    assert.deepEqual(
      await ringErrors('src/webview/ring-probe.ts', "import type { X } from '../shared/resultPanelMessages';\nexport type Probe = X;\n"),
      [],
    );
    assert.deepEqual(
      await ringErrors(
        'src/features/resultPanel/ring-probe.ts',
        "import type { X } from '../../shared/resultPanelMessages';\nexport type Probe = X;\n",
      ),
      [],
    );
  });
});

describe('architecture: one home for command IDs', () => {
  it('no telesign.* command ID is written as a string outside src/features/commandIds.ts', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const ids = pkg.contributes.commands.map((c) => c.command);
    assert.ok(ids.length >= 10);
    const offenders: string[] = [];
    for (const file of sourceFiles(join(repoRoot, 'src'))) {
      const rel = relative(repoRoot, file);
      if (rel === join('src', 'features', 'commandIds.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) offenders.push(`${rel}: ${id}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('commandIds.ts names exactly the commands the manifest contributes', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const module = readFileSync(join(repoRoot, 'src', 'features', 'commandIds.ts'), 'utf8');
    const ids = [...module.matchAll(/'(telesign\.\w+)'/g)].map((m) => m[1]);
    assert.deepEqual(ids.sort(), pkg.contributes.commands.map((c) => c.command).sort());
  });
});
