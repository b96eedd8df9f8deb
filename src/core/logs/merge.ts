// Puts the parts of a file summarised in byte ranges (core/logs/parallel.ts) back together into exactly what
// one pass over the whole file gives: counts are sums, line numbers are offset by the lines before each range,
// and the caps keep the same first-seen IDs and codes. A range that hit a cap dropped what it saw first after
// that point, which may include later occurrences of a key kept overall: `recountsNeeded` names those keys
// per range, the caller counts them again there, and `mergeParts` takes the recounts.
import type { CodeCount, LogSummary, RangePart, ReferenceCount, SummaryNote } from './summaryTypes';

export interface Kept {
  readonly refs: readonly string[];
  readonly codes: readonly string[];
}

export interface Recount {
  readonly index: number;
  readonly refs: string[];
  readonly codes: string[];
}

/** Notes in one fixed order, whatever order a scan met them in (summarizeFile uses it too). */
export const NOTE_ORDER: readonly SummaryNote[] = ['empty', 'long-lines-windowed', 'references-capped', 'codes-capped'];

/** The summary's order of codes and IDs: most frequent first, then first seen (summarizeFile uses it too). */
export function byCount<T extends { count: number; firstLine: number }>(a: T, b: T): number {
  return b.count - a.count || a.firstLine - b.firstLine;
}

export function orderedNotes(notes: Iterable<SummaryNote>): SummaryNote[] {
  const set = new Set(notes);
  return NOTE_ORDER.filter((n) => set.has(n));
}

/** The first `max` distinct keys in file order: each range's first-seen order, ranges in file order. */
function firstSeen(lists: readonly (readonly string[])[], max: number): string[] {
  const out = new Set<string>();
  for (const list of lists) {
    for (const key of list) {
      if (out.size >= max) return [...out];
      out.add(key);
    }
  }
  return [...out];
}

export function keptKeys(parts: readonly RangePart[], maxRefs: number, maxCodes: number): Kept {
  return {
    refs: firstSeen(
      parts.map((p) => p.references.map((r) => r.referenceId)),
      maxRefs,
    ),
    codes: firstSeen(
      parts.map((p) => p.codes.map((c) => c.code)),
      maxCodes,
    ),
  };
}

/** Per range that hit a cap: the kept keys first seen in an earlier range that it did not keep. */
export function recountsNeeded(parts: readonly RangePart[], kept: Kept): Recount[] {
  const out: Recount[] = [];
  const refsBefore = new Set<string>();
  const codesBefore = new Set<string>();
  const keptRefs = new Set(kept.refs);
  const keptCodes = new Set(kept.codes);
  parts.forEach((p, index) => {
    const mine = new Set(p.references.map((r) => r.referenceId));
    const myCodes = new Set(p.codes.map((c) => c.code));
    const refs = p.notes.includes('references-capped') ? [...refsBefore].filter((k) => !mine.has(k)) : [];
    const codes = p.notes.includes('codes-capped') ? [...codesBefore].filter((k) => !myCodes.has(k)) : [];
    if (refs.length || codes.length) out.push({ index, refs, codes });
    for (const k of mine) if (keptRefs.has(k)) refsBefore.add(k);
    for (const k of myCodes) if (keptCodes.has(k)) codesBefore.add(k);
  });
  return out;
}

type Entry = CodeCount | ReferenceCount;

/** One key's entries across ranges (in range order, with each range's line offset) folded into one. */
function fold<T extends Entry>(pieces: { entry: T; offset: number }[]): T {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const out = { ...first.entry, firstLine: first.entry.firstLine + first.offset, lastLine: last.entry.lastLine + last.offset };
  out.count = pieces.reduce((n, p) => n + p.entry.count, 0);
  // References carry the status of the last line that named them with a code: the last range's that had one.
  const status = pieces
    .map((p) => (p.entry as Partial<ReferenceCount>).lastStatusCode)
    .filter((c) => c !== undefined)
    .pop();
  if (status !== undefined) (out as Partial<ReferenceCount>).lastStatusCode = status;
  return out;
}

function collect<T extends Entry>(
  keys: readonly string[],
  parts: readonly RangePart[],
  recounts: ReadonlyMap<number, RangePart>,
  offsets: readonly number[],
  pick: (p: RangePart) => T[],
  keyOf: (e: T) => string,
): T[] {
  const maps = parts.map((p, i) => {
    const m = new Map(pick(p).map((e) => [keyOf(e), e]));
    const again = recounts.get(i);
    if (again) for (const e of pick(again)) if (!m.has(keyOf(e))) m.set(keyOf(e), e);
    return m;
  });
  return keys.map((k) => {
    const pieces: { entry: T; offset: number }[] = [];
    maps.forEach((m, i) => {
      const entry = m.get(k);
      if (entry) pieces.push({ entry, offset: offsets[i] });
    });
    return fold(pieces);
  });
}

/** The summary one pass would give, from the ranges' parts (in file order) and the recounts asked for. */
export function mergeParts(
  file: string,
  parts: readonly RangePart[],
  recounts: ReadonlyMap<number, RangePart>,
  maxRefs: number,
  maxCodes: number,
  cancelled = parts.some((p) => p.cancelled),
): LogSummary {
  const offsets: number[] = [];
  let lines = 0;
  for (const p of parts) {
    offsets.push(lines);
    lines += p.lines;
  }
  const kept = keptKeys(parts, maxRefs, maxCodes);
  const codes = collect(
    kept.codes,
    parts,
    recounts,
    offsets,
    (p) => p.codes,
    (c) => c.code,
  );
  const references = collect(
    kept.refs,
    parts,
    recounts,
    offsets,
    (p) => p.references,
    (r) => r.referenceId,
  );
  const sum = (xs: readonly { count: number }[]): number => xs.reduce((n, x) => n + x.count, 0);
  const refsDropped = parts.reduce((n, p) => n + p.referenceOccurrences, 0) - sum(references);
  const codesDropped = parts.reduce((n, p) => n + p.codeOccurrences, 0) - sum(codes);
  const notes = new Set<SummaryNote>(parts.flatMap((p) => p.notes.filter((n) => n === 'long-lines-windowed')));
  if (refsDropped > 0) notes.add('references-capped');
  if (codesDropped > 0) notes.add('codes-capped');
  return {
    file,
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
    lines,
    codes: codes.sort(byCount),
    references: references.sort(byCount),
    notes: orderedNotes(notes),
    ...(refsDropped > 0 ? { referencesDropped: refsDropped } : {}),
    ...(cancelled ? { cancelled: true } : {}),
  };
}
