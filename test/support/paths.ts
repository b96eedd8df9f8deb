// Test bundles live in out/…, so locate the repository by walking up to package.json.
import { existsSync } from 'fs';
import { dirname, join } from 'path';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'esbuild.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`repository root not found above ${start}`);
    dir = up;
  }
  return dir;
}

export const repoRoot = findRoot(__dirname);
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
