// Reading the catalog from disk: kept apart so catalog.ts stays free of I/O.
import { readFile } from 'fs/promises';
import { Catalog } from './catalog';

export async function loadCatalog(filePath: string): Promise<Catalog> {
  return Catalog.fromJson(await readFile(filePath, 'utf8'));
}
