// The bundled tests find the repository (support/paths.ts) from out/…, whatever the working directory.
import * as assert from 'assert';
import { repoRoot } from '../../support/paths';
import { existsSync } from 'fs';
import { join } from 'path';

describe('test harness', () => {
  it('finds the repository root from the bundled test', () => {
    assert.ok(existsSync(join(repoRoot, 'src', 'core', 'telesign', 'types.ts')));
  });
});
