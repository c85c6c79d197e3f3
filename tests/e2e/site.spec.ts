import { expect, test } from '@playwright/test';
import { searchIndex, searchWithBox } from '../support/search.ts';
import { loadRunbooks, tickableOf } from '../support/content.ts';

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

test('the home page says what Runsheet is and leads to the runbooks', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('h1')).toHaveText('Runsheet');
	await page.getByRole('link', { name: 'Open the runbooks' }).click();
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
