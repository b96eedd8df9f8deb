// The trace tool's answer: a transaction's timeline across the logs, without the lines' own text.
import type { ToolAnswer } from './answers';
import { maskForAssistant, maskPhoneNumbers } from './mask';

/** One traced line as the trace tool sees it: where, when, which IDs, its codes with their meaning. */
export interface TracedLine {
  readonly source: string;
  readonly line: number;
  readonly time?: string;
  readonly ids: readonly string[];
  readonly meanings: readonly { readonly code: string; readonly meaning: string }[];
}

const MAX_TRACE_LINES = 60;

/** A transaction's timeline across the logs. The lines' own text is not returned (it can hold OTPs and numbers). */
export function traceAnswer(trace: {
  readonly referenceId: string;
  readonly children: readonly string[];
  readonly hits: readonly TracedLine[];
  readonly sources: number;
  readonly errors: readonly { source: string; message: string }[];
  readonly cancelled: boolean;
  readonly truncated: boolean;
}): ToolAnswer {
  const files = new Set(trace.hits.map((h) => h.source)).size;
  const lines = [
    `${trace.referenceId}: ${trace.hits.length} log lines in ${files} of ${trace.sources} files${trace.children.length ? `, with ${trace.children.length} child IDs (${trace.children.join(', ')})` : ''}${trace.cancelled ? ' (stopped early)' : ''}${trace.truncated ? ' (capped)' : ''}.`,
    ...(trace.hits.length ? ['In time order:'] : ['No log line mentions it.']),
    ...trace.hits.slice(0, MAX_TRACE_LINES).map((h) => {
      const codes = h.meanings.map((m) => (m.meaning ? `${m.code} "${m.meaning}"` : m.code)).join(', ');
      const child = h.ids.includes(trace.referenceId) ? '' : ` [child ${h.ids[0]}]`;
      return `- ${h.time ?? '(no time)'} ${h.source}:${h.line}${child}${codes ? `: ${codes}` : ''}`;
    }),
    ...(trace.hits.length > MAX_TRACE_LINES ? [`- … ${trace.hits.length - MAX_TRACE_LINES} more lines in the data`] : []),
    ...trace.errors.map((e) => `Could not read ${e.source}: ${e.message}`),
  ];
  return {
    text: maskPhoneNumbers(lines.join('\n')),
    data: maskForAssistant({
      ...trace,
      hits: trace.hits.slice(0, 500).map((h) => ({ source: h.source, line: h.line, time: h.time ?? null, ids: h.ids, codes: h.meanings })),
    }),
  };
}
