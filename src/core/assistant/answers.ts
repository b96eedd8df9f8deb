// Tool results for AI assistants: a short text a model reads well, plus the same facts as data. Built from the
// catalog, the log summary and lookup outcomes the extension already has; masked by maskForAssistant.
import type { CodeMatch } from '../catalog/types';
import { docsSearchUrl } from '../catalog/unknown';
import type { LogSummary } from '../logs/summarize';
import type { LookupOutcome } from '../telesign/types';
import { maskForAssistant, maskPhoneNumbers } from './mask';

export interface ToolAnswer {
  /** Plain text, a few lines. */
  readonly text: string;
  /** The same facts, structured; masked. */
  readonly data: unknown;
}

export type Explain = (code: string | number, context?: string) => CodeMatch[];

const finality = (final: boolean | null): string =>
  final === true ? 'final' : final === false ? 'not final yet, may still change' : 'finality not documented';

function meaningData(m: CodeMatch) {
  const e = m.entry;
  return {
    code: e.code,
    text: e.text,
    family: e.familyLabel,
    httpStatus: e.httpStatus,
    final: e.final,
    retryable: e.retryable,
    explanation: e.explanation,
    action: e.action,
    docsUrl: e.docsUrl,
    why: m.reasons,
  };
}

/** Ranked meanings of one code; the first is the one the context supports best. */
export function explainAnswer(code: string | number, context: string, matches: readonly CodeMatch[]): ToolAnswer {
  if (matches.length === 0) {
    const searchUrl = docsSearchUrl(code);
    return {
      text:
        `${code} is not a code in Telesign Inspector's catalog of documented Telesign status and error codes. ` +
        "It may be an HTTP status, another vendor's code, or a code Telesign has not published; search Telesign's docs for it" +
        (searchUrl ? `: ${searchUrl}` : '.'),
      data: { code: String(code), known: false, meanings: [], ...(searchUrl ? { searchUrl } : {}) },
    };
  }
  const [best, ...others] = matches;
  const e = best.entry;
  const lines = [
    `${e.code} — most likely: "${e.text}" (${e.familyLabel}${e.httpStatus ? `, HTTP ${e.httpStatus}` : ''}; ${finality(e.final)}; ${e.retryable ? 'retrying later can succeed' : 'retrying the same request will not help'}).`,
    best.reasons.length
      ? `Why this meaning: ${best.reasons.join('; ')}.`
      : context
        ? 'No context clue; this is the most common meaning.'
        : '',
    `Meaning: ${e.explanation}`,
    `What to do: ${e.action}`,
    `Docs: ${e.docsUrl}`,
    ...(others.length
      ? ['Other meanings of the same number:', ...others.slice(0, 4).map((m) => `- ${m.entry.familyLabel}: "${m.entry.text}"`)]
      : []),
  ].filter(Boolean);
  return { text: lines.join('\n'), data: { code: e.code, known: true, meanings: matches.map(meaningData) } };
}

const MAX_LISTED = 20;

/** A log file's Telesign codes (with their likely meaning) and reference IDs. Sample lines are not returned. */
export function summaryAnswer(summary: LogSummary, explain: Explain): ToolAnswer {
  const codes = summary.codes.map((c) => {
    const best = explain(c.code, [c.keyPath, c.endpoint, c.sampleLine].filter(Boolean).join(' '))[0];
    return {
      code: c.code,
      count: c.count,
      firstLine: c.firstLine,
      lastLine: c.lastLine,
      meaning: best?.entry.text ?? null,
      family: best?.entry.familyLabel ?? null,
      final: best?.entry.final ?? null,
      action: best?.entry.action ?? null,
    };
  });
  const refs = summary.references.map((r) => ({
    referenceId: r.referenceId,
    count: r.count,
    firstLine: r.firstLine,
    lastLine: r.lastLine,
    lastStatusCode: r.lastStatusCode ?? null,
  }));
  const mb = (summary.bytes / 1048576).toFixed(1);
  const lines = [
    `${summary.file}: ${summary.lines} lines, ${mb} MB${summary.cancelled ? ' (stopped early: counts cover what was read)' : ''}; ` +
      `${codes.length} distinct Telesign codes, ${refs.length} reference IDs.`,
    ...(codes.length ? ['Codes, most frequent first:'] : ['No Telesign status or error codes found.']),
    ...codes
      .slice(0, MAX_LISTED)
      .map(
        (c) =>
          `- ${c.code} ×${c.count} (lines ${c.firstLine}–${c.lastLine})${c.meaning ? `: "${c.meaning}" (${c.family})` : ': not in the catalog'}`,
      ),
    ...(codes.length > MAX_LISTED ? [`- … ${codes.length - MAX_LISTED} more codes in the data`] : []),
    ...(refs.length ? ['Reference IDs, most frequent first:'] : []),
    ...refs
      .slice(0, MAX_LISTED)
      .map(
        (r) =>
          `- ${r.referenceId} ×${r.count} (lines ${r.firstLine}–${r.lastLine})${r.lastStatusCode ? `, last status ${r.lastStatusCode}` : ''}`,
      ),
    ...(refs.length > MAX_LISTED ? [`- … ${refs.length - MAX_LISTED} more reference IDs in the data`] : []),
    ...(summary.notes.length ? [`Notes: ${summary.notes.join(', ')}.`] : []),
  ];
  return {
    text: maskPhoneNumbers(lines.join('\n')),
    data: maskForAssistant({
      file: summary.file,
      bytes: summary.bytes,
      lines: summary.lines,
      codes: codes.slice(0, 100),
      references: refs.slice(0, 100),
      notes: summary.notes,
      cancelled: summary.cancelled ?? false,
    }),
  };
}

