import { expect, test } from '../support/test.ts';

/**
 * The site as `astro build` makes it, with no speed-up (RUNSHEET_SPEED_UPS=0): what a host that
 * runs the stock command publishes (npm run test:speed-ups builds it into .test-sites/stock/).
 * Its pages equal the ones `npm run build` makes; here, its search works.
 */
test('the search index of a plain astro build finds a step, and the search box shows it', async ({ page }) => {
	await page.goto('/runbooks/');
	const results = await page.evaluate(async () => {
		// @ts-expect-error Pagefind's script exists only in the built site.
		const pagefind = await import('/pagefind/pagefind.js');
		const search = await pagefind.search('alembic upgrade');
		return Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string; content: string }> }) => r.data()));
	});
	const hit = results.find((r: { url: string }) => r.url === '/runbooks/spatial-intel/');
	expect(hit?.content).toContain('Deploy database migrations');
	await page
		.getByRole('button', { name: /search/i })
		.first()
		.click();
	await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }).fill('kubectl rollout undo');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	await expect(page.locator('.pagefind-ui__results')).toContainText('Productivity Platform');
});
