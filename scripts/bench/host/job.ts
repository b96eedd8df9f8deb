// The job a bench window runs, written by scripts/bench/lib/vscode.mjs before it opens the window.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../../../test/support/paths';

export interface Job {
  readonly outFile: string;
  readonly [key: string]: unknown;
}

export function readJob<T extends Job>(): T {
  return JSON.parse(readFileSync(join(repoRoot, 'bench', 'tmp', 'host-job.json'), 'utf8')) as T;
}

/** Writes the result for the orchestrator; errors are reported in the result, and rethrown so the exit code says so. */
export async function runJob<T extends Job>(body: (job: T) => Promise<Record<string, unknown>>): Promise<void> {
  const job = readJob<T>();
  try {
    writeFileSync(job.outFile, JSON.stringify(await body(job)));
  } catch (e) {
    const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    writeFileSync(job.outFile, JSON.stringify({ error }));
    throw e;
  }
}

export const log = (message: string): void => console.log(`[bench] ${message}`);
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
