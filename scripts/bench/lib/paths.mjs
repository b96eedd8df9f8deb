// Where the benchmark reads and writes: results in bench/, scratch files in bench/tmp/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BENCH = join(ROOT, 'bench');
export const TMP = join(BENCH, 'tmp');
export const OUT = join(ROOT, 'out', 'scripts', 'bench');
mkdirSync(TMP, { recursive: true });
