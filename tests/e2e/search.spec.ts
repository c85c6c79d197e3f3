import { openSearchBox, searchIndex, searchWithBox } from '../support/search.ts';
import { expect, test } from '../support/test.ts';

// Finding the right runbook under stress: the service as typed, rollback words of every kind,
// and runbook and rollback pages before guides.

/** What the first result of the site's search box must be: one page, or any page of a runbook. */
const SITE_SEARCH: [query: string, first: string | RegExp][] = [
	['twiga-scan rollback', '/rollback/twiga-scan/'],
	['roll back yogaflow', '/rollback/yogaflow/'],
	['revert kubernetes', '/rollback/productivity-platform/'],
	['undo twiga', '/rollback/twiga-scan/'],
	['productivity platform downgrade', '/rollback/productivity-platform/'],
	['twiga-scan', /^\/(runbooks|rollback)\/twiga-scan\/$/],
	['twiga scan', /^\/(runbooks|rollback)\/twiga-scan\/$/],
	['Twiga', /^\/(runbooks|rollback)\/twiga-scan\/$/],
	['twigascan', /^\/(runbooks|rollback)\/twiga-scan\/$/],
	['spatial intel', /^\/(runbooks|rollback)\/spatial-intel\/$/],
	// Incident words: a runbook or rollback page comes before any guide.
	['restart', /^\/(runbooks|rollback)\/[a-z-]+\/$/],
	['kubectl', /^\/(runbooks|rollback)\/[a-z-]+\/$/],
	['database backup', /^\/(runbooks|rollback)\/[a-z-]+\/$/],
	['health check', /^\/(runbooks|rollback)\/[a-z-]+\/$/],
];

test('the site search puts the expected page first for names, rollback words and incident words', async ({ page }) => {
	await page.goto('/');
	const box = await openSearchBox(page);
	const firsts: string[] = [];
	for (const [query, first] of SITE_SEARCH) {
		await box.fill(query);
		// The results are for this query once the status line names it.
		await expect(page.locator('.pagefind-ui__message')).toContainText(`for ${query}`);
		// Pagefind's list fills in as each result's data arrives: the first link settles.
		await expect(page.locator('.pagefind-ui__result-link').first(), query).toHaveAttribute('href', first);
		firsts.push(`${query} → ${await page.locator('.pagefind-ui__result-link').first().getAttribute('href')}`);
	}
	test.info().annotations.push({ type: 'first results', description: firsts.join('; ') });
	console.log(`first results: ${firsts.join('; ')}`);
});

test("a page fetches Pagefind's script once it has loaded, a round trip the search dialog then saves; not when the reader saves data", async ({
	browser,
}) => {
	const fetched = async (saveData: boolean) => {
		const context = await browser.newContext();
		if (saveData) await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
		const page = await context.newPage();
		// When each request for Pagefind's script was made: as the page loaded, or for the dialog.
		const requested: ('load' | 'dialog')[] = [];
		let phase: 'load' | 'dialog' = 'load';
		page.on('request', (request) => {
			if (new URL(request.url()).pathname === '/pagefind/pagefind.js') requested.push(phase);
		});
		await page.goto('/runbooks/yogaflow/');
		await page.waitForLoadState('networkidle');
		phase = 'dialog';
		const found = await searchWithBox(page, 'rollback');
		await expect(found.locator('.pagefind-ui__result-link').first()).toBeVisible();
		await context.close();
		return requested;
	};
	// Fetched after load, before the dialog opened; the dialog then imports the loaded module.
	expect(await fetched(false)).toEqual(['load']);
	// With Save-Data, only when the dialog needs it.
	expect(await fetched(true)).toEqual(['dialog']);
});

test("the home page starts Pagefind as it is parsed, before its search box's own code has come", async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	await page.goto('/');
	const box = page.getByRole('searchbox', { name: 'Search the runbooks' });
	await box.fill('restore database backup');
	await expect(page.locator('[data-home-search-hits] a').first()).toBeVisible();
	const script = requested.indexOf('/pagefind/pagefind.js');
	const boxCode = requested.findIndex((path) => /\/home-search\.[\w-]+\.js$/.test(path));
	expect(script).toBeGreaterThanOrEqual(0);
	expect(boxCode).toBeGreaterThan(script);
	// Once: the box took over the page's start.
	expect(requested.filter((path) => path === '/pagefind/pagefind.js')).toHaveLength(1);
});

