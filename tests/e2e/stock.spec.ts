import { expect, test } from '../support/test.ts';
import { searchIndex, searchWithBox } from '../support/search.ts';

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
	await expect(await searchWithBox(page, 'kubectl rollout undo')).toContainText('Productivity Platform');
});
