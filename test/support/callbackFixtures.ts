// The published callback bodies in test/fixtures/callbacks (see the README there), as raw bytes.
import { readFileSync } from 'fs';
import { join } from 'path';
import { fixturesDir } from './paths';

export function callbackFixture(name: string): Buffer {
  return readFileSync(join(fixturesDir, 'callbacks', name));
}