test('search excerpts keep words apart', async ({ page }) => {
	await page.goto('/');
	const hits = await searchIndex(page, 'twiga scan version');
	expect(hits.length).toBeGreaterThan(0);
	for (const hit of hits) {
		expect(hit.content, hit.url).not.toMatch(/SystemTwiga|version1\.|Last reviewed20|RoleName/);
	}
});

test.describe('the rollback finder', () => {
	/** Query → the procedures left in the list (runbook#procedure) and where Enter goes. */
	const FINDER: [query: string, rows: string[], enter: string | undefined][] = [
		['twiga-scan', ['twiga-scan#if-deployment-fails'], '/rollback/twiga-scan/#if-deployment-fails'],
		['twiga scan', ['twiga-scan#if-deployment-fails'], '/rollback/twiga-scan/#if-deployment-fails'],
		['Twiga', ['twiga-scan#if-deployment-fails'], '/rollback/twiga-scan/#if-deployment-fails'],
		[
			'revert kubernetes',
			['productivity-platform#quick-rollback-kubernetes'],
			'/rollback/productivity-platform/#quick-rollback-kubernetes',
		],
		['undo yogaflow', ['yogaflow#rollback-procedure'], '/rollback/yogaflow/#rollback-procedure'],
		['alembic downgrade', ['productivity-platform#database-rollback'], undefined],
		['zyxwvut', [], undefined],
	];

	test('narrows the list as you type, by name or by step, and Enter opens the top hit', async ({ page }) => {
		for (const [query, rows, enter] of FINDER) {
			await page.goto('/rollback/');
			await page.getByLabel('Search rollback steps').fill(query);
			await expect(page.locator('[data-finder-status]')).toContainText(`“${query}”`);
			const shown = await page
				.locator('tr[data-procedure]:not([hidden])')
				.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-runbook')}#${tr.getAttribute('data-procedure')}`));
			for (const row of rows) expect(shown, query).toContain(row);
			if (!rows.length) expect(shown, query).toEqual([]);
			else expect(shown.length, query).toBeLessThan(6);
			if (!enter) continue;
			await page.getByLabel('Search rollback steps').press('Enter');
			await expect(page).toHaveURL(new RegExp(`${enter.replace(/[/#]/g, '\\$&')}$`));
		}
	});

	test('keys typed while a search runs are searched once, together, and the list answers the whole query', async ({ page }) => {
		await page.goto('/rollback/');
		const box = page.getByLabel('Search rollback steps');
		await expect(box).toBeVisible();
		// Ten keys in one task, as a phone delivers the keys typed while its page was busy.
		const started = await box.evaluate((input: HTMLInputElement) => {
			const before = performance.getEntriesByName('runsheet-rollback-search-start').length;
			for (const key of 'twiga-scan') {
				input.value += key;
				input.dispatchEvent(new InputEvent('input', { bubbles: true, data: key, inputType: 'insertText' }));
			}
			return new Promise<number>((resolve) =>
				setTimeout(() => resolve(performance.getEntriesByName('runsheet-rollback-search-start').length - before), 500),
			);
		});
		expect(started).toBe(1);
		await expect(page.locator('[data-finder-status]')).toContainText('“twiga-scan”');
		const shown = await page
			.locator('tr[data-procedure]:not([hidden])')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-runbook')));
		expect(shown.length).toBeGreaterThan(0);
		expect(new Set(shown)).toEqual(new Set(['twiga-scan']));
	});

	test('rollback words alone keep every procedure', async ({ page }) => {
		await page.goto('/rollback/');
		const all = await page.locator('tr[data-procedure]').count();
		for (const query of ['undo', 'roll back', 'revert']) {
			await page.getByLabel('Search rollback steps').fill(query);
			await expect(page.locator('[data-finder-status]')).toHaveText(`${all} of ${all} procedures shown.`);
		}
	});
});
