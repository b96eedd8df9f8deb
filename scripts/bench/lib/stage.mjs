// The extension as it ships, built in a staging folder (bench/tmp/stage) so the benchmark never rewrites
// the working tree's dist/ while other work uses it: the repository's own esbuild.js --production run with
// the stage as its working directory (src/ linked), then @vscode/vsce packaging the stage with the
// repository's .vscodeignore. The stage manifest differs from package.json in one way only: no
// vscode:prepublish (type-check + lint, which the bench does not need to time).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TMP } from './paths.mjs';

export const STAGE = join(TMP, 'stage');
/** The development build (not minified), staged the same way: only for the activation profile. */
export const STAGE_DEV = join(TMP, 'stage-dev');
const SHIPPED = ['package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'l10n'];

/** Builds the stage and the .vsix; returns sizes and the file list of the package. */
function stageTo(dir, buildArgs) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
  for (const f of SHIPPED) {
    if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f), { recursive: true, filter: (p) => !p.endsWith('.map') });
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete pkg.scripts['vscode:prepublish'];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync(process.execPath, [join(ROOT, 'esbuild.js'), ...buildArgs], { cwd: dir, stdio: 'ignore' });
}

/** The development build in STAGE_DEV, manifest as for activation timing; returns its bundle path. */
export function buildDevStage() {
  stageTo(STAGE_DEV, []);
  stageForActivationTiming(STAGE_DEV);
  return join(STAGE_DEV, 'dist', 'extension.js');
}

export function buildStage() {
  stageTo(STAGE, ['--production']);
  const vsix = join(TMP, 'telesign-inspector.vsix');
  rmSync(vsix, { force: true });
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: STAGE,
    stdio: 'ignore',
  });
  return {
    bundleBytes: statSync(join(STAGE, 'dist', 'extension.js')).size,
    wiringBytes: statSync(join(STAGE, 'dist', 'wiring.js')).size,
    codesJsonBytes: statSync(join(STAGE, 'dist', 'codes.json')).size,
    panelJsBytes: statSync(join(STAGE, 'media', 'panel.js')).size,
    vsixBytes: statSync(vsix).size,
    vsix,
  };
}

/**
 * The stage manifest for timing activation: without the activation events that fire on their own
 * (onStartupFinished), so the extension is still inactive when the bench module calls ext.activate().
 * activate() and the bundle are unchanged.
 */
export function stageForActivationTiming(dir = STAGE) {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.activationEvents = (pkg.activationEvents ?? []).filter((e) => e !== 'onStartupFinished' && e !== '*');
  writeFileSync(file, JSON.stringify(pkg, null, 2));
  return pkg.activationEvents;
}
