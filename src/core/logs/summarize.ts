// Streaming summary of Telesign codes and reference IDs in a log file of any size.
// Memory stays constant: a fixed read buffer, one pending line (long lines are scanned in windows),
// and bounded maps of codes and reference IDs. Lines are never kept.
import { promises as fsp } from 'fs';
import { StringDecoder } from 'string_decoder';
import { scanSegment, type CodeFinding, type Finding } from './scanner';

export interface CodeCount {
  /** Sign kept, as written in the log. */
  readonly code: string;
  count: number;
  /** 1-based line numbers. */
  readonly firstLine: number;
  lastLine: number;
  /** Up to 240 characters of the first line the code was seen on, around the code. */
  readonly sampleLine?: string;
  /** Where the first occurrence sat (e.g. "errors[].code"), a hint for ranking the code's meanings. */
  readonly keyPath?: string;
  /** The Telesign endpoint named on the first occurrence's line, if any. */
  readonly endpoint?: string;
}

export interface ReferenceCount {
  readonly referenceId: string;
  count: number;
  readonly firstLine: number;
  lastLine: number;
  /** The status code on the last line that mentioned this ID with a code. */
  lastStatusCode?: string;
}

/** Machine-readable notes; the shell words them for people. */
export type SummaryNote = 'empty' | 'references-capped' | 'codes-capped' | 'long-lines-windowed';

export interface LogSummary {
  readonly file: string;
  readonly bytes: number;
  readonly lines: number;
  /** Most frequent first. */
  readonly codes: CodeCount[];
  /** Most frequent first. */
  readonly references: ReferenceCount[];
  readonly notes: SummaryNote[];
  /** Occurrences of reference IDs not counted because the cap of distinct IDs was reached. */
  readonly referencesDropped?: number;
  /** Set when the scan was stopped; counts cover the bytes read so far. */
  readonly cancelled?: boolean;
}

export type SummaryErrorKind = 'not-found' | 'is-directory' | 'permission-denied' | 'binary' | 'deleted' | 'truncated' | 'io';

export class LogSummaryError extends Error {
  constructor(
    readonly kind: SummaryErrorKind,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'LogSummaryError';
  }
}

export interface SummarizeOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Bytes per read. Default 1 MiB. */
  readonly chunkSize?: number;
  /** Distinct reference IDs kept. Default 10 000. */
  readonly maxReferences?: number;
  /** Distinct codes kept. Default 2 000. */
  readonly maxCodes?: number;
  /** A line longer than this (characters) is scanned in windows. Default 1 MiB. */
  readonly maxLineChars?: number;
}

export const DEFAULT_MAX_REFERENCES = 10_000;
const DEFAULT_MAX_CODES = 2_000;
// 64 KiB: decoded chunks stay small enough for V8's young generation, where they die cheaply. At 1 MiB each
// chunk string went to large-object space, freed only by full collections, and RSS grew by ~100 MB on 1 GB.
const DEFAULT_CHUNK = 64 * 1024;
const DEFAULT_MAX_LINE = 1024 * 1024;
/** Context kept from a long line's previous window: more than any token plus the keys in front of it. */
const OVERLAP = 512;
const SAMPLE_CHARS = 240;

