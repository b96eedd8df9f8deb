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

interface Bundles {
  /** dist/extension.js and dist/wiring.js: the front door and the features it loads on first use. */
  extension: string;
  frontDoor: string;
  webview: string;
}

function build(dir: string, production: boolean): Bundles {
  execFileSync(process.execPath, ['esbuild.js', ...(production ? ['--production'] : []), `--out=${dir}`], { cwd: repoRoot, stdio: 'pipe' });
  const frontDoor = readFileSync(join(dir, 'extension.js'), 'utf8');
  return {
    frontDoor,
    extension: frontDoor + readFileSync(join(dir, 'wiring.js'), 'utf8'),
    webview: readFileSync(join(dir, 'panel.js'), 'utf8'),
  };
}

describe('production bundle', function () {
  this.timeout(60000);
  let dir: string;
  let production: Bundles;
  let development: Bundles;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'telesign-bundle-'));
    production = build(join(dir, 'production'), true);
    development = build(join(dir, 'development'), false);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, marker] of HOOK_MARKERS) {
    it(`has no ${what}`, () => {
      assert.doesNotMatch(production.extension, marker, `dist/extension.js or dist/wiring.js holds ${what}`);
      assert.doesNotMatch(production.webview, marker, `media/panel.js holds ${what}`);
    });
  }

  it('the markers do find the hooks in a development build', () => {
    const both = development.extension + development.webview;
    const missing = HOOK_MARKERS.filter(([what, marker]) => !marker.test(both) && what !== 'a globalThis registry').map(([what]) => what);
    assert.deepEqual(missing, []);
  });

  // What every window loads: no HTTP client, no catalog, no panel, no log scanner beyond the reference-ID
  // pattern; those are in dist/wiring.js, required on first use.
  it('the front door is small and leaves the features to dist/wiring.js', () => {
    assert.ok(production.frontDoor.length < 24 * 1024, `dist/extension.js is ${production.frontDoor.length} bytes`);
    assert.match(production.frontDoor, /require\(["']\.\/wiring\.js["']\)/);
    for (const [what, marker] of [
      ['node-fetch', /node-fetch|fetch-blob|formdata-polyfill/],
      ['the result panel', /Content-Security-Policy/],
      ['the code catalog loader', /codes\.json/],
      ['Digest signing', /createHmac/],
    ] as const) {
      assert.doesNotMatch(production.frontDoor, marker, `the front door holds ${what}`);
      assert.match(development.extension, marker, `the marker for ${what} still finds it in the features`);
    }
  });
});
