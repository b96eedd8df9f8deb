// What to say about a code the catalog has no meaning for: that it is not one Telesign documents as far as
// the catalog knows, and where to look — Telesign's all-codes page and a search of Telesign's developer
// docs for the number. Only the normalised digits (and sign) reach the URL; nothing else from the line.
import { normalizeCode } from './normalize';

export const ALL_CODES_URL = 'https://developer.telesign.com/enterprise/docs/all-status-and-error-codes';

export interface UnknownCodeHelp {
  /** The code as normalised ("-10004", "3204"). */
  readonly code: string;
  /** One sentence for the user, in English (the shell localises its own wording). */
  readonly message: string;
  /** A web search limited to developer.telesign.com for the exact number. */
  readonly searchUrl: string;
  /** Telesign's page listing every status and error code. */
  readonly allCodesUrl: string;
}

/** The search of Telesign's developer docs for `code`, or undefined when `code` is not an integer code. */
export function docsSearchUrl(code: string | number): string | undefined {
  const c = normalizeCode(code);
  return c === undefined ? undefined : `https://www.google.com/search?q=${encodeURIComponent(`site:developer.telesign.com "${c}"`)}`;
}

/** Help for a code the catalog does not know, or undefined when `code` is not an integer code. */
export function unknownCodeHelp(code: string | number): UnknownCodeHelp | undefined {
  const c = normalizeCode(code);
  const searchUrl = docsSearchUrl(code);
  if (c === undefined || searchUrl === undefined) return undefined;
  return {
    code: c,
    message: `Code ${c} is not in Telesign Inspector's catalog of documented Telesign codes; it may be new, product-specific or not a Telesign code. Search Telesign's docs for it.`,
    searchUrl,
    allCodesUrl: ALL_CODES_URL,
  };
}
