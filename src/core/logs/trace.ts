// Tracing one reference ID through logs: every line that mentions it or one of its child IDs (the per-channel
// `channel_status[].reference_id`, message parts: IDs keyed as a reference on a line that mentions the parent),
// with the line's time and its codes, ready to be put in time order. Files are streamed and only chunks that
// hold an ID are split into lines, so big logs cost about a read; a pass that finds new child IDs runs again
// for them.
import { checkStillThere, decoderFor, openLog, sniffEncoding } from './logFile';
import { scanLine, scanReferences, type CodeFinding } from './scanner';

export interface TraceHit {
  readonly source: string;
  /** 1-based. */
  readonly line: number;
  /** ISO 8601 from the line's leading timestamp, or carried from the last line above it that had one. */
  readonly time?: string;
  /** The traced IDs the line mentions (upper case). */
  readonly ids: readonly string[];
  readonly codes: readonly Pick<CodeFinding, 'code' | 'keyPath' | 'endpoint'>[];
  /** The line, at most MAX_TEXT characters around the first mention. */
  readonly text: string;
}

export interface TraceResult {
  readonly referenceId: string;
  /** Child IDs found on the parent's lines, in order of discovery. */
  readonly children: readonly string[];
  /** In time order (lines without a time keep their place after the last timed line before them). */
  readonly hits: readonly TraceHit[];
  readonly sources: number;
  readonly bytes: number;
  readonly errors: readonly { readonly source: string; readonly message: string }[];
  readonly cancelled: boolean;
  /** Set when MAX_HITS was reached; later mentions were not collected. */
  readonly truncated: boolean;
}

export interface TraceSource {
  readonly name: string;
  /** A file on disk, streamed... */
  readonly file?: string;
  /** ...or text already in memory (an open editor). */
  readonly text?: string;
}

export interface TraceOptions {
  readonly signal?: AbortSignal;
  /** Bytes read so far across all sources and passes. */
  onProgress?(bytes: number, source: string): void;
  readonly maxHits?: number;
}

export const MAX_HITS = 5000;
const MAX_TEXT = 400;
const CHUNK = 256 * 1024;
const CHILD_KEY = /(reference_?id|referenceId|message_?id|part_?id|child)["']?\s*[:=]\s*["']?$/i;
const TIME = /^\W{0,3}(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})([.,:]\d{1,6})?\s?(Z|[+-]\d{2}:?\d{2})?/;

