import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { answer, question } from '../support/dialogs.ts';
import { runMenu as menu, setInitials } from '../support/run-menu.ts';
import { expect, newContext, test } from '../support/test.ts';
import { blockStorage, fillStorage, seedStorage } from '../support/storage.ts';
import { axe } from '../support/axe.ts';

const TWIGA = '/runbooks/twiga-scan/';
const box = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`);
const step = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"])`);
const runKey = (run = 'default') => `runsheet:run:twiga-scan:${run}`;
const stored = (page: Page, key = runKey()) => page.evaluate((k) => localStorage.getItem(k), key);

/** Holds the page's scripts back (a slow network: the page shows first) until the function returned is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_astro/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test.describe('ticking', () => {
	test('a tick is saved at once, keyed on the step id, and survives reload and a new tab', async ({ page, context }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').check();
		const saved = JSON.parse((await stored(page))!);
		expect(saved.events).toEqual([[expect.any(Number), 'generate-production-secrets', 'x']]);
		await page.reload();
		await expect(box(page, 'generate-production-secrets')).toBeChecked();
		await page.close();
		const again = await context.newPage();
		await again.goto(TWIGA);
		await expect(box(again, 'generate-production-secrets')).toBeChecked();
		await expect(again.locator('[data-progress-text]')).toHaveText('1/113 done');
	});

	test('state keys on ids: steps that left the runbook do not disturb the others', async ({ page }) => {
		const t = Date.now();
		await seedStorage(page, {
			[runKey()]: JSON.stringify({
				v: 2,
				name: 'Default run',
				created: t,
				updated: t,
				events: [
					[t, 'a-step-removed-since', 'x'],
					[t, 'run-migrations', 'x'],
					[t, 'deploy-services', 'x'],
				],
			}),
		});
		await page.goto(TWIGA);
		await expect(box(page, 'run-migrations')).toBeChecked();
		await expect(box(page, 'deploy-services')).toBeChecked();
		await expect(page.locator('[data-progress-text]')).toHaveText('2/113 done');
	});

	test('section and overall progress stay visible while scrolling; next open step jumps', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').check();
		const heading = page.locator('[data-section="environment-configuration"] > .rs-heading .rs-secprog');
		await expect(heading).toHaveText('1/10 done');
		await page.locator('[id="success-criteria"]').scrollIntoViewIfNeeded();
		await expect(page.locator('[data-runbar]')).toBeInViewport();
		await page.getByRole('button', { name: 'Next open step' }).click();
		await expect(box(page, 'set-environment-production')).toBeFocused();
		await expect(step(page, 'set-environment-production')).toBeInViewport();
	});

	test('a finished section can be folded and unfolded', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'backend-dependencies').check();
		await box(page, 'frontend-dependencies').check();
		const section = page.locator('[data-section="dependencies"]');
		const fold = section.locator(':scope > .rs-heading .rs-fold');
		await fold.click();
		await expect(step(page, 'backend-dependencies')).toBeHidden();
		await expect(fold).toHaveAttribute('aria-expanded', 'false');
		await fold.click();
		await expect(step(page, 'backend-dependencies')).toBeVisible();
	});

	test('a parent shows none / some / all of its sub-steps, and ticking it ticks them all', async ({ page }) => {
		await page.goto(TWIGA);
		const parent = box(page, 'update-env-file');
		await expect(parent).not.toBeChecked();
		await expect(parent).toHaveAttribute('title', 'Ticking this ticks all 9 of its sub-steps');
		await box(page, 'set-debug-false').check();
		expect(await parent.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
		await parent.check();
		for (const id of ['set-environment-production', 'set-debug-false', 'set-prometheus-enabled-true'])
			await expect(box(page, id)).toBeChecked();
		expect(await parent.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(false);
		await parent.uncheck();
		await expect(box(page, 'set-debug-false')).not.toBeChecked();
	});

	test('a box ticked before the page’s script has come (a slow network) stays ticked and is saved, with the saved run’s ticks', async ({
		page,
	}) => {
		const t = Date.now();
		await seedStorage(page, {
			[runKey()]: JSON.stringify({ v: 2, name: 'Default run', created: t, updated: t, events: [[t, 'run-migrations', 'x']] }),
		});
		// The page's scripts held back until the boxes are ticked: the page shows its steps first.
		const release = await holdScripts(page);
		await page.goto(TWIGA, { waitUntil: 'commit' });
		await box(page, 'deploy-services').check();
		// A group's box: its sub-steps are ticked once the script has come.
		await box(page, 'update-env-file').check();
		await expect(page.locator('.rs-runbook.rs-js')).toHaveCount(0);
		release();
		await expect(page.locator('[data-progress-text]')).toHaveText('11/113 done');
		for (const id of ['deploy-services', 'run-migrations', 'update-env-file', 'set-debug-false']) await expect(box(page, id)).toBeChecked();
		await page.reload();
		await expect(page.locator('[data-progress-text]')).toHaveText('11/113 done');
		await expect(box(page, 'deploy-services')).toBeChecked();
	});

	test('with a link’s run (?run=), a box ticked before the page’s script has come is ticked in that run, not the one the page opened with', async ({
		page,
	}) => {
		const t = Date.now();
		await seedStorage(page, {
			[runKey('inc-7')]: JSON.stringify({ v: 2, name: 'INC-7', created: t, updated: t, events: [] }),
		});
		const release = await holdScripts(page);
		await page.goto(`${TWIGA}?run=INC-7`, { waitUntil: 'commit' });
		await box(page, 'deploy-services').check();
		release();
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^INC-7 — 1\/113 done/);
		await expect(box(page, 'deploy-services')).toBeChecked();
		expect(JSON.parse((await stored(page, runKey('inc-7')))!).events.map((e: unknown[]) => e[1])).toEqual(['deploy-services']);
		expect(await stored(page)).toBeNull();
	});

	test('going back to a runbook page shows the saved run, not the boxes as they were left (no box state restored by the browser)', async ({
		page,
	}) => {
		await page.goto(TWIGA);
		await box(page, 'deploy-services').check();
		await page.goto('/runbooks/');
		// Reset elsewhere (another tab) while this page was away.
		await page.evaluate((key) => localStorage.removeItem(key), runKey());
		await page.goBack();
		await expect(page.locator('[data-progress-text]')).toHaveText('0/113 done');
		await expect(box(page, 'deploy-services')).not.toBeChecked();
		expect(await stored(page)).toBeNull();
	});

	test('a page shown again from the back-forward cache reads the run again: a tick there keeps the ticks made meanwhile on another page', async ({
		page,
	}) => {
		await page.goto(TWIGA);
		await box(page, 'deploy-services').check();
		// Playwright's Chromium keeps no page in that cache: what the browser does when it brings one
		// back is done here. While the page was away, the runbook's rollback page saved a tick of the
		// same run (written without a storage event, which a page in the cache does not get).
		await page.evaluate((key) => {
			const run = JSON.parse(localStorage.getItem(key)!);
			run.events.push([Date.now(), 'run-migrations', 'x']);
			localStorage.setItem(key, JSON.stringify(run));
			dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
		}, runKey());
		await expect(page.locator('[data-progress-text]')).toHaveText('2/113 done');
		await box(page, 'generate-production-secrets').check();
		const saved = JSON.parse((await stored(page))!);
		expect(saved.events.map((e: unknown[]) => e[1])).toEqual(['deploy-services', 'run-migrations', 'generate-production-secrets']);
	});

	test('not applicable, with a reason, counts apart from done', async ({ page }) => {
		await page.goto(TWIGA);
		await step(page, 'redis-connectivity').locator('.rs-na').first().click();
		await answer(page, 'no Redis in this system');
		await expect(step(page, 'redis-connectivity')).toHaveAttribute('data-state', 'na');
		await expect(step(page, 'redis-connectivity').locator('.rs-step-row').first()).toHaveAttribute(
			'data-stamp',
			/^N\/A: no Redis in this system /,
		);
		await box(page, 'deploy-services').check();
		await expect(page.locator('[data-progress-text]')).toHaveText('1/113 done · 1 N/A');
		await page.reload();
		await expect(step(page, 'redis-connectivity')).toHaveAttribute('data-state', 'na');
		await step(page, 'redis-connectivity').locator('.rs-na').first().click();
		await expect(step(page, 'redis-connectivity')).toHaveAttribute('data-state', '');
	});
});

test.describe('named runs', () => {
	test('create, switch, rename, reset with undo, delete with undo', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'deploy-services').check();
		await menu(page, 'new');
		await answer(page, 'Release 1.4.0');
		const select = page.locator('[data-run-select]');
		await expect(select.locator('option:checked')).toHaveText(/^Release 1\.4\.0 — 0\/113/);
		await expect(box(page, 'deploy-services')).not.toBeChecked();
		await box(page, 'run-migrations').check();
		await expect(select.locator('option:checked')).toHaveText(/^Release 1\.4\.0 — 1\/113 done, just now/);

		await select.selectOption('default');
		await expect(box(page, 'deploy-services')).toBeChecked();
		await expect(box(page, 'run-migrations')).not.toBeChecked();
		await select.selectOption({ label: 'Release 1.4.0 — 1/113 done, just now' });

		await menu(page, 'rename');
		await answer(page, 'Release 1.4.1');
		await expect(select.locator('option:checked')).toHaveText(/^Release 1\.4\.1/);

		await menu(page, 'reset');
		await answer(page, ''); // confirmed
		await expect(box(page, 'run-migrations')).not.toBeChecked();
		await page.locator('[data-status]').getByRole('button', { name: 'Undo' }).click();
		await expect(box(page, 'run-migrations')).toBeChecked();

		await menu(page, 'delete');
		await answer(page, null); // cancelled: nothing happens
		await expect(select.locator('option:checked')).toHaveText(/^Release 1\.4\.1/);
		await menu(page, 'delete');
		await answer(page, '');
		await expect(select.locator('option:checked')).toHaveText(/^Default run/);
		expect(await stored(page, runKey('release-1-4-0'))).toBeNull();
		await page.locator('[data-status]').getByRole('button', { name: 'Undo' }).click();
		await expect(select.locator('option:checked')).toHaveText(/^Release 1\.4\.1/);
		await expect(box(page, 'run-migrations')).toBeChecked();
		await page.reload();
		await expect(select.locator('option')).toHaveCount(2);
	});

	test('?run= opens a run by name, or offers to start it', async ({ page }) => {
		await page.goto(`${TWIGA}?run=INC-2291`);
		await answer(page, '');
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^INC-2291/);
		await box(page, 'deploy-services').check();
		await page.goto(`${TWIGA}?run=inc-2291`);
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^INC-2291/);
		await expect(box(page, 'deploy-services')).toBeChecked();
		await page.goto(`${TWIGA}?run=INC-9999`);
		await answer(page, null);
		await expect(page.locator('[data-run-select] option')).toHaveCount(2);
	});

	test('two tabs on the same run stay in step', async ({ page, context }) => {
		await page.goto(TWIGA);
		const other = await context.newPage();
		await other.goto(TWIGA);
		await box(page, 'deploy-services').check();
		await expect(box(other, 'deploy-services')).toBeChecked();
		await box(other, 'run-migrations').check();
		await expect(box(page, 'run-migrations')).toBeChecked();
	});
});

test.describe('audit trail, export and sharing', () => {
	test('ticks record time and initials, and the timeline shows them', async ({ page }) => {
		await page.goto(TWIGA);
		await menu(page, 'initials');
		await answer(page, 'a.b');
		// The menu's code may still be on its way: the initials are set once it says so.
		await expect(page.locator('[data-announce]')).toHaveText('Initials set to AB.');
		await box(page, 'deploy-services').check();
		await box(page, 'deploy-services').uncheck();
		const saved = JSON.parse((await stored(page))!);
		expect(saved.events.map((e: unknown[]) => [e[1], e[2], e[3]])).toEqual([
			['deploy-services', 'x', 'AB'],
			['deploy-services', 'o', 'AB'],
		]);
		await page.locator('[data-timeline] summary').click();
		await expect(page.locator('[data-timeline-list] li')).toHaveText([/AB unticked: Deploy Services/, /AB done: Deploy Services/]);
	});

	test('export as JSON and Markdown, and import a JSON export as a new run', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'deploy-services').check();
		const [json] = await Promise.all([page.waitForEvent('download'), menu(page, 'export-json')]);
		const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
		expect(exported).toMatchObject({
			format: 'runsheet-run',
			runbook: 'twiga-scan',
			runbookVersion: '1.0.0',
			run: { name: 'Default run' },
		});
		const [mdFile] = await Promise.all([page.waitForEvent('download'), menu(page, 'export-md')]);
		const markdown = readFileSync((await mdFile.path())!, 'utf8');
		expect(markdown).toContain('# Twiga Scan: Production Deployment Checklist: Default run');
		expect(markdown).toMatch(/\| Deploy Services \| done \|/);

		// Importing never overwrites: the clashing name is asked again.
		const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'import')]);
		await chooser.setFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
		await answer(page, 'Default run (imported)');
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Default run \(imported\) — 1\/113/);
		await expect(page.locator('[data-run-select] option')).toHaveCount(2);
	});

	test('a share link shows the run read-only and offers to save it', async ({ page, context, browser }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(TWIGA);
		await setInitials(page, 'x.y', 'XY');
		await box(page, 'deploy-services').check();
		await step(page, 'redis-connectivity').locator('.rs-na').first().click();
		await answer(page, 'not used here');
		await menu(page, 'share');
		await expect(page.locator('[data-status]')).toContainText('Share link copied');
		const link: string = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toMatch(/\/runbooks\/twiga-scan\/#share=/);

		const elsewhere = await (await newContext(browser)).newPage();
		await elsewhere.goto(link);
		await expect(elsewhere.locator('[data-share-banner]')).toBeVisible();
		await expect(elsewhere.locator('[data-share-name]')).toHaveText('Default run');
		await expect(elsewhere.locator('[data-share-made]')).toHaveText(/^ by XY, shared \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
		await expect(box(elsewhere, 'deploy-services')).toBeChecked();
		await expect(box(elsewhere, 'deploy-services')).toBeDisabled();
		await expect(step(elsewhere, 'deploy-services').locator('.rs-step-row').first()).toHaveAttribute('data-stamp', /^✓ .* · XY$/);
		await expect(step(elsewhere, 'redis-connectivity')).toHaveAttribute('data-state', 'na');
		await elsewhere.getByRole('button', { name: 'Save as a run' }).click();
		await answer(elsewhere, 'From the incident channel');
		await expect(elsewhere.locator('[data-share-banner]')).toBeHidden();
		await expect(elsewhere.locator('[data-run-select] option:checked')).toHaveText(/^From the incident channel — 1\/113 done · 1 N\/A/);
		await expect(box(elsewhere, 'deploy-services')).toBeEnabled();
		expect(elsewhere.url()).not.toContain('#share=');
	});
});

test('a teammate’s share link and JSON export merge into this run: the union, attributed, a second merge adds nothing', async ({
	page,
	browser,
}) => {
	const mate = await newContext(browser);
	await mate.grantPermissions(['clipboard-read', 'clipboard-write']);
	const theirs = await mate.newPage();
	await theirs.goto(TWIGA);
	await setInitials(theirs, 'CD', 'CD');
	await box(theirs, 'deploy-services').check();
	await step(theirs, 'redis-connectivity').locator('.rs-na').first().click();
	await answer(theirs, 'no Redis here');
	await expect(step(theirs, 'redis-connectivity')).toHaveAttribute('data-state', 'na');
	await menu(theirs, 'share');
	await expect(theirs.locator('[data-status]')).toContainText('Share link copied');
	const link: string = await theirs.evaluate(() => navigator.clipboard.readText());

	// This browser's run: its own tick, and a later tick of the step the teammate marked N/A.
	await page.goto(TWIGA);
	await setInitials(page, 'AB', 'AB');
	await box(page, 'generate-production-secrets').check();
	await box(page, 'redis-connectivity').check();
	await page.goto(link);
	await expect(page.locator('[data-share-made]')).toContainText('by CD');
	await page.getByRole('button', { name: 'Merge into this run' }).click();
	await expect(page.locator('[data-status]')).toContainText(
		'Merged 2 entries from CD; 1 step changed; 1 step was changed by both: the latest change wins, the timeline keeps both.',
	);
	await expect(page.locator('[data-share-banner]')).toBeHidden();
	await expect(box(page, 'deploy-services')).toBeChecked();
	await expect(step(page, 'deploy-services').locator('.rs-step-row').first()).toHaveAttribute('data-stamp', /· CD$/);
	await expect(step(page, 'redis-connectivity')).toHaveAttribute('data-state', 'done');
	await expect(step(page, 'generate-production-secrets').locator('.rs-step-row').first()).toHaveAttribute('data-stamp', /· AB$/);
	await page.locator('[data-timeline] summary').click();
	await expect(page.locator('[data-timeline-list] li')).toHaveCount(4);
	await expect(page.locator('[data-progress-text]')).toHaveText('3/113 done');

	// The same link again: nothing new.
	await page.goto(`${link.split('#')[0]}#`);
	await page.goto(link);
	await page.getByRole('button', { name: 'Merge into this run' }).click();
	await expect(page.locator('[data-status]')).toContainText('Nothing new from CD: this run has all of it already.');
	expect(JSON.parse((await stored(page))!).events).toHaveLength(4);

	// Their JSON export, after one more tick, merges the same way.
	await box(theirs, 'run-migrations').check();
	const [download] = await Promise.all([theirs.waitForEvent('download'), menu(theirs, 'export-json')]);
	const exported = readFileSync((await download.path())!, 'utf8');
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'merge-file')]);
	await chooser.setFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
	await expect(page.locator('[data-status]')).toContainText('Merged 1 entry from “Default run”; 1 step changed.');
	await expect(box(page, 'run-migrations')).toBeChecked();
	await expect(page.locator('[data-run-select] option')).toHaveCount(1);
	await mate.close();
});

test('a site without a sync server has no live runs: no menu item, no sync code, and a live link says why', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	await page.goto(`${TWIGA}?live=WlZgoWhhBRoyyrdTJ16dQQ`);
	await expect(page.locator('[data-status]')).toContainText('names no sync server');
	await page.locator('.rs-menu summary').click();
	await expect(page.locator('.rs-menu-items [data-action="share"]')).toBeVisible();
	await expect(page.locator('[data-action^="live-"], [data-live]')).toHaveCount(0);
	await page.waitForLoadState('networkidle');
	expect(scripts.filter((url) => /\/(live|merge)\./.test(url))).toEqual([]);
});

test.describe('keyboard and screen readers', () => {
	test('j/k move, x ticks, a marks N/A, n jumps to the next open step, ? lists shortcuts', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').focus();
		await page.keyboard.press('j');
		await expect(box(page, 'update-env-file')).toBeFocused();
		await page.keyboard.press('j');
		await expect(box(page, 'set-environment-production')).toBeFocused();
		await page.keyboard.press('x');
		await expect(box(page, 'set-environment-production')).toBeChecked();
		await expect(page.locator('[data-announce]')).toContainText('Done: Set ENVIRONMENT=production. 1/113 done.');
		await page.keyboard.press('k');
		await expect(box(page, 'update-env-file')).toBeFocused();
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		await page.keyboard.press('a');
		// Why it does not apply is asked in the page: Enter answers, leaving it empty.
		await expect(question(page)).toBeVisible();
		await page.keyboard.press('Enter');
		await expect(step(page, 'set-debug-false')).toHaveAttribute('data-state', 'na');
		await page.keyboard.press('n');
		await expect(box(page, 'generate-production-secrets')).toBeFocused();
		await page.keyboard.press('?');
		await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
		await page.keyboard.press('Escape');
		// No shortcut fires while typing in a field.
		await page
			.getByRole('button', { name: /search/i })
			.first()
			.click();
		await page.keyboard.type('xjan');
		await page.keyboard.press('Escape');
		await expect(box(page, 'generate-production-secrets')).not.toBeChecked();
		expect(JSON.parse((await stored(page))!).events).toHaveLength(2);
	});
});

test.describe('faults that must lose nothing', () => {
	test('storage that throws: the page works in memory and says progress is not kept', async ({ page }) => {
		await blockStorage(page);
		await page.goto(TWIGA);
		await expect(page.locator('[data-status]')).toContainText('Progress cannot be saved in this browser');
		await box(page, 'deploy-services').check();
		await expect(page.locator('[data-progress-text]')).toHaveText('1/113 done');
		await expect(page.locator('[data-status]')).toContainText('cannot be saved');
	});

	test('storage full: the tick stays on screen, a message says it was not saved, nothing else is damaged', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'run-migrations').check();
		const before = await stored(page);
		const filled = await fillStorage(page);
		expect(filled).toBeGreaterThan(0);
		await box(page, 'deploy-services').check();
		await expect(box(page, 'deploy-services')).toBeChecked();
		await expect(page.locator('[data-status]')).toContainText('Not saved: this browser’s storage is full');
		expect(await stored(page)).toBe(before);
		expect(await page.evaluate(() => localStorage.getItem('filler:0')?.length)).toBe(256 * 1024);
	});

	for (const [what, value, reason] of [
		['bad JSON', '{"v":2,"name":', 'not valid JSON'],
		['the wrong shape', '{"v":2,"name":7,"events":"nope"}', 'missing fields'],
		['a newer format', '{"v":99,"whatever":true}', 'written by a newer Runsheet'],
	] as const) {
		test(`a stored run with ${what} is kept aside, reported, and the page recovers`, async ({ page }) => {
			await seedStorage(page, { [runKey('broken')]: value });
			await page.goto(TWIGA);
			await expect(page.locator('[data-status]')).toContainText(`could not be read (${reason}`);
			const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('runsheet:aside:')));
			expect(aside).toHaveLength(1);
			expect(await stored(page, aside[0])).toBe(value);
			expect(await stored(page, runKey('broken'))).toBeNull();
			await box(page, 'deploy-services').check();
			await expect(page.locator('[data-progress-text]')).toHaveText('1/113 done');
		});
	}

	test('a run in the older format migrates forward', async ({ page }) => {
		await page.addInitScript((key) => {
			localStorage.setItem(
				key,
				JSON.stringify({ v: 1, name: 'Old run', checked: { 'deploy-services': 1700000000000, 'run-migrations': 1700000060000 } }),
			);
			localStorage.setItem('runsheet:current:twiga-scan', 'old');
		}, runKey('old'));
		await page.goto(TWIGA);
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Old run — 2\/113/);
		await expect(box(page, 'run-migrations')).toBeChecked();
		expect(JSON.parse((await stored(page, runKey('old')))!).v).toBe(2);
	});
});

test.describe('accessibility with progress on the page', () => {
	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violations with ticks, N/A, a fold and the menu open (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(TWIGA);
			await box(page, 'backend-dependencies').check();
			await step(page, 'frontend-dependencies').locator('.rs-na').first().click();
			await answer(page, 'not needed');
			await page.locator('[data-section="dependencies"] .rs-fold').click();
			await box(page, 'set-debug-false').check();
			await page.locator('.rs-menu summary').click();
			await page.locator('[data-timeline] summary').click();
			const results = await axe(page, scheme).analyze();
			expect(
				results.violations.map(
					(v) =>
						`${v.id}: ${v.nodes
							.map((n) => n.target.join(' '))
							.slice(0, 3)
							.join(' | ')}`,
				),
			).toEqual([]);
		});
	}
});
