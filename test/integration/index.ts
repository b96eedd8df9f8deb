// extensionTestsPath module: the extension host require()s it and awaits run(); a rejection = failure.
// Runs every *.test.js bundled beside it. MOCHA_GREP (from the environment code-server was started with)
// narrows the run.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, grep: process.env.MOCHA_GREP });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  console.log(
    `integration tests in VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, node ${process.version})`,
  );
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
      if (failures) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