export async function summarizeFile(file: string, opts: SummarizeOptions = {}): Promise<LogSummary> {
  const stat = await fsp.stat(file).catch((e: unknown) => {
    throw toSummaryError(e, file);
  });
  if (stat.isDirectory()) throw new LogSummaryError('is-directory', `${file} is a folder, not a log file.`, file);
  const handle = await fsp.open(file, 'r').catch((e: unknown) => {
    throw toSummaryError(e, file);
  });
  try {
    return await scanHandle(handle, file, stat.size, stat.ino, opts);
  } catch (e) {
    throw toSummaryError(e, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function scanHandle(handle: fsp.FileHandle, file: string, total: number, ino: number, opts: SummarizeOptions): Promise<LogSummary> {
  const acc = new Accumulator(opts.maxReferences ?? DEFAULT_MAX_REFERENCES, opts.maxCodes ?? DEFAULT_MAX_CODES, opts.maxLineChars ?? DEFAULT_MAX_LINE);
  if (total === 0) return acc.result(file, 0, ['empty']);
  const buf = Buffer.allocUnsafe(Math.max(4096, opts.chunkSize ?? DEFAULT_CHUNK));
  const decoder = new StringDecoder('utf8');
  let pos = 0;
  while (pos < total) {
    if (opts.signal?.aborted) {
      acc.end(decoder.end());
      return acc.result(file, pos, [], true);
    }
    if (pos > 0) await checkStillThere(file, ino, pos);
    const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, total - pos), pos);
    if (bytesRead === 0) throw new LogSummaryError('truncated', `${file} got shorter while it was being read.`, file);
    const chunk = buf.subarray(0, bytesRead);
    if (pos === 0 && chunk.includes(0)) throw new LogSummaryError('binary', `${file} looks binary (it contains NUL bytes), not like a text log.`, file);
    pos += bytesRead;
    acc.push(decoder.write(chunk));
    opts.onProgress?.(pos, total);
  }
  acc.end(decoder.end());
  return acc.result(file, pos, []);
}

/** An open descriptor keeps reading a deleted file on POSIX, so look at the path itself between chunks. */
async function checkStillThere(file: string, ino: number, pos: number): Promise<void> {
  let now;
  try {
    now = await fsp.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new LogSummaryError('deleted', `${file} was deleted while it was being read.`, file);
    throw e;
  }
  if (now.ino !== ino) throw new LogSummaryError('deleted', `${file} was replaced while it was being read.`, file);
  if (now.size < pos) throw new LogSummaryError('truncated', `${file} got shorter while it was being read.`, file);
}

function toSummaryError(e: unknown, file: string): LogSummaryError {
  if (e instanceof LogSummaryError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new LogSummaryError('not-found', `${file} does not exist.`, file);
    case 'EISDIR':
      return new LogSummaryError('is-directory', `${file} is a folder, not a log file.`, file);
    case 'EACCES':
    case 'EPERM':
      return new LogSummaryError('permission-denied', `Permission denied reading ${file}.`, file);
    default:
      return new LogSummaryError('io', `Could not read ${file}: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

/** A copy that does not share storage with the chunk it was sliced from (a V8 sliced string would keep the
 *  whole decoded chunk alive for as long as the summary keeps the slice). */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Splits decoded text into lines, scans each, and keeps the counts. */
class Accumulator {
  private pending = '';
  /** Characters at the start of `pending` already counted by a previous window of the same line. */
  private pendingDone = 0;
  private lineNo = 1;
  private lastLineEmpty = true;
  private readonly codes = new Map<string, CodeCount>();
  private readonly refs = new Map<string, ReferenceCount>();
  private readonly notes = new Set<SummaryNote>();
  private refsDropped = 0;

  constructor(
    private readonly maxRefs: number,
    private readonly maxCodes: number,
    private readonly maxLine: number,
  ) {}

  push(text: string): void {
    let a = 0;
    for (;;) {
      const nl = text.indexOf('\n', a);
      if (nl < 0) {
        if (a < text.length) {
          this.pending += text.slice(a);
          this.lastLineEmpty = false;
        }
        if (this.pending.length > this.maxLine) this.flushWindow();
        return;
      }
      let line = this.pending + text.slice(a, nl);
      this.pending = '';
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.finishLine(line);
      a = nl + 1;
    }
  }

  end(rest: string): void {
    if (rest) this.push(rest);
    if (this.pending !== '' || !this.lastLineEmpty) {
      const line = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
      this.pending = '';
      this.finishLine(line);
    }
  }

  result(file: string, bytes: number, extra: SummaryNote[], cancelled = false): LogSummary {
    for (const n of extra) this.notes.add(n);
    const byCount = <T extends { count: number; firstLine: number }>(a: T, b: T): number => b.count - a.count || a.firstLine - b.firstLine;
    return {
      file,
      bytes,
      lines: this.lineNo - 1,
      codes: [...this.codes.values()].sort(byCount),
      references: [...this.refs.values()].sort(byCount),
      notes: [...this.notes],
      ...(this.refsDropped > 0 ? { referencesDropped: this.refsDropped } : {}),
      ...(cancelled ? { cancelled: true } : {}),
    };
  }

  private finishLine(line: string): void {
    const findings = scanSegment(line, 0, this.pendingDone > 0, false);
    this.record(findings, line, this.pendingDone);
    this.pendingDone = 0;
    this.lineNo++;
    this.lastLineEmpty = true;
  }

  /** Scans a long line's pending text up to a cut, keeping an overlap for the next window. */
  private flushWindow(): void {
    this.notes.add('long-lines-windowed');
    const text = this.pending;
    const cut = text.length - OVERLAP;
    const findings = scanSegment(text, 0, this.pendingDone > 0, true).filter((f) => f.start < cut);
    this.record(findings, text, this.pendingDone);
    this.pending = text.slice(cut - OVERLAP);
    this.pendingDone = OVERLAP;
  }

  private record(findings: Finding[], text: string, skipBefore: number): void {
    let statusCode: string | undefined;
    let lastCode: string | undefined;
    const lineRefs: string[] = [];
    for (const f of findings) {
      if (f.start < skipBefore) continue;
      if (f.kind === 'reference') {
        lineRefs.push(f.value);
        this.countRef(f.value);
      } else {
        this.countCode(f, text);
        lastCode = f.code;
        if (f.keyPath === 'status.code' || f.keyPath === 'status_code') statusCode ??= f.code;
      }
    }
    const code = statusCode ?? lastCode;
    if (code === undefined) return;
    for (const r of lineRefs) {
      const entry = this.refs.get(r);
      if (entry) entry.lastStatusCode = code;
    }
  }

  private countCode(f: CodeFinding, text: string): void {
    const entry = this.codes.get(f.code);
    if (entry) {
      entry.count++;
      entry.lastLine = this.lineNo;
      return;
    }
    if (this.codes.size >= this.maxCodes) {
      this.notes.add('codes-capped');
      return;
    }
    const from = Math.max(0, f.start - 100);
    this.codes.set(f.code, {
      code: f.code,
      count: 1,
      firstLine: this.lineNo,
      lastLine: this.lineNo,
      sampleLine: detached(text.slice(from, from + SAMPLE_CHARS).trim()),
      ...(f.keyPath ? { keyPath: f.keyPath } : {}),
      ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    });
  }

  private countRef(id: string): void {
    const entry = this.refs.get(id);
    if (entry) {
      entry.count++;
      entry.lastLine = this.lineNo;
      return;
    }
    if (this.refs.size >= this.maxRefs) {
      this.notes.add('references-capped');
      this.refsDropped++;
      return;
    }
    const referenceId = detached(id);
    this.refs.set(referenceId, { referenceId, count: 1, firstLine: this.lineNo, lastLine: this.lineNo });
  }
}
