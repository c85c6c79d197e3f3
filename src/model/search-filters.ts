/**
 * Filter values in the search index (a runbook's system, a rollback technique), for the pages that
 * give them to Pagefind and the rollback finder that asks for them.
 *
 * Pagefind's search box (Starlight's search) writes filter values into the page as HTML (`{@html}`
 * in @pagefind/default-ui's filters.svelte), so a system named `Sys<img src=x onerror=…>` would run
 * as script there. The index therefore holds each value HTML-escaped: the search box shows it as
 * the text it is. Pagefind's meta (a result's title, `runbook:`) and excerpts need none of this:
 * the search box writes meta as text, and Pagefind escapes `<` and `>` in excerpts itself.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * A filter value as the index holds it, and as a search asks for it (`filters: { system: … }`):
 * HTML-escaped, its spaces as Pagefind reads them (runs as one, none at the ends). Read as HTML it
 * is `name` again; a consumer that shows it as text decodes it first.
 */
export function searchFilterValue(name: string): string {
	return escape(name.replace(/\s+/g, ' ').trim());
}

/**
 * A `data-pagefind-filter` attribute's value, `filter:value`, for HTML that escapes attributes
 * (Astro does). Pagefind decodes a filter's value twice as it reads a page (its meta and text
 * once), so the value is escaped once more here: the index then holds `searchFilterValue(value)`.
 * tests/unit/model/search-filters.test.ts runs Pagefind's own indexer over such a page.
 */
export function pagefindFilter(filter: string, value: string): string {
	return `${filter}:${escape(searchFilterValue(value))}`;
}
