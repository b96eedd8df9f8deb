export { Catalog } from './catalog';
export { loadCatalog } from './load';
export { normalizeCode } from './normalize';
export type { CatalogEntry, CodeMatch, FamilyInfo } from './types';
