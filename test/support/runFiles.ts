// The files this test run's VS Code (code-server) wrote: logs, settings, global/workspace storage, caches.
import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './paths';

export function filesUnder(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12 || !existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out, depth + 1);
    else if (e.isFile() && (sizeOf(p) ?? Infinity) < 50 * 1024 * 1024) out.push(p);
  }
  return out;
}

/** VS Code writes and deletes files while a suite runs (backups of untitled editors, caches): one listed a moment
 *  ago may be gone. A file that is gone holds nothing, so readers skip it. */
const gone = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

function sizeOf(p: string): number | undefined {
  try {
    return statSync(p).size;
  } catch (e) {
    if (gone(e)) return undefined;
    throw e;
  }
}

/** The file's bytes, or undefined when it was deleted since it was listed. */
export function readRunFile(p: string): Buffer | undefined {
  try {
    return readFileSync(p);
  } catch (e) {
    if (gone(e)) return undefined;
    throw e;
  }
}

/** The run directory of this VS Code and every file under it, the installed extensions left out. */
export function runDirFiles(): { runDir: string; files: string[] } {
  const runDir = process.env.CS_PORT ? join(repoRoot, '.vscode-test-cs', `run-${process.env.CS_PORT}`) : undefined;
  assert.ok(runDir && existsSync(runDir), 'the run directory of this VS Code');
  return { runDir, files: filesUnder(runDir).filter((f) => !f.includes(`${join(runDir, 'ext')}`)) };
}
