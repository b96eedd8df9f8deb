/** A product family of codes (the same number can mean different things in different families). */
export interface FamilyInfo {
  readonly id: string;
  readonly label: string;
  readonly docsUrl: string;
}

/** One meaning of one Telesign status/error code. */
export interface CatalogEntry {
  /** The code as Telesign returns it, sign kept ("-10004", "3041"). */
  readonly code: string;
  /** Telesign's own text for the code, verbatim. */
  readonly text: string;
  /** Family id, a key of the catalog's families. */
  readonly family: string;
  readonly familyLabel: string;
  /** The HTTP status the code is documented under, or null when several or none. */
  readonly httpStatus: number | null;
  /** true = final, false = intermediate (may still change), null = not documented. */
  readonly final: boolean | null;
  /** Would the same request succeed if sent again later (rate limit, outage, still in progress)? */
  readonly retryable: boolean;
  /** What the code means for a developer debugging an integration (our words). */
  readonly explanation: string;
  /** What to do next (our words). */
  readonly action: string;
  readonly docsUrl: string;
  /** Where the facts came from. */
  readonly source: string;
}

/** A candidate meaning for a code seen in some context, with the evidence that ranked it. */
export interface CodeMatch {
  readonly entry: CatalogEntry;
  readonly score: number;
  /** Short human words, e.g. "under errors[].code", "line mentions /v1/verify". */
  readonly reasons: string[];
}
