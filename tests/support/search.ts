import { expect, type Locator, type Page } from '@playwright/test';

/** What Pagefind says of one result: its page, its text and its filters. */
export interface SearchHit {
	url: string;
	content: string;
	filters: Record<string, string[]>;
}

/**
 * Searches the built site's index with Pagefind's own script, in the page, as the search box does,
 * and returns every result's data.
 */
export async function searchIndex(page: Page, query: string): Promise<SearchHit[]> {
	return page.evaluate(async (q) => {
		// @ts-expect-error: served by the built site, not a module TypeScript knows
		const pagefind = await import('/pagefind/pagefind.js');
		const search = await pagefind.search(q);
		return Promise.all(search.results.map((r: { data: () => Promise<SearchHit> }) => r.data()));
	}, query);
}

/** Opens Starlight's search dialog and returns its text box. */
export async function openSearchBox(page: Page): Promise<Locator> {
	await page
		.getByRole('button', { name: /search/i })
		.first()
		.click();
	return page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
}

/** Opens Starlight's search box, types `query` and returns the results list, once one result shows. */
export async function searchWithBox(page: Page, query: string): Promise<Locator> {
	await (await openSearchBox(page)).fill(query);
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	return page.locator('.pagefind-ui__results');
}
