export { Catalog } from './catalog';
export { loadCatalog } from './load';
export { normalizeCode } from './normalize';
export type { CatalogEntry, CodeMatch, FamilyInfo } from './types';
export { ALL_CODES_URL, docsSearchUrl, unknownCodeHelp, type UnknownCodeHelp } from './unknown';
