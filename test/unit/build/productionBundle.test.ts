// The shipped bundles carry no test hooks: the production build (esbuild.js --production, what dist/ and
// media/panel.js hold in a .vsix) is built into a temporary directory and searched for what only the hooks
// contain. A development build of the same sources is searched too, so a marker that no longer matches
// anything (a renamed hook) fails here instead of passing silently.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { repoRoot } from '../../support/paths';

/** Text only the test hooks put into a bundle. */
const HOOK_MARKERS: Array<[string, RegExp]> = [
  ['the webview paint report', /innerText/],
  ['the paint report message', /["']rendered["']/],
  ['the saved-state echo', /savedState/],
  ['the extension exports for tests', /testHooks/],
  ['a globalThis registry', /Symbol\.for\(["']telesignInspector/],
];

function build(dir: string, production: boolean): { extension: string; webview: string } {
  execFileSync(process.execPath, ['esbuild.js', ...(production ? ['--production'] : []), `--out=${dir}`], { cwd: repoRoot, stdio: 'pipe' });
  return { extension: readFileSync(join(dir, 'extension.js'), 'utf8'), webview: readFileSync(join(dir, 'panel.js'), 'utf8') };
}

describe('production bundle', function () {
  this.timeout(60000);
  let dir: string;
  let production: { extension: string; webview: string };
  let development: { extension: string; webview: string };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'telesign-bundle-'));
    production = build(join(dir, 'production'), true);
    development = build(join(dir, 'development'), false);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, marker] of HOOK_MARKERS) {
    it(`has no ${what}`, () => {
      assert.doesNotMatch(production.extension, marker, `dist/extension.js holds ${what}`);
      assert.doesNotMatch(production.webview, marker, `media/panel.js holds ${what}`);
    });
  }

  it('the markers do find the hooks in a development build', () => {
    const both = development.extension + development.webview;
    const missing = HOOK_MARKERS.filter(([what, marker]) => !marker.test(both) && what !== 'a globalThis registry').map(([what]) => what);
    assert.deepEqual(missing, []);
  });
});
