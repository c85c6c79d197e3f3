import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';

/** The index chunks (Pagefind's word lists) a page fetches, its worker's fetches included. */
function chunksFetched(page: Page): Set<string> {
	const chunks = new Set<string>();
	page.context().on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.endsWith('.pf_index')) chunks.add(path);
	});
	return chunks;
}

test('the home page’s box fetches the index for the words finished and the word typed from its fourth letter, not for every prefix', async ({
	page,
	browser,
}) => {
	// On the imported site's index (28 chunks) a short prefix's chunks are mostly not its word's:
	// "p", "po" and "pod c" (every word in c) each fetched chunks the query never reads, and a
	// browser fetches six at a time, so on a slow network the query's own waited behind them.
	const QUERY = 'pod crash looping';
	// What may be fetched ahead as the query is typed, written out by hand: "pod" once its space is
	// typed, the word being typed from its fourth letter; then what the search itself reads.
	const AHEAD = ['pod', 'pod cras', 'pod crash', 'pod crash loop', 'pod crash loopi', 'pod crash loopin', 'pod crash looping'];

	const reference = await browser.newPage({ baseURL: test.info().project.use.baseURL });
	const allowed = chunksFetched(reference);
	await reference.goto('/runbooks/');
	await reference.evaluate(
		async ([ahead, query]) => {
			// @ts-expect-error: served by the built site, not a module TypeScript knows
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.options({ baseUrl: '/' });
			for (const words of ahead) await pagefind.preload(words);
			await pagefind.search(query, { filters: { kind: 'runbook' } });
		},
		[AHEAD, QUERY] as const,
	);
	await reference.close();
	expect(allowed.size).toBeGreaterThan(0);

	const fetched = chunksFetched(page);
	// Typed once Pagefind is warm (its filters in), as after a few seconds of reading the page: the
	// page's own Pagefind (the same module) asked for the filters its box warms up with, which
	// answers once they are in. (Waiting for the filter's request to finish hung a CI run under load:
	// Playwright did not report the worker's request.)
	await page.goto('/');
	await page.evaluate(async () => {
		// @ts-expect-error: served by the built site, not a module TypeScript knows
		const pagefind = await import('/pagefind/pagefind.js');
		await pagefind.preload(null, { filters: { kind: 'runbook' } });
	});
	await page.getByRole('searchbox', { name: 'Search the runbooks' }).pressSequentially(QUERY, { delay: 30 });
	await expect(page.locator('[data-home-search-hits] a').first()).toHaveAttribute('href', /^\/runbooks\/[a-z0-9-]+\/$/);
	expect([...fetched].filter((chunk) => !allowed.has(chunk))).toEqual([]);
});
