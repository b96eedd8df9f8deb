// Streaming summary of Telesign codes and reference IDs in a log file of any size.
// Memory stays constant: a fixed read buffer, one pending line (long lines are scanned in windows),
// and bounded maps of codes and reference IDs. Lines are never kept.
import type { promises as fsp } from 'fs';
import { Accumulator } from './accumulator';
import { checkStillThere, decoderFor, LogSummaryError, openLog, sniffEncoding, toSummaryError, type TextDecoderLike } from './logFile';
import { pushUtf8, wantedReferences, type LineFilter } from './prefilter';
import type { LogSummary, RangePart } from './summaryTypes';

export { LogSummaryError, type SummaryErrorKind } from './logFile';
export type { CodeCount, LogSummary, ReferenceCount, SummaryNote } from './summaryTypes';

export interface SummarizeOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Bytes per read. Default 64 KiB (1 MiB on the prefiltered fast path). */
  readonly chunkSize?: number;
  /** Distinct reference IDs kept. Default 10 000. */
  readonly maxReferences?: number;
  /** Distinct codes kept. Default 2 000. */
  readonly maxCodes?: number;
  /** A line longer than this (characters) is scanned in windows. Default 1 MiB. */
  readonly maxLineChars?: number;
  /** Decode and scan every line, without the byte-level prefilter: the reference the fast path is tested
   *  against (same output, several times slower). */
  readonly exhaustive?: boolean;
}

/** One range of a UTF-8 file for summarizeRange: [start, end) in bytes, start at a line's first byte. */
export interface RangeOptions extends Omit<SummarizeOptions, 'exhaustive'> {
  readonly start: number;
  readonly end: number;
  /** The inode the ranges were cut from (a file replaced since is refused). */
  readonly ino?: number;
  /** Count only these IDs and codes (the recount of a range whose caps overflowed). */
  readonly only?: { readonly refs: readonly string[]; readonly codes: readonly string[] };
}

export const DEFAULT_MAX_REFERENCES = 10_000;
export const DEFAULT_MAX_CODES = 2_000;
// 64 KiB: decoded chunks stay small enough for V8's young generation, where they die cheaply. At 1 MiB each
// chunk string went to large-object space, freed only by full collections, and RSS grew by ~100 MB on 1 GB.
const DEFAULT_CHUNK = 64 * 1024;
// The prefilter decodes single lines, never a whole read, so it can read in bigger pieces (fewer stats/awaits).
const FAST_CHUNK = 1024 * 1024;
const DEFAULT_MAX_LINE = 1024 * 1024;
export async function summarizeFile(file: string, opts: SummarizeOptions = {}): Promise<LogSummary> {
  const acc = new Accumulator(
    opts.maxReferences ?? DEFAULT_MAX_REFERENCES,
    opts.maxCodes ?? DEFAULT_MAX_CODES,
    opts.maxLineChars ?? DEFAULT_MAX_LINE,
  );
  const scan = await withLog(file, async (handle, size, ino) =>
    size === 0 ? undefined : scanHandle(handle, file, 0, size, ino, acc, opts),
  );
  if (!scan) return acc.result(file, 0, ['empty']);
  return acc.result(file, scan.pos, [], scan.cancelled);
}

/** One range of a UTF-8 file, summarised apart so ranges can run in parallel (core/logs/parallel.ts). */
export async function summarizeRange(file: string, opts: RangeOptions): Promise<RangePart> {
  const only = opts.only && { refs: new Set(opts.only.refs), codes: new Set(opts.only.codes) };
  const acc = new Accumulator(
    only ? Infinity : (opts.maxReferences ?? DEFAULT_MAX_REFERENCES),
    only ? Infinity : (opts.maxCodes ?? DEFAULT_MAX_CODES),
    opts.maxLineChars ?? DEFAULT_MAX_LINE,
    only,
  );
  // A recount of IDs alone scans only the lines that hold one of them.
  const filter = opts.only && opts.only.codes.length === 0 ? wantedReferences(opts.only.refs) : undefined;
  const scan = await withLog(file, (handle, _size, ino) => {
    if (opts.ino !== undefined && ino !== opts.ino) {
      throw new LogSummaryError('deleted', `${file} was replaced while it was being read.`, file);
    }
    return scanHandle(handle, file, opts.start, opts.end, ino, acc, opts, filter);
  });
  return acc.part(scan.pos - opts.start, scan.cancelled);
}

async function withLog<T>(file: string, body: (handle: fsp.FileHandle, size: number, ino: number) => Promise<T>): Promise<T> {
  const { handle, size, ino } = await openLog(file);
  try {
    return await body(handle, size, ino);
  } catch (e) {
    throw toSummaryError(e, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Scans [start, total) into `acc`; a range that does not start at 0 is UTF-8 and starts at a line start. */
async function scanHandle(
  handle: fsp.FileHandle,
  file: string,
  start: number,
  total: number,
  ino: number,
  acc: Accumulator,
  opts: SummarizeOptions,
  filter?: LineFilter,
): Promise<{ pos: number; cancelled: boolean }> {
  const first = Math.max(4096, opts.chunkSize ?? DEFAULT_CHUNK);
  let size = first;
  // Two buffers: the next read runs in libuv's pool while this one is scanned.
  const bufs = [
    Buffer.allocUnsafe(Math.max(first, opts.chunkSize ?? FAST_CHUNK)),
    Buffer.allocUnsafe(Math.max(first, opts.chunkSize ?? FAST_CHUNK)),
  ];
  const readAt = (at: number, i: number): Promise<{ bytesRead: number }> => handle.read(bufs[i], 0, Math.min(size, total - at), at);
  let decoder: TextDecoderLike | undefined = start > 0 ? decoderFor('utf8') : undefined;
  let fast = start > 0 && !opts.exhaustive;
  if (fast && opts.chunkSize === undefined) size = FAST_CHUNK;
  let midLine = false;
  let pos = start;
  let turn = 0;
  let ahead = readAt(start, 0);
  try {
    while (pos < total) {
      if (opts.signal?.aborted) {
        acc.end(decoder?.end() ?? '');
        return { pos, cancelled: true };
      }
      if (pos > 0) await checkStillThere(file, ino, pos);
      const { bytesRead } = await ahead;
      if (bytesRead === 0) throw new LogSummaryError('truncated', `${file} got shorter while it was being read.`, file);
      let chunk = bufs[turn].subarray(0, bytesRead);
      if (!decoder) {
        const { encoding, bom } = sniffEncoding(chunk);
        decoder = decoderFor(encoding);
        chunk = chunk.subarray(bom);
        fast = encoding === 'utf8' && !opts.exhaustive;
        if (fast && opts.chunkSize === undefined) size = FAST_CHUNK;
      }
      turn ^= 1;
      if (pos + bytesRead < total) ahead = readAt(pos + bytesRead, turn);
      if (pos === 0) {
        const text = fast ? '' : decoder.write(chunk);
        if (fast ? chunk.includes(0) : text.includes('\0')) {
          throw new LogSummaryError('binary', `${file} looks binary (it contains NUL bytes), not like a text log.`, file);
        }
        if (fast) midLine = pushUtf8(acc, decoder, chunk, false, filter);
        else acc.push(text);
      } else if (fast) midLine = pushUtf8(acc, decoder, chunk, midLine, filter);
      else acc.push(decoder.write(chunk));
      pos += bytesRead;
      opts.onProgress?.(pos - start, total - start);
    }
  } finally {
    // Never close the handle under a read still in flight.
    await ahead.catch(() => undefined);
  }
  acc.end(decoder?.end() ?? '');
  return { pos, cancelled: false };
}
