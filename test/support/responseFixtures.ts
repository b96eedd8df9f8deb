// Loads the published example bodies in ./fixtures (copied from the API reference §3).
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './paths';

export const telesignFixturesDir = join(repoRoot, 'test', 'fixtures', 'responses');

export function fixtureText(name: string): string {
  return readFileSync(join(telesignFixturesDir, name), 'utf8');
}
