import type { Page } from '@playwright/test';
import { watchRequests } from '../support/network.ts';
import { openSearchBox, searchIndex } from '../support/search.ts';
import { loadRunbooks, sectionsOf, stepsOf, type RawRunbook } from '../support/content.ts';
import { expect, newContext, test } from '../support/test.ts';

const runbooks = loadRunbooks();
/** Steps under a rollback section, read from the YAML files, not from the app. */
const rollbackSteps = (runbook: RawRunbook) =>
	sectionsOf(runbook)
		.filter((s) => s.kind === 'rollback')
		.flatMap((s) => stepsOf({ ...runbook, sections: [{ ...s, sections: [] }] }));
const withRollback = runbooks.filter((r) => rollbackSteps(r).length);

test.describe('rollback pages', () => {
	test('every runbook with rollback steps has a page, the others have none', async ({ page, request }) => {
		expect(withRollback.map((r) => r.id).sort()).toEqual(['productivity-platform', 'spatial-intel', 'twiga-scan', 'yogaflow']);
		for (const runbook of withRollback) {
			await page.goto(`/rollback/${runbook.id}/`);
			await expect(page.locator('h1')).toContainText(runbook.system);
			for (const step of rollbackSteps(runbook)) {
				await expect(
					page.locator(`li:has(> .rs-step-row > [id="${step.id}"]) > .rs-step-row > .rs-check`),
					`${runbook.id}#${step.id}`,
				).toHaveCount(1);
			}
		}
		expect((await request.get('/rollback/yogaflow-launch/')).status()).toBe(404);
	});

	// The build renders a rollback command once for both pages (CommandBlock): the runbook page must
	// get the same block, and each page Expressive Code's stylesheet and script exactly once.
	test('a rollback command is the same block on both pages, each page loads the code styles once', async ({ request }) => {
		const blocks = (html: string) => html.match(/<figure class="frame[\s\S]*?<\/figure>/g) ?? [];
		let compared = 0;
		for (const runbook of withRollback) {
			const runbookHtml = await (await request.get(`/runbooks/${runbook.id}/`)).text();
			const rollbackHtml = await (await request.get(`/rollback/${runbook.id}/`)).text();
			for (const html of [runbookHtml, rollbackHtml]) {
				// In the content; a rollback page links its stylesheets again after it (build/inline-styles.ts).
				const content = html.slice(0, html.indexOf('</main>'));
				expect(content.match(/<link rel="stylesheet" href="\/_astro\/ec\.[^"]+\.css">/g), runbook.id).toHaveLength(1);
				expect(html.match(/<script type="module" src="\/_astro\/ec\.[^"]+\.js"><\/script>/g), runbook.id).toHaveLength(1);
			}
			for (const block of blocks(rollbackHtml)) {
				expect(runbookHtml, `${runbook.id}: a rollback command differs on the runbook page`).toContain(block);
				compared++;
			}
		}
		expect(compared).toBeGreaterThanOrEqual(withRollback.length);
	});

	// Astro renders components concurrently, so "the block rendered first" is not the page's first
	// block: the styles must still come with the first one, or the blocks above them show unstyled.
	test("Expressive Code's stylesheet and script come with the first code block of every page", async ({ request }) => {
		const pages = runbooks.flatMap((r) => [`/runbooks/${r.id}/`, ...(withRollback.includes(r) ? [`/rollback/${r.id}/`] : [])]);
		let checked = 0;
		for (const path of pages) {
			const html = await (await request.get(path)).text();
			const starts = [...html.matchAll(/<div class="expressive-code"/g)].map((m) => m.index);
			if (!starts.length) continue;
			for (const asset of [/<link rel="stylesheet" href="\/_astro\/ec\./, /<script type="module" src="\/_astro\/ec\./]) {
				const at = html.search(asset);
				expect(at, `${path}: after the first block starts`).toBeGreaterThan(starts[0]!);
				if (starts.length > 1) expect(at, `${path}: before the second block`).toBeLessThan(starts[1]!);
			}
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(withRollback.length * 2);
	});

	test('when to roll back comes first, then the steps in order, with commands to copy', async ({ page }) => {
		await page.goto('/rollback/spatial-intel/');
		const order = await page
			.locator('#when-to-roll-back, #when-to-rollback, #rollback-steps, li:has(> .rs-step-row > [id="stop-new-deployment"])')
			.evaluateAll((els) => els.map((el) => el.id || el.querySelector('.rs-step-text')?.id));
		expect(order).toEqual(['when-to-roll-back', 'when-to-rollback', 'rollback-steps', 'stop-new-deployment']);
		const steps = await page
			.locator('[data-section="rollback-steps"] > ol > li')
			.evaluateAll((els) => els.map((el) => el.querySelector(':scope > .rs-step-row > .rs-step-text')?.id));
		expect(steps).toEqual([
			'stop-new-deployment',
			'checkout-previous-version',
			'rollback-database-migrations',
			'restore-database-backup',
			'redeploy-previous-version',
			'verify-rollback-success',
		]);
		await expect(page.locator('li:has(> .rs-step-row > [id="stop-new-deployment"]) .expressive-code')).toContainText(
			'docker-compose -f docker-compose.prod.yml down',
		);
		await expect(
			page.locator(
				'li:has(> .rs-step-row > [id="stop-new-deployment"]) .expressive-code button.copy button, li:has(> .rs-step-row > [id="stop-new-deployment"]) .expressive-code .copy button',
			),
		).toHaveCount(1);
	});

	test('a rollback names the deployment steps it depends on, and the links land on them', async ({ page }) => {
		await page.goto('/rollback/spatial-intel/');
		const link = page.locator('li:has(> .rs-step-row > [id="restore-database-backup"]) .rs-requires a');
		await expect(link).toHaveText('Backup current production state');
		await link.click();
		await expect(page).toHaveURL(/\/runbooks\/spatial-intel\/#backup-current-production-state$/);
		await expect(page.locator('#backup-current-production-state')).toBeInViewport();
		await page.goto('/rollback/yogaflow/');
		await expect(page.locator('li:has(> .rs-step-row > [id="database-rollback"]) .rs-requires a')).toHaveAttribute(
			'href',
			'/runbooks/yogaflow/#database-backup',
		);
	});

	test('a step ticked on the rollback page is ticked on the runbook page, same run, same id', async ({ page }) => {
		await page.goto('/rollback/twiga-scan/');
		await page.locator('li:has(> .rs-step-row > [id="restore-database"]) > .rs-step-row > .rs-check').check();
		await page.goto('/runbooks/twiga-scan/');
		await expect(page.locator('li:has(> .rs-step-row > [id="restore-database"]) > .rs-step-row > .rs-check')).toBeChecked();
		await page.locator('li:has(> .rs-step-row > [id="confirm-services-running"]) > .rs-step-row > .rs-check').check();
		await page.goto('/rollback/twiga-scan/');
		await expect(page.locator('li:has(> .rs-step-row > [id="confirm-services-running"]) > .rs-step-row > .rs-check')).toBeChecked();
		// The bar counts this page's steps: the nine rollback steps.
		await expect(page.locator('[data-progress-text]')).toHaveText('2/9 done');
	});

	test('a step link lands on the step and the runbook page links to the rollback page', async ({ page }) => {
		await page.goto('/rollback/productivity-platform/#rollback-deployment');
		await expect(page.locator('#rollback-deployment')).toBeInViewport();
		await page.goto('/runbooks/productivity-platform/');
		await page.getByRole('link', { name: 'Rollback procedure' }).click();
		await expect(page).toHaveURL(/\/rollback\/productivity-platform\/$/);
	});

	test('reads without JavaScript', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/rollback/yogaflow/');
		await expect(page.locator('li:has(> .rs-step-row > [id="execute-rollback"])')).toContainText('git checkout {{PREVIOUS_VERSION}}');
		await expect(page.locator('.rs-noscript')).toBeVisible();
		await page.goto('/rollback/');
		await expect(page.locator('tr[data-procedure]:visible')).toHaveCount(6);
		await context.close();
	});
});

test.describe('rollback finder', () => {
	const visibleRows = (page: Page) => page.locator('tr[data-procedure]:visible');

	test('lists every procedure and filters by system and technique, in the URL', async ({ page }) => {
		await page.goto('/rollback/');
		await expect(visibleRows(page)).toHaveCount(6);
		await page.getByLabel('System').selectOption('Spatial Intel');
		await expect(visibleRows(page)).toHaveCount(1);
		await expect(page).toHaveURL(/system=Spatial\+Intel/);
		await page.getByLabel('System').selectOption('');
		await page.getByLabel('Technique').selectOption({ label: 'kubectl rollout undo' });
		await expect(visibleRows(page)).toHaveCount(1);
		await expect(visibleRows(page).locator('a')).toHaveAttribute('href', '/rollback/productivity-platform/#quick-rollback-kubernetes');
		await page.reload();
		await expect(page.getByLabel('Technique')).toHaveValue('kubectl-rollout');
		await expect(visibleRows(page)).toHaveCount(1);
		await page.getByLabel('System').selectOption('YogaFlow');
		await expect(visibleRows(page)).toHaveCount(0);
		await expect(page.getByText('No procedure matches these filters.')).toBeVisible();
	});

	test('while the reader reads, the finder fetches the filter of rollback pages alone; a system chosen brings its own', async ({
		page,
	}) => {
		const filterFiles = new Set<string>();
		page.context().on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/pagefind/filter/')) filterFiles.add(path);
		});
		const requests = watchRequests(page.context());
		await page.goto('/rollback/');
		// The filter comes once Pagefind has started (its worker, entry, metadata and WebAssembly): on a
		// busy machine the page was idle for 500 ms before it (waitForLoadState('networkidle') said
		// so, and no filter had come), so the test waits for it, then for 500 ms without a request.
		await expect.poll(() => filterFiles.size).toBeGreaterThanOrEqual(1);
		await expect.poll(() => requests.quietMs() >= 500).toBe(true);
		// kind (every query's), not system or technique: at 10,000 runbooks those two were 66 KB.
		expect(filterFiles.size).toBe(1);
		await page.getByLabel('System').selectOption('Spatial Intel');
		await page.getByLabel('Search rollback steps').fill('restore database backup');
		await expect(page.locator('[data-finder-result-list] .rs-hit-excerpt').first()).toBeVisible();
		await expect(page.locator('[data-finder-result-list] a[href^="/rollback/"]').first()).toHaveAttribute(
			'href',
			/^\/rollback\/spatial-intel\//,
		);
		expect(filterFiles.size).toBe(2);
	});

	// Expected steps written from the runbook data: where each query's words are.
	const QUALITY: [query: string, expected: string[]][] = [
		[
			'alembic downgrade',
			[
				'productivity-platform#if-migrations-need-to-be-rolled-back',
				'spatial-intel#rollback-database-migrations',
				'yogaflow#database-rollback',
			],
		],
		['restore database backup', ['spatial-intel#restore-database-backup', 'twiga-scan#restore-database', 'yogaflow#database-rollback']],
		['kubectl rollout undo', ['productivity-platform#rollback-deployment']],
		[
			'previous version',
			['productivity-platform#checkout-previous-version', 'spatial-intel#checkout-previous-version', 'twiga-scan#restore-previous-version'],
		],
		[
			'docker compose down',
			['productivity-platform#stop-current-version', 'spatial-intel#stop-new-deployment', 'twiga-scan#restore-previous-version'],
		],
		['psql', ['twiga-scan#restore-database', 'spatial-intel#restore-database-backup', 'yogaflow#database-rollback']],
		[
			'git checkout',
			['productivity-platform#checkout-previous-version', 'spatial-intel#checkout-previous-version', 'yogaflow#execute-rollback'],
		],
		['stop traffic', ['twiga-scan#stop-accepting-new-traffic']],
		['post mortem', ['twiga-scan#schedule-post-mortem']],
		['systemctl restart', ['yogaflow#execute-rollback']],
		['verify rollback', ['productivity-platform#verify-rollback', 'spatial-intel#verify-rollback-success', 'yogaflow#verify-rollback']],
		['rollout status', ['productivity-platform#verify-rollback']],
	];

	test('search quality: the expected steps are in the top results, each linking to the step', async ({ page }) => {
		await page.goto('/rollback/');
		const timings: number[] = [];
		for (const [query, expected] of QUALITY) {
			await page.getByLabel('Search rollback steps').fill(query);
			// The status names the query it answers: earlier answers cannot be mistaken for this one.
			await expect(page.locator('[data-finder-status]')).toContainText(new RegExp(`matching steps? for “${query}”`));
			await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/%20/g, '\\+')}`));
			const hrefs = await page.locator('[data-finder-result-list] > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			const top = hrefs.slice(0, Math.max(5, expected.length + 2)).map((h) => h.replace(/^\/rollback\/([^/]+)\/#/, '$1#'));
			for (const want of expected) expect(top, `"${query}" should find ${want}`).toContain(want);
			timings.push(await page.evaluate(() => performance.getEntriesByName('runsheet-rollback-search').at(-1)!.duration));
		}
		const [cold, ...warm] = timings;
		const median = warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
		test.info().annotations.push({
			type: 'rollback search',
			description: `first query ${cold!.toFixed(1)} ms (loads Pagefind), then median ${median.toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms`,
		});
		console.log(
			`rollback search: first query ${cold!.toFixed(1)} ms (loads Pagefind), then median ${median.toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms`,
		);
		expect(median).toBeLessThan(100);
	});

	test('a search hit opens the step; filters narrow the hits; unknown words say so', async ({ page }) => {
		await page.goto('/rollback/?technique=database-restore');
		await page.getByLabel('Search rollback steps').fill('docker compose');
		await expect(page.locator('[data-finder-status]')).toContainText('for “docker compose”');
		const hrefs = await page.locator('[data-finder-result-list] > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		// Only procedures that restore a database: productivity's compose steps are filtered out.
		expect(hrefs.some((h) => h!.startsWith('/rollback/productivity-platform/'))).toBe(false);
		expect(hrefs.length).toBeGreaterThan(0);
		await page.locator('[data-finder-result-list] > li > a').first().click();
		await expect(page).toHaveURL(/\/rollback\/[a-z-]+\/#[a-z0-9-]+$/);
		const id = new URL(page.url()).hash.slice(1);
		await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
		await page.goto('/rollback/');
		await page.getByLabel('Search rollback steps').fill('zyxwvut');
		await expect(page.locator('[data-finder-status]')).toContainText('No rollback step or procedure matches “zyxwvut”');
	});
});

test.describe('site search', () => {
	test('the Starlight search finds rollback steps, links to the step and offers the filters', async ({ page }) => {
		await page.goto('/');
		await (await openSearchBox(page)).fill('kubectl rollout undo');
		const dialog = page.getByRole('dialog', { name: 'Search' });
		await expect(dialog.locator('a[href="/rollback/productivity-platform/#rollback-deployment"]')).toBeVisible();
		// The filter groups are drawn by Pagefind's own UI, which under load sometimes redraws
		// them from a partial list (seen with two test workers on two CPUs): the UI is checked
		// for its filter panel, the index for every filter Runsheet gives it.
		await expect(dialog.getByRole('group', { name: 'Filters' })).toBeVisible();
		await expect(dialog.getByText('System', { exact: true }).first()).toBeVisible();
		const filters = await page.evaluate(async () => {
			// @ts-expect-error: served by the built site
			const pagefind = await import('/pagefind/pagefind.js');
			const all: Record<string, Record<string, number>> = await pagefind.filters();
			return Object.fromEntries(Object.entries(all).map(([name, values]) => [name, Object.keys(values).sort()]));
		});
		expect(filters.kind).toEqual(['rollback', 'runbook']);
		expect(filters.system).toEqual(['Productivity Platform', 'Spatial Intel', 'Twiga Scan', 'YogaFlow']);
		expect(filters.technique).toContain('kubectl rollout undo');
	});

	test('rollback steps are indexed once: on rollback pages, not runbook pages or sheets', async ({ page }) => {
		await page.goto('/');
		const urls = (await searchIndex(page, 'kubectl rollout undo')).map(
			(d) => `${d.url} ${d.filters.kind?.join(',')} ${d.filters.technique?.length ?? 0}`,
		);
		expect(urls).toEqual(['/rollback/productivity-platform/ rollback 4']);
	});
});
