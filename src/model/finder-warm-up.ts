/**
 * What the rollback finder fetches of the search index while the reader reads the page, before a
 * query (client/rollback-finder.ts). A query waits for the rollback pages' text once its fetch has
 * started, so that must end within the time a reader takes to start typing, on a slow network too.
 */

/** Up to this many indexed pages, the whole index (its word chunks) is fetched: tens of KB. */
export const WARM_INDEX_UP_TO_PAGES = 400;

/**
 * Up to this many rollback pages, their text (a fragment file each) is fetched too. Each is a
 * request of its own: a host speaking HTTP/1.1 opens six at a time, so on Fast 3G (562.5 ms a
 * round trip) twelve take two round trips. With every rollback page fetched, 80 at 100 runbooks,
 * the first hit came 8 s after the first keystroke (the query waited for them all); a query that
 * fetches its own 12 hits' text answered in 1.7 s (docs/performance.md).
 */
export const WARM_TEXT_UP_TO_PAGES = 12;

/** Whether the whole index is fetched ahead, for a site of `searchPages` indexed pages (NaN, a page without the count: not). */
export const warmsIndex = (searchPages: number): boolean => searchPages <= WARM_INDEX_UP_TO_PAGES;

/** Whether the rollback pages' text is fetched ahead, for `rollbackPages` of them. */
export const warmsText = (rollbackPages: number): boolean => rollbackPages <= WARM_TEXT_UP_TO_PAGES;
