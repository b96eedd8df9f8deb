// A big UTF-8 log summarised in byte ranges at once, one per core, then merged (core/logs/merge.ts) into
// exactly what one pass gives. Ranges are cut just after a '\n', so each starts on a line of its own; a range
// that hit a cap is counted again for the kept keys it dropped. `run` does one range (a worker thread in the
// extension, summarizeRange in-process in tests).
import { constants, promises as fsp } from 'fs';
import { keptKeys, mergeParts, orderedNotes, recountsNeeded } from './merge';
import { sniffEncoding } from './logFile';
import type { LogSummary, RangePart } from './summaryTypes';

export interface RangeJob {
  readonly start: number;
  readonly end: number;
  /** The file the ranges were cut from: a range refuses a file replaced since (log rotation). */
  readonly ino?: number;
  readonly only?: { readonly refs: string[]; readonly codes: string[] };
}

export type RunRange = (job: RangeJob, onProgress: (read: number) => void) => Promise<RangePart>;

/** How far past a cut point to look for the line end (a longer line stays whole in the range before). */
const LOOK_AHEAD = 1024 * 1024;

/**
 * Byte ranges for `parts` workers, each at least `minBytes`, or one range when splitting does not pay or
 * cannot be exact (UTF-16, or no line end near a cut).
 */
export async function planRanges(file: string, parts: number, minBytes: number): Promise<RangeJob[]> {
  // Only a regular file is split (a FIFO, a device or /proc is left to one pass, which refuses it by name);
  // opened non-blocking in case it was swapped for a FIFO since.
  const before = await fsp.stat(file);
  const whole = [{ start: 0, end: before.size }];
  if (!before.isFile() || Math.min(parts, Math.floor(before.size / minBytes)) < 2) return whole;
  const handle = await fsp.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    const { size } = stat;
    const n = Math.min(parts, Math.floor(size / minBytes));
    if (!stat.isFile() || n < 2) return [{ start: 0, end: size }];
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (sniffEncoding(head).encoding !== 'utf8') return [{ start: 0, end: size }];
    const cuts: number[] = [];
    const buf = Buffer.allocUnsafe(LOOK_AHEAD);
    for (let i = 1; i < n; i++) {
      const at = Math.max(Math.floor((size * i) / n), cuts.at(-1) ?? 0);
      const { bytesRead } = await handle.read(buf, 0, LOOK_AHEAD, at);
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl >= 0 && at + nl + 1 < size) cuts.push(at + nl + 1);
    }
    const bounds = [0, ...new Set(cuts), size];
    return bounds.slice(1).map((end, i) => ({ start: bounds[i], end, ino: stat.ino }));
  } finally {
    await handle.close();
  }
}

export interface ParallelOptions {
  readonly maxReferences: number;
  readonly maxCodes: number;
  readonly onProgress?: (read: number, total: number) => void;
}

/** Runs every range, then the recounts the caps call for, and merges; a cancelled run keeps the ranges that
 *  finished before the first one that stopped (so counts still cover one prefix of the file). */
export async function summarizeRanges(file: string, ranges: RangeJob[], run: RunRange, opts: ParallelOptions): Promise<LogSummary> {
  const total = ranges.reduce((n, r) => n + (r.end - r.start), 0);
  const read = ranges.map(() => 0);
  const report = (i: number, bytes: number): void => {
    read[i] = bytes;
    opts.onProgress?.(
      read.reduce((a, b) => a + b, 0),
      total,
    );
  };
  const parts = await Promise.all(ranges.map((r, i) => run(r, (bytes) => report(i, bytes))));
  const stopped = parts.findIndex((p) => p.cancelled);
  let done = stopped < 0 ? parts : parts.slice(0, stopped + 1);
  let again = recountsNeeded(done, keptKeys(done, opts.maxReferences, opts.maxCodes));
  if (stopped >= 0 && again.length) {
    // Cancelled: no recounts; keep the prefix that needs none (range 0 never does).
    done = done.slice(0, again[0].index);
    again = [];
  }
  const recounts = new Map<number, RangePart>();
  await Promise.all(
    again.map(async (r) => {
      recounts.set(r.index, await run({ ...ranges[r.index], only: { refs: r.refs, codes: r.codes } }, () => undefined));
    }),
  );
  const summary = mergeParts(file, done, recounts, opts.maxReferences, opts.maxCodes, stopped >= 0);
  return total === 0 ? { ...summary, notes: orderedNotes([...summary.notes, 'empty']) } : summary;
}
