// npm run package: builds telesign-inspector-<version>.vsix with @vscode/vsce (vscode:prepublish runs the
// type-check, lint and production build), then lists what it holds and fails if anything beyond the
// shipped set slipped in: dist/, media/, package.json (+ nls), README, CHANGELOG, LICENSE.
//   --out FILE   write the .vsix there instead of the repository root
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const outIdx = process.argv.indexOf('--out');
const out = outIdx > 0 ? process.argv[outIdx + 1] : `${pkg.name}-${pkg.version}.vsix`;

// No public repository yet: keep README's relative links as they are rather than guessing a host.
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  stdio: 'inherit',
});

/** Entry names of a zip file, read from its central directory (a .vsix is a zip). */
export function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const entries = zipEntries(out);
const files = entries.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
const allowed =
  /^(dist\/(extension\.js|wiring\.js|summaryWorker\.js|codes\.json)|media\/[^/]+\.(png|svg|css|js)|media\/walkthrough\/[^/]+\.md|package\.json|package\.nls(\.[a-z-]+)?\.json|readme\.md|changelog\.md|license(\.txt)?|l10n\/bundle\.l10n(\.[a-z-]+)?\.json)$/i;
const unexpected = files.filter((f) => !allowed.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
console.log(`\n${out} (${(statSync(out).size / 1024).toFixed(1)} KB):`);
for (const f of files) console.log(`  ${f}`);
for (const needed of [
  'dist/extension.js',
  'dist/wiring.js',
  'dist/summaryWorker.js',
  'package.json',
  'readme.md',
  'changelog.md',
  'LICENSE.txt',
]) {
  if (!files.some((f) => f.toLowerCase() === needed.toLowerCase())) unexpected.push(`(missing) ${needed}`);
}
if (unexpected.length) {
  console.error(`\nunexpected package contents:\n  ${unexpected.join('\n  ')}`);
  process.exit(1);
}
console.log('package contents ok');
