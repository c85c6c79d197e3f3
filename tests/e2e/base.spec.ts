import { readFileSync } from 'node:fs';
import Ajv from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { axe } from '../support/axe.ts';
import { loadRunbooks } from '../support/content.ts';
import { answer } from '../support/dialogs.ts';
import { runMenu } from '../support/run-menu.ts';
import { expect, test } from '../support/test.ts';

/**
 * The bundled runbooks built below a path (npm run test:base-site: RUNSHEET_BASE=/ops-runbooks),
 * served there as GitHub Pages serves a project. Paths here are relative to that base.
 */
const BASE = '/ops-runbooks';
const hrefs = (page: import('@playwright/test').Page, selector: string) =>
	page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));

test('catalog, runbook, progress and the printed run stay below the base', async ({ page }) => {
	await page.goto('runbooks/');
	const links = await hrefs(page, 'main a[href^="/"]');
	expect(links.length).toBeGreaterThan(10);
	expect(links.filter((href) => !href.startsWith(`${BASE}/`))).toEqual([]);
	// This site lists systems (systemPagesFrom: 2): the runbook is on its system's page.
	await page.getByRole('link', { name: '2 runbooks of Twiga Scan', exact: true }).click();
	await expect(page).toHaveURL(`${BASE}/systems/twiga-scan/`);
	// One runbook to a page here (runbooksPerSystemPage: 1): the checklist is on the second.
	await page.getByRole('navigation', { name: 'Pages of Twiga Scan' }).first().getByRole('link', { name: '2', exact: true }).click();
	await expect(page).toHaveURL(`${BASE}/systems/twiga-scan/2/`);
	await page.getByRole('link', { name: 'Twiga Scan: Production Deployment Checklist', exact: true }).click();
	await expect(page).toHaveURL(`${BASE}/runbooks/twiga-scan/`);
	// Ticked as soon as the box is there: a tick made before the page's script has run is kept
	// (progress.spec.ts), which a busy CI machine once showed it was not.
	await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();
	await page.reload();
	await expect(page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check')).toBeChecked();
	// Starlight's own sidebar and the page's links to its rollback page and sheet.
	expect((await hrefs(page, 'nav a[href^="/"], main a[href^="/"]')).filter((href) => !href.startsWith(`${BASE}/`))).toEqual([]);
	await runMenu(page, 'new');
	await answer(page, 'Release 2.0');
	await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();
	await runMenu(page, 'print');
	await expect(page).toHaveURL(`${BASE}/signoff/twiga-scan/?run=release-2-0`);
	await expect(page.locator('[data-sheet-step="deploy-services"] [data-box]')).toHaveText('✓');
});

test('a site that lists systems: the catalog and the finder list systems, each system’s page its runbooks and procedures', async ({
	page,
}) => {
	await page.goto('runbooks/');
	// No row per runbook; every system keeps its anchor (runbook pages link to /runbooks/#system-…).
	await expect(page.locator('tr[data-runbook]')).toHaveCount(0);
	await expect(page.locator('h2#system-yogaflow')).toHaveText('YogaFlow');
	// "On this page" does not list every system (400 at 10,000 runbooks): the filter box finds one.
	await expect(page.locator('starlight-toc a[href="#system-yogaflow"]')).toHaveCount(0);
	await page.getByLabel('Filter systems').fill('yoga');
	await expect(page.locator('section.rs-system:not([hidden])')).toHaveCount(1);
	await page.getByRole('link', { name: '2 runbooks of YogaFlow' }).click();
	await expect(page).toHaveURL(`${BASE}/systems/yogaflow/`);
	// A system's runbooks one to a page here (runbooksPerSystemPage: 1), each page numbered and
	// linking the others; every runbook on exactly one of them.
	await expect(page.locator('h1')).toHaveText('YogaFlow (page 1 of 2)');
	await expect(page.locator('main p').first()).toHaveText(/^Runbook 1 of 2\./);
	const parts = page.getByRole('navigation', { name: 'Pages of YogaFlow' }).first();
	await expect(parts.getByRole('link')).toHaveText(['1', '2']);
	await expect(parts.getByRole('link', { name: '1', exact: true })).toHaveAttribute('aria-current', 'page');
	const listed = () =>
		page.locator('tr[data-runbook]:not([data-procedure])').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.runbook));
	const first = await listed();
	await page.getByRole('link', { name: 'Next page: Runbook 2 →' }).click();
	await expect(page).toHaveURL(`${BASE}/systems/yogaflow/2/`);
	await expect(page.getByRole('link', { name: '← Previous page: Runbook 1' })).toHaveAttribute('href', `${BASE}/systems/yogaflow/`);
	await expect(page.locator('h1')).toHaveText('YogaFlow (page 2 of 2)');
	await expect(page.locator('main p').first()).toHaveText(/^Runbook 2 of 2 and 1 rollback procedure\./);
	expect([...first, ...(await listed())].sort()).toEqual(
		loadRunbooks()
			.filter((r) => r.system === 'YogaFlow')
			.map((r) => r.id)
			.sort(),
	);
	expect(first).toHaveLength(1);
	await expect(page.locator('#rollback ~ table tr[data-procedure]').first()).toBeVisible();
	// Every row is this system's: no System column, nor the finder's data a page without its script carries for nothing.
	await expect(page.locator('#rollback ~ table th')).toHaveText(['Procedure', 'Techniques', 'Steps']);
	await expect(page.locator('#rollback ~ table tr[data-names]')).toHaveCount(0);
	expect((await hrefs(page, '#rollback ~ table tr[data-procedure] a')).every((href) => href.startsWith(`${BASE}/rollback/yogaflow`))).toBe(
		true,
	);

	// The alerts' list: the systems, each page listing its runbooks' alerts (the fixture's one).
	await page.goto('alerts/');
	await expect(page.locator('tr[data-alert]')).toHaveCount(0);
	await expect(page.locator('main')).toContainText('1 alert has a runbook here.');
	await page.getByRole('link', { name: 'Twiga Scan', exact: true }).click();
	await expect(page).toHaveURL(`${BASE}/systems/twiga-scan/#alerts`);
	await expect(page.locator('#alerts ~ table tr[data-alert]')).toHaveCount(1);
	await expect(page.locator('main p').first()).toHaveText(/^Runbook 1 of 2 and 1 alert\./);
	await page.locator('tr[data-alert="TwigaScanQueueBacklog"] a').first().click();
	await expect(page).toHaveURL(`${BASE}/runbooks/twiga-scan-queue-backlog/`);

	// The sheets' list: the systems, each page linking its runbooks' sheets.
	await page.goto('signoff/');
	await expect(page.locator('a[href*="/signoff/"]')).toHaveCount(0);
	await page.getByRole('link', { name: 'YogaFlow', exact: true }).click();
	await expect(page).toHaveURL(`${BASE}/systems/yogaflow/#runbooks`);
	await expect(page.getByRole('link', { name: /^Sign-off sheet: / })).toHaveCount(1);

	// The finder: a row per system, its steps searched all the same, a chosen system narrowing them.
	await page.goto('rollback/');
	await expect(page.locator('.rs-finder > p').first()).toHaveText(
		/^\d+ rollback procedures in \d+ runbooks, \d+ systems\. .* itself\. Each system’s page lists/,
	);
	await expect(page.locator('tr[data-procedure]')).toHaveCount(0);
	await expect(page.locator('tbody tr[data-system]')).toHaveCount(new Set(loadRunbooks().map((r) => r.system)).size);
	// A system's procedures are on the first of its pages that lists some: YogaFlow's on its second.
	await expect(page.getByRole('link', { name: 'YogaFlow', exact: true })).toHaveAttribute('href', `${BASE}/systems/yogaflow/2/#rollback`);
	await page.getByLabel('Search rollback steps').fill('docker compose');
	await expect(page.locator('[data-finder-status]')).toContainText('matching steps for “docker compose”');
	const all = await hrefs(page, '[data-finder-result-list] > li > a');
	// Steps and procedures, never a page's title.
	expect(all.filter((href) => !/#(?!_top$|when-to-roll-back$)[\w-]+$/.test(href))).toEqual([]);
	expect(new Set(all.map((href) => href.split('#')[0])).size).toBeGreaterThan(1);
	await page.getByLabel('System').selectOption('Twiga Scan');
	await expect(page.locator('[data-finder-status]')).toContainText('1 of 4 systems shown');
	await expect(page).toHaveURL(/[?&]system=Twiga\+Scan/);
	await expect(async () => {
		const twiga = await hrefs(page, '[data-finder-result-list] > li > a');
		expect(twiga.length).toBeGreaterThan(0);
		expect(twiga.filter((href) => !href.startsWith(`${BASE}/rollback/twiga-scan/#`))).toEqual([]);
	}).toPass();
	await page.getByLabel('Search rollback steps').press('Enter');
	await expect(page).toHaveURL(new RegExp(`^http://[^/]+${BASE}/rollback/twiga-scan/#`));

	// Words no step holds: Enter opens nothing (not the first system listed); a page's "When to roll
	// back" is not a step.
	await page.goto('rollback/');
	await page.getByLabel('Search rollback steps').fill('zqxwv');
	await expect(page.locator('[data-finder-status]')).toContainText('No rollback step has the words of “zqxwv”');
	await page.getByLabel('Search rollback steps').press('Enter');
	await page.waitForTimeout(500);
	await expect(page).toHaveURL(/\/rollback\/\?q=zqxwv$/);
	// Every rollback page's "When to roll back" says "Check the criteria below first": no step does.
	await page.getByLabel('Search rollback steps').fill('criteria first');
	await expect(page.locator('[data-finder-status]')).toContainText('No rollback step has the words of “criteria first”');

	for (const path of ['runbooks/', 'systems/twiga-scan/', 'systems/twiga-scan/2/', 'rollback/?q=docker']) {
		await page.goto(path);
		const results = await axe(page).analyze();
		expect(results.violations, path).toEqual([]);
	}
});

test('the rollback finder’s search hits and the site search lead below the base', async ({ page }) => {
	await page.goto('rollback/');
	await page.getByLabel('Search rollback steps').fill('docker compose');
	await expect(page.locator('[data-finder-status]')).toContainText('for “docker compose”');
	const found = await hrefs(page, '[data-finder-result-list] > li > a');
	expect(found.length).toBeGreaterThan(0);
	expect(found.filter((href) => !href.startsWith(`${BASE}/rollback/`))).toEqual([]);
	await page.locator('[data-finder-result-list] > li > a').first().click();
	const id = new URL(page.url()).hash.slice(1);
	await expect(page.locator(`[id="${id}"]`)).toBeInViewport();

	await page.goto('runbooks/');
	await page.locator('site-search button[data-open-modal]').click();
	await page.locator('site-search input').fill('alembic');
	const hit = page.locator('site-search .pagefind-ui__result-link').first();
	await expect(hit).toHaveAttribute('href', new RegExp(`^${BASE}/`));
});

test('old addresses redirect within the base; the not-found page links within it', async ({ page, errors }) => {
	await page.goto('runbooks/twiga-scan-deployment-checklist/#deploy-services');
	await expect(page).toHaveURL(`${BASE}/runbooks/twiga-scan/#deploy-services`);
	const missing = await page.goto('runbooks/no-such-runbook/');
	expect(missing?.status()).toBe(404);
	errors.length = 0; // the browser logs the 404 itself
	const links = await hrefs(page, 'main a[href^="/"]');
	expect(links.length).toBeGreaterThan(1);
	expect(links.filter((href) => !href.startsWith(`${BASE}/`))).toEqual([]);
	// An alert no runbook names, below the base: named, its closest runbooks within the base.
	expect((await page.goto('alerts/TwigaScanDeployFailed/'))?.status()).toBe(404);
	errors.length = 0;
	await expect(page.locator('h1')).toHaveText('No runbook for TwigaScanDeployFailed');
	await expect(page.locator('[data-alert-closest] a').first()).toHaveAttribute('href', `${BASE}/runbooks/twiga-scan/`);
});

test('with runbookJson: true, /runbooks/<id>.json is the full typed runbook, valid against runbook.schema.json, linked from the catalog', async ({
	request,
}) => {
	const schema = await (await request.get('runbook.schema.json')).json();
	const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
	const catalog = await (await request.get('runbooks.json')).json();
	for (const raw of loadRunbooks()) {
		const data = await (await request.get(`runbooks/${raw.id}.json`)).json();
		expect(validate(data), `${raw.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
		const yaml = parse(readFileSync(`content/runbooks/${raw.id}.yaml`, 'utf8'));
		expect(data).toMatchObject({ title: yaml.title, system: yaml.system, version: String(yaml.version) });
		const entry = catalog.runbooks.find((r: { id: string }) => r.id === raw.id);
		expect(entry.urls.data).toBe(`https://acme.github.io${BASE}/runbooks/${raw.id}.json`);
	}
	// A renamed runbook's old data URL still answers.
	expect((await request.get('runbooks/twiga-scan-deployment-checklist.json')).ok()).toBe(true);
});