/** The ISO time a log line starts with (ISO 8601, `2026-11-23 09:14:05,123`, Telesign's `…:01:226`). */
export function lineTime(line: string): string | undefined {
  const m = TIME.exec(line);
  if (!m) return undefined;
  const frac = m[3] ? `.${m[3].slice(1).padEnd(3, '0').slice(0, 3)}` : '';
  const zone = m[4] ? (m[4] === 'Z' ? 'Z' : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4]) : 'Z';
  const t = Date.parse(`${m[1]}T${m[2]}${frac}${zone}`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function clip(line: string, at: number): string {
  if (line.length <= MAX_TEXT) return line;
  const from = Math.max(0, Math.min(at - 120, line.length - MAX_TEXT));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + MAX_TEXT)}${from + MAX_TEXT < line.length ? '…' : ''}`;
}

class Collector {
  readonly hits = new Map<string, TraceHit>();
  readonly found = new Set<string>();
  constructor(
    readonly parent: string,
    readonly maxHits: number,
  ) {}

  /** Looks at one line that may mention an ID of `ids`; records a hit and any child IDs. */
  line(source: string, lineNo: number, line: string, time: string | undefined, ids: ReadonlySet<string>): void {
    const refs = scanReferences(line);
    const mentioned = [...new Set(refs.map((r) => r.value.toUpperCase()).filter((v) => ids.has(v)))];
    if (mentioned.length === 0) return;
    const key = `${source}\n${lineNo}`;
    const seen = this.hits.get(key);
    if (seen) this.hits.set(key, { ...seen, ids: [...new Set([...seen.ids, ...mentioned])] });
    else if (this.hits.size < this.maxHits) {
      const codes = scanLine(line).flatMap((f) => (f.kind === 'code' ? [{ code: f.code, keyPath: f.keyPath, endpoint: f.endpoint }] : []));
      const first = refs.find((r) => ids.has(r.value.toUpperCase()))?.start ?? 0;
      this.hits.set(key, { source, line: lineNo, time, ids: mentioned, codes, text: clip(line, first) });
    }
    if (!mentioned.includes(this.parent)) return;
    for (const r of refs) {
      const v = r.value.toUpperCase();
      if (v !== this.parent && CHILD_KEY.test(line.slice(Math.max(0, r.start - 40), r.start))) this.found.add(v);
    }
  }
}

/** Calls `each` for every line of `text` that contains one of `needles`, with its number and carried time. */
function linesOf(
  text: string,
  startLine: number,
  carried: string | undefined,
  needles: readonly string[],
  each: (n: number, line: string, time: string | undefined) => void,
): { lines: number; time: string | undefined } {
  const parts = text.split(/\r\n|\n|\r/);
  let time = carried;
  const any = needles.some((n) => text.includes(n));
  for (let i = 0; i < parts.length; i++) {
    const t = lineTime(parts[i]);
    if (t) time = t;
    if (any && needles.some((n) => parts[i].includes(n))) each(startLine + i, parts[i], time);
  }
  return { lines: parts.length - 1, time };
}

async function traceFile(
  src: TraceSource & { file: string },
  col: Collector,
  ids: ReadonlySet<string>,
  needles: readonly string[],
  opts: TraceOptions,
  progress: (n: number) => void,
): Promise<void> {
  const log = await openLog(src.file);
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    let decoder: ReturnType<typeof decoderFor> | undefined;
    let pending = '';
    let lineNo = 1;
    let time: string | undefined;
    for (;;) {
      if (opts.signal?.aborted) return;
      const { bytesRead } = await log.handle.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) break;
      let chunk = buf.subarray(0, bytesRead);
      if (!decoder) {
        const { encoding, bom } = sniffEncoding(chunk);
        decoder = decoderFor(encoding);
        chunk = chunk.subarray(bom);
      }
      pos += bytesRead;
      progress(bytesRead);
      const text = pending + decoder.write(chunk);
      // keep the last (maybe partial) line for the next chunk; a trailing \r may be the first half of \r\n
      const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r') === text.length - 1 ? -1 : text.lastIndexOf('\r'));
      pending = cut < 0 ? text : text.slice(cut + 1);
      if (cut >= 0) {
        const r = linesOf(text.slice(0, cut), lineNo, time, needles, (n, l, t) => col.line(src.name, n, l, t, ids));
        lineNo += r.lines + 1;
        time = r.time;
      }
      await checkStillThere(src.file, log.ino, pos);
    }
    const rest = pending + (decoder?.end() ?? '');
    if (rest !== '') linesOf(rest, lineNo, time, needles, (n, l, t) => col.line(src.name, n, l, t, ids));
  } finally {
    await log.handle.close().catch(() => undefined);
  }
}

/** Every mention of `referenceId` and its child IDs in `sources`. Unreadable sources are listed, not fatal. */
export async function traceReferenceId(
  referenceId: string,
  sources: readonly TraceSource[],
  opts: TraceOptions = {},
): Promise<TraceResult> {
  const parent = referenceId.toUpperCase();
  const col = new Collector(parent, opts.maxHits ?? MAX_HITS);
  const errors = new Map<string, string>();
  let bytes = 0;
  // Pass 1 looks for the parent and learns its children from its lines; pass 2 looks for the children.
  const known = new Set([parent]);
  let fresh = [parent];
  for (let pass = 0; pass < 2 && fresh.length > 0 && !opts.signal?.aborted; pass++) {
    const needles = fresh.flatMap((id) => [id, id.toLowerCase()]);
    for (const src of sources) {
      if (opts.signal?.aborted) break;
      try {
        if (src.text !== undefined) {
          bytes += src.text.length;
          linesOf(src.text, 1, undefined, needles, (n, l, t) => col.line(src.name, n, l, t, known));
        } else if (src.file !== undefined) {
          await traceFile({ ...src, file: src.file }, col, known, needles, opts, (n) => {
            bytes += n;
            opts.onProgress?.(bytes, src.name);
          });
        }
      } catch (e) {
        errors.set(src.name, e instanceof Error ? e.message : String(e));
      }
    }
    fresh = [...col.found].filter((id) => !known.has(id));
    for (const id of fresh) known.add(id);
  }
  const hits = [...col.hits.values()];
  // Time order; an untimed line keeps its place after its source's last timed line (carried in `time`).
  hits.sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '') || a.source.localeCompare(b.source) || a.line - b.line);
  return {
    referenceId: parent,
    children: [...col.found],
    hits,
    sources: sources.length,
    bytes,
    errors: [...errors].map(([source, message]) => ({ source, message })),
    cancelled: opts.signal?.aborted ?? false,
    truncated: col.hits.size >= (opts.maxHits ?? MAX_HITS),
  };
}
