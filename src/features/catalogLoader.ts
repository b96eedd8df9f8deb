// One lazily loaded code catalog per extension, shared by every feature that explains codes (the explain
// command, hovers, the log summary). The data ships as dist/codes.json beside the bundle, not inside it,
// so it costs nothing until a code is first explained.
import type * as vscode from 'vscode';
import { loadCatalog } from '../core/catalog';
import type { Catalog } from '../core/catalog';

export const CATALOG_FILE = 'dist/codes.json';

const loaders = new WeakMap<object, () => Promise<Catalog>>();

/**
 * A function that loads the catalog on first call and then returns the same promise. Calls with the same
 * extension context share one loader; a failed load is forgotten so a later call can try again.
 */
export function catalogLoader(context: Pick<vscode.ExtensionContext, 'asAbsolutePath'>): () => Promise<Catalog> {
  const existing = loaders.get(context);
  if (existing) return existing;
  let pending: Promise<Catalog> | undefined;
  const load = (): Promise<Catalog> => {
    pending ??= loadCatalog(context.asAbsolutePath(CATALOG_FILE)).catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
  loaders.set(context, load);
  return load;
}
