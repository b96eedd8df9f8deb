// The functional core never imports 'vscode' (architecture guide). Lint enforces it; this proves the rule
// fires, by linting a probe file placed in src/core with the project's own ESLint configuration.
import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../support/paths';

describe('architecture: the core/shell ring', function () {
  this.timeout(60000);

  it("lint rejects an import of 'vscode' under src/core/", async () => {
    const dir = mkdtempSync(join(repoRoot, 'src', 'core', 'ring-probe-'));
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, "import * as vscode from 'vscode';\nexport const probe = typeof vscode;\n");
    try {
      const { ESLint } = await import('eslint');
      const [result] = await new ESLint({ cwd: repoRoot }).lintFiles([probe]);
      const ring = result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
      assert.equal(ring.length, 1, `expected one no-restricted-imports error, got: ${JSON.stringify(result.messages)}`);
      assert.match(ring[0].message, /must not know VS Code exists/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the same import is allowed in src/features/", async () => {
    const dir = mkdtempSync(join(repoRoot, 'src', 'features', 'ring-probe-'));
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, "import * as vscode from 'vscode';\nexport const probe = typeof vscode;\n");
    try {
      const { ESLint } = await import('eslint');
      const [result] = await new ESLint({ cwd: repoRoot }).lintFiles([probe]);
      assert.deepEqual(result.messages.filter((m) => m.ruleId === 'no-restricted-imports'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
