// Splits decoded log text into lines (\n, \r\n or a bare \r end one), scans each, and keeps bounded counts.
// Lines are never kept; a line longer than maxLine characters is scanned in overlapping windows.
import { byCount, orderedNotes } from './merge';
import { scanSegment, type CodeFinding, type Finding } from './scanner';
import type { CodeCount, LogSummary, RangePart, ReferenceCount, SummaryNote } from './summaryTypes';

/** Context kept from a long line's previous window: more than any token plus the keys in front of it. */
const OVERLAP = 512;
const SAMPLE_CHARS = 240;

/** A copy that does not share storage with the chunk it was sliced from (a V8 sliced string would keep the
 *  whole decoded chunk alive for as long as the summary keeps the slice). */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Whether a code's key path is the transaction's status: status.code / status_code, also under a wrapper
 *  key a dump adds (body.status.code, Parameters.status.code, json.status.code, Go's Status.Code), but not a
 *  nested product's status (sim_swap.status.code) or a channel's. */
function isStatusPath(keyPath: string): boolean {
  if (keyPath === 'status.code' || keyPath === 'status_code') return true;
  return /(?:^|\.)status\.code$/i.test(keyPath) && !/sim_swap|channel_status|\[\]/i.test(keyPath);
}

/** Splits decoded text into lines, scans each, and keeps the counts. */
export class Accumulator {
  private pending = '';
  /** Characters at the start of `pending` already counted by a previous window of the same line. */
  private pendingDone = 0;
  private lineNo = 1;
  private lastLineEmpty = true;
  private readonly codes = new Map<string, CodeCount>();
  private readonly refs = new Map<string, ReferenceCount>();
  private readonly notes = new Set<SummaryNote>();
  private refsDropped = 0;
  private refSeen = 0;
  private codeSeen = 0;

  /** `only`: count these IDs and codes and nothing else (a range's recount when a summary is split). */
  constructor(
    private readonly maxRefs: number,
    private readonly maxCodes: number,
    private readonly maxLine: number,
    private readonly only?: { readonly refs: ReadonlySet<string>; readonly codes: ReadonlySet<string> },
  ) {}

  /** True when the last text pushed ended with a \r: a \n starting the next text completes that \r\n. */
  afterCR = false;

  push(text: string): void {
    if (text.length === 0) return;
    let a = this.afterCR && text.charCodeAt(0) === 0x0a ? 1 : 0;
    this.afterCR = false;
    let nl = text.indexOf('\n', a);
    let cr = text.indexOf('\r', a);
    for (;;) {
      if (nl < 0 && cr < 0) {
        if (a < text.length) {
          this.pending += text.slice(a);
          this.lastLineEmpty = false;
        }
        if (this.pending.length > this.maxLine) this.flushWindow();
        return;
      }
      const end = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
      let next = end + 1;
      if (end === cr) {
        if (next === text.length) this.afterCR = true;
        else if (text.charCodeAt(next) === 0x0a) next++;
      }
      const line = this.pending + text.slice(a, end);
      this.pending = '';
      this.finishLine(line);
      a = next;
      if (nl >= 0 && nl < a) nl = text.indexOf('\n', a);
      if (cr >= 0 && cr < a) cr = text.indexOf('\r', a);
    }
  }

  end(rest: string): void {
    if (rest) this.push(rest);
    if (this.pending !== '' || !this.lastLineEmpty) {
      const line = this.pending;
      this.pending = '';
      this.finishLine(line);
    }
  }

  result(file: string, bytes: number, extra: SummaryNote[], cancelled = false): LogSummary {
    for (const n of extra) this.notes.add(n);
    return {
      file,
      bytes,
      lines: this.lineNo - 1,
      codes: [...this.codes.values()].sort(byCount),
      references: [...this.refs.values()].sort(byCount),
      notes: orderedNotes(this.notes),
      ...(this.refsDropped > 0 ? { referencesDropped: this.refsDropped } : {}),
      ...(cancelled ? { cancelled: true } : {}),
    };
  }

  /** What a range of a split file found, first-seen order kept (core/logs/merge.ts puts ranges together). */
  part(bytes: number, cancelled = false): RangePart {
    return {
      bytes,
      lines: this.lineNo - 1,
      codes: [...this.codes.values()],
      references: [...this.refs.values()],
      codeOccurrences: this.codeSeen,
      referenceOccurrences: this.refSeen,
      notes: [...this.notes],
      ...(cancelled ? { cancelled: true } : {}),
    };
  }

  /** A whole line known to hold no finding (see prefilter.ts): only its number counts. */
  skipLine(): void {
    this.lineNo++;
    this.lastLineEmpty = true;
  }

  finishLine(line: string): void {
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
        if (f.keyPath !== undefined && isStatusPath(f.keyPath)) statusCode ??= f.code;
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
    this.codeSeen++;
    if (this.only && !this.only.codes.has(f.code)) return;
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
    this.refSeen++;
    if (this.only && !this.only.refs.has(id)) return;
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
