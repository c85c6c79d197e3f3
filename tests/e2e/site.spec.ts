import { expect, newContext, test } from '../support/test.ts';
import { searchIndex, searchWithBox } from '../support/search.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadRunbooks, tickableOf, type RawRunbook } from '../support/content.ts';

const runbooks = loadRunbooks();

test('the catalog lists every runbook with system, steps and last review', async ({ page }) => {
	await page.goto('/runbooks/');
	const rows = page.locator('.rs-catalog tbody tr');
	await expect(rows).toHaveCount(runbooks.length);
	for (const runbook of runbooks) {
		const row = page.locator(`.rs-catalog tr[data-runbook="${runbook.id}"]`);
		await expect(row.getByRole('link', { name: runbook.title, exact: true })).toHaveAttribute('href', `/runbooks/${runbook.id}/`);
		await expect(row).toContainText(runbook.system);
		await expect(row.locator('.rs-num')).toHaveText(String(tickableOf(runbook).length));
	}
});

test('the navigation does not list runbooks one by one', async ({ page }) => {
	await page.goto('/runbooks/yogaflow/');
	const sidebarLinks = await page.locator('#starlight__sidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(sidebarLinks.filter((href) => href?.startsWith('/runbooks/') && href !== '/runbooks/')).toEqual([]);
});

test('the home page is the team’s front door: its words, a search, its systems, what changed, the reviews overdue', async ({ page }) => {
	// Expected values from the sources: the config file, the runbooks' YAML, and Git asked file by file.
	const config = parse(readFileSync('runsheet.config.yaml', 'utf8')) as { title: string; description: string; reviewEveryDays: number };
	const raw = runbooks as (RawRunbook & { lastReviewed?: string; reviewEveryDays?: number })[];
	await page.goto('/');
	await expect(page.locator('h1')).toHaveText(config.title);
	await expect(page.locator('main')).toContainText(config.description);

	// Systems, the largest first, each with its count and its runbooks.
	const systems = [...new Set(raw.map((r) => r.system))]
		.map((system) => ({ system, titles: raw.filter((r) => r.system === system).map((r) => r.title) }))
		.sort((a, b) => b.titles.length - a.titles.length || a.system.localeCompare(b.system));
	const cards = page.locator('.rs-home-systems > li');
	await expect(cards).toHaveCount(systems.length);
	for (const [i, { system, titles }] of systems.entries()) {
		const card = cards.nth(i);
		await expect(card.locator('.rs-home-system')).toHaveText(system);
		await expect(card).toContainText(`${titles.length} runbook${titles.length > 1 ? 's' : ''}`);
		await expect(card.getByRole('link')).toHaveText([system, ...titles.sort((a, b) => a.localeCompare(b))]);
	}
	await page.locator('.rs-home-system', { hasText: 'Twiga Scan' }).click();
	await expect(page).toHaveURL(/\/runbooks\/#system-twiga-scan$/);
	await page.goBack();

	// Changed lately: each file's last commit, newest first.
	const committed = raw
		.map((r) => ({
			title: r.title,
			at: spawnSync('git', ['log', '-1', '--format=%cI', '--', `content/runbooks/${r.id}.yaml`], { encoding: 'utf8' }).stdout.trim(),
		}))
		.filter((r) => r.at)
		.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.title.localeCompare(b.title));
	expect(committed.length).toBeGreaterThan(0);
	await expect(page.locator('section[aria-labelledby="home-changed"] li a')).toHaveText(committed.slice(0, 6).map((r) => r.title));

	// Reviews overdue, as of today.
	const today = new Date().toISOString().slice(0, 10);
	const due = raw
		.filter((r) => r.lastReviewed)
		.map((r) => {
			const at = new Date(`${r.lastReviewed}T00:00:00Z`);
			at.setUTCDate(at.getUTCDate() + (r.reviewEveryDays ?? config.reviewEveryDays));
			return { title: r.title, due: at.toISOString().slice(0, 10) };
		})
		.filter((r) => r.due <= today)
		.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
	await expect(page.locator('section[aria-labelledby="home-overdue"] li:visible')).toHaveText(
		due.slice(0, 5).map((r) => `${r.title}: due ${r.due}`),
	);

	// The search box: the runbooks as you type, from the site's index; Enter opens the site's search with the words.
	const box = page.getByRole('searchbox', { name: 'Search the runbooks' });
	await box.fill('twiga');
	const hits = page.locator('[data-home-search-hits] a');
	await expect(hits.first()).toHaveAttribute('href', '/runbooks/twiga-scan/');
	expect((await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every((href) => href!.startsWith('/runbooks/'))).toBe(
		true,
	);
	await box.press('Enter');
	await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' })).toHaveValue('twiga');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	await page.keyboard.press('Escape');

	await page.getByRole('link', { name: `All ${raw.length} runbooks` }).click();
	await expect(page).toHaveURL(/\/runbooks\/$/);
});

test('the home page without JavaScript: no search box, the links to everything', async ({ browser }) => {
	const context = await newContext(browser, { javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('searchbox')).toHaveCount(0);
	for (const [name, href] of [
		[`All ${runbooks.length} runbooks`, '/runbooks/'],
		['Alerts and their runbooks', '/alerts/'],
		['Find a rollback', '/rollback/'],
	] as const)
		await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
	await context.close();
});

test('the catalog’s filter box narrows the list as you type, and keeps its words in the address', async ({ page }) => {
	await page.goto('/runbooks/');
	const rows = page.locator('.rs-catalog tbody tr');
	const box = page.getByRole('searchbox', { name: 'Filter runbooks' });
	await box.pressSequentially('yogaflow LAUNCH');
	await expect(rows.locator('visible=true')).toHaveCount(1);
	await expect(page.locator('tr[data-runbook="yogaflow-launch"]')).toBeVisible();
	await expect(page.locator('#runbook-filter-status')).toHaveText(`1 of ${runbooks.length} runbooks`);
	// The systems left with nothing to show are hidden with their heading.
	await expect(page.getByRole('heading', { name: 'Twiga Scan' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'YogaFlow' })).toBeVisible();
	await expect(page).toHaveURL(/\?filter=yogaflow\+LAUNCH$/);
	await page.reload();
	await expect(box).toHaveValue('yogaflow LAUNCH');
	await expect(rows.locator('visible=true')).toHaveCount(1);
	// By owner, by system name in one word, by id.
	for (const [words, ids] of [
		['twiga-scan', ['twiga-scan']],
		['spatial intel team', ['spatial-intel']],
		['yogaflow', ['yogaflow', 'yogaflow-launch']],
		['nothing-like-this', []],
	] as const) {
		await box.fill(words);
		const visible = await page
			.locator('tr[data-runbook]:visible')
			.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.runbook!));
		expect(visible.sort(), words).toEqual(ids);
	}
	await expect(page.locator('#runbook-filter-status')).toHaveText('No runbook matches “nothing-like-this”');
	await box.fill('');
	await expect(rows.locator('visible=true')).toHaveCount(runbooks.length);
	await expect(page).toHaveURL(/\/runbooks\/$/);
});

test('the alert list says how to give a runbook an alert when none names one yet', async ({ page }) => {
	// The bundled runbooks are deployment checklists: no alerts (the imported site has them).
	await page.goto('/alerts/');
	await expect(page.locator('main p').first()).toContainText('No runbook names an alert yet: add `alerts: [AlertName]`');
	await expect(page.locator('table')).toHaveCount(0);
	await expect(page.locator('#starlight__sidebar').getByRole('link', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page');
});

test('the guide documents every schema object', async ({ page }) => {
	await page.goto('/guides/schema/');
	for (const name of ['Runbook', 'Section', 'Step', 'Alternative', 'Command', 'Record field']) {
		await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
	}
	await expect(page.locator('table').first()).toContainText('lastReviewed');
});

test('no page logs a console error or fails to load a resource', async ({ page }) => {
	const paths = [
		'/',
		'/runbooks/',
		'/rollback/',
		'/alerts/',
		'/guides/writing-runbooks/',
		'/guides/linking/',
		...runbooks.map((r) => `/runbooks/${r.id}/`),
		'/rollback/spatial-intel/',
	];
	const problems: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') problems.push(`${page.url()}: ${msg.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	for (const path of paths) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	expect(problems).toEqual([]);
});

test('Pagefind finds a step by its text and points at its page', async ({ page }) => {
	await page.goto('/runbooks/');
	const results = (await searchIndex(page, 'alembic upgrade')).slice(0, 10);
	const urls = results.map((r) => r.url);
	expect(urls).toContain('/runbooks/productivity-platform/');
	expect(urls).toContain('/runbooks/twiga-scan/');
	const hit = results.find((r) => r.url === '/runbooks/spatial-intel/');
	expect(hit?.content).toContain('Deploy database migrations');
});

test('the search box finds a step by its words', async ({ page }) => {
	await page.goto('/runbooks/');
	await expect(await searchWithBox(page, 'kubectl rollout undo')).toContainText('Productivity Platform');
});
