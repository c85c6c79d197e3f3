import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { serveStatic } from '../support/static-server.ts';
import { expect, test } from '../support/test.ts';

/**
 * Offline after the first visit (the service worker, src/client/offline/sw.ts), on the built site
 * served by a plain static host, at a domain's root and below a path (npm run test:base-site).
 * Each test has its own browser context: nothing kept carries over.
 */
test.use({ serviceWorkers: 'allow' });

const SITES = [
	{ name: 'at the root', dist: 'dist', base: '' },
	{ name: 'below a path', dist: '.test-sites/base/dist', base: '/ops-runbooks' },
];

/** Until the worker serves this page (it registers after load, and claims the open pages). */
const controlled = (page: Page) => page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
/** Until a page is in the worker's cache. */
const kept = (page: Page, url: string) => page.waitForFunction((u) => caches.match(u).then(Boolean), url, { timeout: 15_000 });

for (const site of SITES) {
	test.describe(`offline, ${site.name}`, () => {
		test.describe.configure({ mode: 'serial' });
		let server: Awaited<ReturnType<typeof serveStatic>>;
		let at: (path: string) => string;
		test.beforeAll(async () => {
			server = await serveStatic(site.dist, site.base);
			at = (path) => `${server.origin}${site.base}${path}`;
		});
		test.afterAll(async () => server.close());

		test('a runbook opened once reads, ticks and leads to its rollback page with the network down', async ({ page, context }) => {
			await page.goto(at('/runbooks/twiga-scan/'));
			await controlled(page);
			await kept(page, at('/runbooks/twiga-scan/'));
			await kept(page, at('/rollback/twiga-scan/'));
			await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();

			await context.setOffline(true);
			await page.reload();
			const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
			console.log(`offline ${site.name}: /runbooks/twiga-scan/ from the kept copy, first paint at ${Math.round(paint)} ms`);
			// Said at the top, with the build's date (the page's own runsheet-built meta tag).
			const built = (await page.locator('meta[name="runsheet-built"]').getAttribute('content'))!.slice(0, 16).replace('T', ' ');
			await expect(page.locator('[data-offline-copy]')).toHaveText(
				`Offline: this is the copy kept on this device, built ${built} UTC. Ticks and values are still kept.`,
			);
			await expect(page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check')).toBeChecked();
			await page.locator('li:has(> .rs-step-row > [id="run-migrations"]) > .rs-step-row > .rs-check').check();
			await page.reload();
			await expect(page.locator('li:has(> .rs-step-row > [id="run-migrations"]) > .rs-step-row > .rs-check')).toBeChecked();

			await page.locator('.rs-meta a', { hasText: 'Rollback procedure' }).click();
			await expect(page).toHaveURL(at('/rollback/twiga-scan/'));
			await expect(page.locator('[data-offline-copy]')).toBeVisible();
			await expect(page.locator('.rs-steps > li').first()).toBeVisible();
			// Its styles came from the kept shell: the step row is laid out as online.
			expect(
				await page
					.locator('.rs-step-row')
					.first()
					.evaluate((el) => getComputedStyle(el).display),
			).toBe('flex');
		});

		test('"Keep all runbooks offline": a progress bar, the total, then a runbook never opened and search work offline', async ({
			page,
			context,
		}) => {
			const manifest = JSON.parse(readFileSync(`${site.dist}/offline.json`, 'utf8')) as { keepBytes: number; runbooks: number };
			await page.goto(at('/runbooks/'));
			await controlled(page);
			const keep = page.locator('[data-keep]');
			await expect(keep).toBeVisible();
			await keep.getByRole('button', { name: 'Keep all runbooks offline' }).click();
			const mb = `${(manifest.keepBytes / 1_000_000).toFixed(1)} MB`;
			await expect(keep.locator('[data-keep-status]')).toHaveText(
				`All ${manifest.runbooks} runbooks are kept on this device: ${mb}. They open without a network.`,
				{ timeout: 30_000 },
			);
			await expect(keep.locator('progress')).toBeHidden();

			await context.setOffline(true);
			await page.goto(at('/runbooks/spatial-intel/'));
			await expect(page.locator('[data-offline-copy]')).toBeVisible();
			await expect(page.locator('h1')).toContainText('Spatial');
			await page.goto(at('/rollback/'));
			await page.getByLabel('Search rollback steps').fill('alembic');
			await expect(page.locator('[data-finder-result-list] > li > a').first()).toBeVisible();
			const hrefs = await page.locator('[data-finder-result-list] > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(hrefs.every((href) => href!.startsWith(`${site.base}/rollback/`))).toBe(true);
		});

		test('a page never kept says so offline and points to the catalog', async ({ page, context, errors }) => {
			await page.goto(at('/runbooks/'));
			await controlled(page);
			await context.setOffline(true);
			const response = await page.goto(at('/runbooks/yogaflow/'));
			expect(response?.status()).toBe(503);
			errors.length = 0; // the browser logs the 503, and the icon it cannot fetch, itself
			await expect(page.locator('h1')).toHaveText('You are offline');
			await expect(page.locator('a', { hasText: 'The catalog' })).toHaveAttribute('href', `${site.base}/runbooks/`);
		});

		test('a newer build on the same origin: the page offers it, and reloads only when asked', async ({ page }) => {
			await page.goto(at('/runbooks/twiga-scan/'));
			await controlled(page);
			await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();
			const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
			// A cache an earlier worker kept in another format: the new one removes it.
			await page.evaluate(() => caches.open('runsheet-0-pages').then((c) => c.put('/old', new Response('old'))));
			// The next build is deployed: its worker differs.
			server.override.set('/sw.js', `${readFileSync(`${site.dist}/sw.js`, 'utf8')}\n// the next build\n`);
			await page.evaluate(() => ((window as { untouched?: boolean }).untouched = true));
			await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
			const notice = page.locator('[data-update-notice]');
			await expect(notice).toContainText('A newer version of these runbooks is ready');
			// Offered, not done: the page is the one the reader was on.
			expect(await page.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
			await notice.getByRole('button', { name: 'Reload now' }).click();
			await page.waitForFunction(() => !(window as { untouched?: boolean }).untouched);
			await expect(notice).toHaveCount(0);
			await expect(page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check')).toBeChecked();
			expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(first);
			await page.waitForFunction(() =>
				caches.keys().then((keys) => !keys.includes('runsheet-0-pages') && keys.includes('runsheet-1-pages')),
			);
			server.override.clear();
		});
	});
}