export interface LookupContext {
  readonly profile: string;
  readonly host: string;
}

/** A status lookup's outcome: status with its meaning, verification state, channels, errors. No body, no OTP. */
export function lookupAnswer(outcome: LookupOutcome, where: LookupContext, explain: Explain): ToolAnswer {
  const head = `Transaction ${outcome.referenceId}, ${outcome.request.endpoint} endpoint, profile "${where.profile}" (${where.host}, ${outcome.request.auth} auth), ${outcome.attempts} attempt(s) in ${outcome.timing.durationMs} ms.`;
  if (!outcome.ok) {
    const e = outcome.error;
    const meaning =
      e.code !== undefined ? explain(e.code, `${outcome.request.endpoint} ${e.httpStatus ?? ''} errors[].code`)[0] : undefined;
    const text = [
      head,
      `Failed (${e.kind}${e.httpStatus ? `, HTTP ${e.httpStatus}` : ''}): ${e.message}`,
      ...(meaning ? [`Code ${meaning.entry.code}: ${meaning.entry.explanation}`, `What to do: ${meaning.entry.action}`] : []),
      e.retryable ? 'Retrying later may succeed.' : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      text: maskPhoneNumbers(text),
      data: maskForAssistant({
        ok: false,
        referenceId: outcome.referenceId,
        endpoint: outcome.request.endpoint,
        profile: where.profile,
        host: where.host,
        error: {
          kind: e.kind,
          message: e.message,
          code: e.code ?? null,
          description: e.description ?? null,
          httpStatus: e.httpStatus ?? null,
          retryable: e.retryable,
          actions: e.actions,
        },
      }),
    };
  }
  const s = outcome.status;
  const meaning = s.code !== null ? explain(s.code, `${outcome.request.endpoint} status.code`)[0] : undefined;
  const text = [
    head,
    `HTTP ${outcome.httpStatus}. Status ${s.code ?? '(none)'} "${s.description}"${meaning ? ` — ${meaning.entry.explanation} (${finality(meaning.entry.final)})` : ''}.`,
    outcome.state ? `Verify API state: ${outcome.state}.` : '',
    outcome.verify ? `Verification: ${outcome.verify.state}.` : '',
    outcome.channels.length
      ? `Channels in order: ${outcome.channels.map((c) => `${c.channel} ${c.code ?? '?'} "${c.description}"`).join(' → ')}.`
      : '',
    outcome.errors.length ? `Errors: ${outcome.errors.map((e) => `${e.code} "${e.description}"`).join('; ')}.` : '',
    s.updatedOn ? `Last update: ${s.updatedOn}.` : '',
    meaning && meaning.entry.final === false ? `What to do: ${meaning.entry.action}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    text: maskPhoneNumbers(text),
    data: maskForAssistant({
      ok: true,
      referenceId: outcome.referenceId,
      endpoint: outcome.request.endpoint,
      profile: where.profile,
      host: where.host,
      httpStatus: outcome.httpStatus,
      status: {
        code: s.code,
        description: s.description,
        meaning: meaning?.entry.explanation ?? null,
        final: meaning?.entry.final ?? null,
        updatedOn: s.updatedOn ?? null,
      },
      verifyState: outcome.verify?.state ?? null,
      state: outcome.state ?? null,
      channels: outcome.channels.map((c) => ({
        channel: c.channel,
        code: c.code,
        description: c.description,
        updatedOn: c.updatedOn ?? null,
      })),
      errors: outcome.errors,
      price: outcome.price ?? null,
      currency: outcome.currency ?? null,
    }),
  };
}
