// The panel's view of the code catalog (src/core/catalog via features/catalogService.ts): only the part it
// uses, typed structurally so the panel needs nothing else from the catalog module.
import type { LookupOutcome } from '../../core/telesign/types';

export interface ExplainedEntry {
  readonly code: string | number;
  readonly text: string;
  readonly family?: string;
  readonly final: boolean | null;
  readonly retryable?: boolean | null;
  readonly explanation?: string;
  readonly action?: string;
  readonly docsUrl?: string;
}

export interface ExplainMatch {
  readonly entry: ExplainedEntry;
  readonly score: number;
  readonly reasons?: readonly string[];
}

/** Structural subset of the catalog: `explain(code, context?)` returns ranked candidates, best first. */
export interface CodeExplainer {
  explain(code: number, context?: ExplainContext): readonly ExplainMatch[];
}

/** Hints the catalog ranks meanings by (the same number means different things per family). */
export interface ExplainContext {
  /** Text around the code: here the request path and the JSON field, e.g. `/v1/omnichannel/… status.code`. */
  readonly line?: string;
  readonly path?: string;
  readonly field?: string;
  readonly endpoint?: string;
}

export interface Explained {
  readonly best: ExplainedEntry;
  readonly others: number;
}

/** The catalog's best meaning of `code` in the context of `outcome`, or undefined (no catalog, unknown code, failure). */
export function explainCode(catalog: CodeExplainer | undefined, code: number | null | undefined, outcome: LookupOutcome, field: string): Explained | undefined {
  if (!catalog || code === null || code === undefined) return undefined;
  let path = '';
  try {
    path = new URL(outcome.request.url).pathname;
  } catch {
    path = '';
  }
  const context: ExplainContext = { line: `GET ${path} ${field}: ${code}`, path, field, endpoint: outcome.request.endpoint };
  const matches = catalog.explain(code, context);
  if (!Array.isArray(matches) || matches.length === 0) return undefined;
  const first = matches[0] as ExplainMatch | undefined;
  if (!first || typeof first.entry !== 'object' || first.entry === null) return undefined;
  return { best: first.entry, others: matches.length - 1 };
}

/** Only https links to Telesign's own documentation are opened from the panel. */
export function safeDocsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'telesign.com' || u.hostname.endsWith('.telesign.com')) ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export const ALL_CODES_URL = 'https://developer.telesign.com/enterprise/docs/all-status-and-error-codes';
