import { expect, test } from '../support/test.ts';
import { searchIndex } from '../support/search.ts';

/**
 * The site as `astro build` makes it, with no speed-up (RUNSHEET_SPEED_UPS=0): what a host that
 * runs the stock command publishes (npm run test:speed-ups builds it into .test-sites/stock/).
 * Its pages equal the ones `npm run build` makes; here, its search works.
 */
test('the search index of a plain astro build finds a step, and the search box shows it', async ({ page }) => {
	await page.goto('/runbooks/');
	const results = (await searchIndex(page, 'alembic upgrade')).slice(0, 10);
	const hit = results.find((r) => r.url === '/runbooks/spatial-intel/');
	expect(hit?.content).toContain('Deploy database migrations');
	await page
		.getByRole('button', { name: /search/i })
		.first()
		.click();
	await page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }).fill('kubectl rollout undo');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	await expect(page.locator('.pagefind-ui__results')).toContainText('Productivity Platform');
});
