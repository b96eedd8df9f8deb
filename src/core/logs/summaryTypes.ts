// What a log summary holds (shared by the scan, the worker that runs it and the shell that shows it).

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

/** One byte range of a file summarised apart (see core/logs/merge.ts): line numbers count from the range's
 *  first line, codes and references are in first-seen order, occurrences count every finding (kept or not). */
export interface RangePart {
  readonly bytes: number;
  readonly lines: number;
  readonly codes: CodeCount[];
  readonly references: ReferenceCount[];
  readonly codeOccurrences: number;
  readonly referenceOccurrences: number;
  readonly notes: SummaryNote[];
  readonly cancelled?: boolean;
}
