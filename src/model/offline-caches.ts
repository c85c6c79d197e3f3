/**
 * The caches the service worker and the catalog's "Keep all" share. The number is the format:
 * a worker that stores differently takes new names, and removes caches it does not know.
 */
export const CACHE_PREFIX = 'runsheet-';
/** Pages, their JSON and the search index: network first, kept across builds. */
export const PAGES_CACHE = `${CACHE_PREFIX}1-pages`;
/** Hashed CSS and JavaScript of every build whose pages are kept. */
export const ASSETS_CACHE = `${CACHE_PREFIX}1-assets`;
export const KNOWN_CACHES = [PAGES_CACHE, ASSETS_CACHE];
