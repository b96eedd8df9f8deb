// The panel's view of the code catalog (src/core/catalog via features/catalogLoader.ts): only the part it
// uses, typed structurally so the panel needs nothing else from the catalog module.
import type { LookupOutcome } from '../../core/telesign/types';

export interface ExplainedEntry {
  readonly code: string | number;
  readonly text: string;
  readonly family?: string;
  readonly familyLabel?: string;
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

/** Structural subset of core/catalog's Catalog: meanings of a code ranked by the text around it, best first. */
export interface CodeExplainer {
  explain(code: string | number, context?: string): readonly ExplainMatch[];
}

export interface Explained {
  readonly best: ExplainedEntry;
  readonly others: number;
}

export type CodeField = 'status.code' | 'errors.code';

/**
 * The text the catalog ranks meanings by, written like a log line about this response: the request path
 * (which product), the HTTP status and the JSON key the code sat under (the same number means different
 * things per family).
 */
export function explainContext(outcome: LookupOutcome, field: CodeField, code: number): string {
  let path = '';
  try {
    path = new URL(outcome.request.url).pathname;
  } catch {
    path = '';
  }
  const http = outcome.ok ? outcome.httpStatus : outcome.error.httpStatus;
  const json = field === 'errors.code' ? `"errors":[{"code":${code}}]` : `"status":{"code":${code}}`;
  return `GET ${path}${http !== undefined ? ` HTTP ${http}` : ''} ${json}`;
}

/** The catalog's best meaning of `code` in the context of `outcome`, or undefined (no catalog, unknown code, failure). */
export function explainCode(
  catalog: CodeExplainer | undefined,
  code: number | null | undefined,
  outcome: LookupOutcome,
  field: CodeField,
): Explained | undefined {
  if (!catalog || code === null || code === undefined) return undefined;
  const matches = catalog.explain(code, explainContext(outcome, field, code));
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

/** Telesign's service status page (what its support checks first for 503 / 3041 or a stuck transaction). */
export const STATUS_PAGE_URL = 'https://status.telesign.com';
export const ALL_CODES_URL = 'https://developer.telesign.com/enterprise/docs/all-status-and-error-codes';
