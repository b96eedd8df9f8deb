// npm run test:desktop: the same integration suite on desktop VS Code via @vscode/test-electron, for
// contributors whose machine can download VS Code (it cannot on this project's CI, where the suite runs in
// code-server instead: npm run test:integration). VSCODE_VERSION picks the build: "stable" (default), or
// "1.85.0" — the oldest version we support (engines.vscode) — to run on both ends of the range.
import { runTests } from '@vscode/test-electron';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const version = process.env.VSCODE_VERSION ?? 'stable';
try {
  const code = await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(root, 'out/test/integration/index.js'),
    launchArgs: [resolve(root, 'test/fixtures/ws'), '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
} catch (e) {
  console.error(`desktop integration tests could not run on VS Code ${version}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
