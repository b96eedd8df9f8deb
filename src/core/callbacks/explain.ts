// The catalog meanings of the codes a callback carries, each ranked by where it sits in the callback.
import type { Catalog, CodeMatch } from '../catalog';
import type { CallbackCode, ParsedCallback } from './types';

export interface ExplainedCode extends CallbackCode {
  /** Best first; [] when the catalog does not know the code. */
  readonly matches: readonly CodeMatch[];
}

export function explainCallbackCodes(callback: ParsedCallback, catalog: Catalog): ExplainedCode[] {
  return callback.codes.map((c) => ({ ...c, matches: catalog.explain(c.code, c.context) }));
}
