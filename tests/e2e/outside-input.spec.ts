import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { encodeShare, SHARE_PREFIX } from '../../src/model/progress/share.ts';
import type { ProgressEvent, Run } from '../../src/model/progress/run.ts';
import { loadRunbooks, stepsOf } from '../support/content.ts';
import { answer } from '../support/dialogs.ts';
import { random } from '../support/random.ts';
import { runMenu as menu } from '../support/run-menu.ts';
import { fillStorage, kept, seedStorage } from '../support/storage.ts';
import { expect, test } from '../support/test.ts';

/**
 * Issue 33, findings 6 to 8: what comes from outside (a share link, a JSON file, a merge, storage
 * itself) is checked before the page takes it, never breaks what the page shows, and a write that
 * storage refuses is always said. The links are written with the site's own share encoder in Node,
 * then made hostile: the page reads them as it would read a teammate's.
 */

const TWIGA = '/runbooks/twiga-scan/';
const twiga = loadRunbooks().find((r) => r.id === 'twiga-scan')!;
/** Every step id of twiga-scan, from its YAML. */
const STEPS = stepsOf(twiga).map((s) => s.id);
/** The last time a date can hold is 8.64e15 ms; this one is ten times later ("Invalid time value" wherever it is shown). */
const NEVER = 8.64e16;
const HOUR = 3_600_000;

const box = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`);
const status = (page: Page) => page.locator('[data-status]');
const runKey = (run = 'default') => `runsheet:run:twiga-scan:${run}`;
const stored = (page: Page, key = runKey()) => page.evaluate((k) => localStorage.getItem(k), key);
const progress = (page: Page) => page.locator('[data-progress-text]');

/** A run as a teammate's page would hold it. */
const aRun = (events: ProgressEvent[], more: Partial<Run> = {}): Run => ({
	id: 'theirs',
	name: 'Their run',
	created: Date.now() - 2 * HOUR,
	updated: Date.now() - HOUR,
	events,
	...more,
});

/** The share fragment (without "#") of a run, as the site's encoder writes it; junk step ids are written too. */
const shareOf = (run: Run) => encodeShare(run, [...STEPS, ...run.events.map((e) => e.step)], { by: 'CD', made: Date.now() - HOUR });

/** A JSON export as the site writes one (tests/e2e/progress.spec.ts reads its shape), with whatever events are given. */
const exportOf = (run: Record<string, unknown>) =>
	Buffer.from(JSON.stringify({ format: 'runsheet-run', runbook: 'twiga-scan', exported: new Date().toISOString(), run: { v: 2, ...run } }));

async function chooseFile(page: Page, action: 'import' | 'merge-file', buffer: Buffer): Promise<void> {
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, action)]);
	await chooser.setFiles({ name: 'run.json', mimeType: 'application/json', buffer });
}

test('a share link made when the runbook had other steps says so, in a sentence of its own', async ({ page }) => {
	const t = Date.now() - HOUR;
	// Every step ticked: too long a link to name steps by id, so they go by their place in the
	// runbook, with the runbook's fingerprint; made when it had one step more, which this page lacks.
	const run = aRun(STEPS.map((step, i) => ({ t: t + i, step, action: 'tick' as const })));
	const link = await encodeShare(run, [...STEPS, 'a-step-since-removed'], { by: 'CD', made: t });
	await page.goto(`${TWIGA}#${link}`);
	const banner = page.locator('[data-share-banner]');
	await expect(banner).toBeVisible();
	// "read-only.The runbook…" before the banner was made by the page's script (a space lost in the page's markup).
	await expect(banner.locator('p').first()).toHaveText(
		/^You are viewing a shared snapshot of the run Their run by CD, shared .+, read-only\. The runbook has changed since the link was made: some steps may not match\.$/,
	);
});

test.describe('values from outside', () => {
	test('a share link carrying a value with a line break: the value is refused and said, and a copied command keeps its one line', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const t = Date.now() - HOUR;
		const link = await shareOf(
			aRun([{ t, step: 'deploy-services', action: 'tick' }], { values: { DOMAIN: 'scan.example.org\nrm -rf ~/important' } }),
		);
		await page.goto(`${TWIGA}#${link}`);
		await expect(page.locator('[data-share-banner]')).toBeVisible();
		await expect(status(page)).toContainText('1 entry from the link was not valid');
		await expect(box(page, 'deploy-services')).toBeChecked();
		const step = page.locator('li:has(> .rs-step-row > [id="check-health-endpoints"])');
		await step.locator('.expressive-code').first().hover();
		await step.locator('.expressive-code .copy button').first().click();
		const copied: string = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).not.toContain('rm -rf');
		expect(copied.split(/\r\n|\r|\n/)).toHaveLength(1);
		expect(copied).toBe('curl http://{{DOMAIN}}/health');
	});

	test('a stored value with a line break (storage written by something else): commands keep the placeholder and the panel says why', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.addInitScript((key) => {
			const t = Date.now();
			const run = { v: 2, name: 'Default run', created: t, updated: t, events: [], values: { DOMAIN: 'scan.example.org\nrm -rf ~' } };
			localStorage.setItem(key, JSON.stringify(run));
		}, runKey());
		await page.goto(TWIGA);
		const step = page.locator('li:has(> .rs-step-row > [id="check-health-endpoints"])');
		await expect(step.locator('[data-var="DOMAIN"]')).toHaveAttribute('data-state', 'invalid');
		await expect(step.locator('[data-var="DOMAIN"]')).toHaveText('{{DOMAIN}}');
		await expect(page.locator('[data-var-field]:has(#var--DOMAIN) [data-var-message]')).toContainText('line break');
		await step.locator('.expressive-code').first().hover();
		await step.locator('.expressive-code .copy button').first().click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('curl http://{{DOMAIN}}/health');
	});
});

test.describe('events from outside', () => {
	test('a share link with a time of 8.64e16 and junk: counted and left out, the page renders, a merge keeps the rest, a reload works', async ({
		page,
	}) => {
		const t = Date.now() - HOUR;
		const link = await shareOf(
			aRun([
				{ t, step: 'generate-production-secrets', action: 'tick', by: 'CD' },
				{ t: NEVER, step: 'deploy-services', action: 'tick', by: 'CD' },
				{ t: Date.now() + 24 * HOUR, step: 'run-migrations', action: 'tick' },
				{ t, step: 'a-step-this-runbook-never-had', action: 'tick' },
			]),
		);
		await page.goto(`${TWIGA}#${link}`);
		await expect(page.locator('[data-share-banner]')).toBeVisible();
		await expect(status(page)).toContainText('3 entries from the link were not valid and were left out');
		await expect(progress(page)).toHaveText('1/113 done');
		await expect(page.locator('li:has(> .rs-step-row > [id="generate-production-secrets"]) .rs-step-row').first()).toHaveAttribute(
			'data-stamp',
			/· CD$/,
		);
		await expect(box(page, 'deploy-services')).not.toBeChecked();
		await page.getByRole('button', { name: 'Merge into this run' }).click();
		await expect(status(page)).toContainText('Merged 1 entry from CD');
		await page.reload();
		await expect(progress(page)).toHaveText('1/113 done');
		await expect(page.locator('[data-run-select] option')).toHaveCount(1);
		expect(JSON.parse((await stored(page))!).events).toEqual([[Math.floor(t / 1000) * 1000, 'generate-production-secrets', 'x', 'CD']]);
		await box(page, 'deploy-services').check();
		await expect(progress(page)).toHaveText('2/113 done');
	});

	/** Events as an export stores them ([time, step, action code, initials, reason]): one good, five not. */
	const hostileEvents = (t: number) => [
		[t, 'generate-production-secrets', 'x', 'AB'],
		[NEVER, 'deploy-services', 'x'],
		['garbage', 'run-migrations', 'x'],
		[t, 'redis-connectivity', 'delete-everything'],
		[t, 'a-step-this-runbook-never-had', 'x'],
		{ t: 'garbage' },
	];

	test('a JSON import with a time of 8.64e16, junk events and a live room: counted and left out, joins nothing, reloads', async ({
		page,
	}) => {
		const sockets: string[] = [];
		page.on('websocket', (ws) => sockets.push(ws.url()));
		const t = Date.now() - HOUR;
		await page.goto(TWIGA);
		await chooseFile(
			page,
			'import',
			exportOf({ name: 'Hostile', created: t, updated: t, events: hostileEvents(t), live: 'AAAAAAAAAAAAAAAAAAAAAA' }),
		);
		await answer(page, 'Hostile import');
		await expect(status(page)).toContainText('5 entries from the file were not valid and were left out');
		await expect(status(page)).toContainText('this copy is not live');
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Hostile import — 1\/113/);
		const saved = JSON.parse((await stored(page, runKey('hostile-import')))!);
		expect(saved.live).toBeUndefined();
		expect(saved.events).toEqual([[t, 'generate-production-secrets', 'x', 'AB']]);
		await page.reload();
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Hostile import — 1\/113/);
		await expect(box(page, 'generate-production-secrets')).toBeChecked();
		expect(sockets).toEqual([]);
	});

	test('a JSON merge with a time of 8.64e16 and junk events: counted and left out, the rest merged, reloads', async ({ page }) => {
		const t = Date.now() - HOUR;
		await page.goto(TWIGA);
		await box(page, 'run-migrations').check();
		await chooseFile(page, 'merge-file', exportOf({ name: 'Hostile', created: t, updated: t, events: hostileEvents(t) }));
		await expect(status(page)).toContainText('Merged 1 entry from “Hostile”');
		await expect(status(page)).toContainText('5 entries from the file were not valid and were left out');
		await expect(progress(page)).toHaveText('2/113 done');
		await page.reload();
		await expect(progress(page)).toHaveText('2/113 done');
		await page.locator('[data-timeline] summary').click();
		await expect(page.locator('[data-timeline-list] li')).toHaveCount(2);
	});

	test('a stored run with a time of 8.64e16 is set aside, what of it is valid comes back, and its data can be exported', async ({
		page,
	}) => {
		const t = Date.now() - HOUR;
		const broken = JSON.stringify({
			v: 2,
			name: 'Release 7',
			created: t,
			updated: t,
			events: [
				[t, 'generate-production-secrets', 'x'],
				[NEVER, 'deploy-services', 'x'],
			],
		});
		await seedStorage(page, { [runKey('release-7')]: broken, 'runsheet:current:twiga-scan': 'release-7' });
		await page.goto(TWIGA);
		await expect(status(page)).toContainText('“Release 7” is back: 1 entry from it was not valid and was left out');
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Release 7 — 1\/113/);
		const [download] = await Promise.all([page.waitForEvent('download'), menu(page, 'export-aside')]);
		const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(exported.kept.map((k: { text: string }) => k.text)).toEqual([broken]);
		await page.reload();
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Release 7 — 1\/113/);
	});
});

test.describe('full storage is always said', () => {
	const FULL = 'Not saved: this browser’s storage is full';

	test('a new run: said, and it stays on screen', async ({ page }) => {
		await page.goto(TWIGA);
		expect(await fillStorage(page)).toBeGreaterThan(0);
		await menu(page, 'new');
		await answer(page, 'Release 9');
		await expect(status(page)).toContainText(FULL);
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Release 9 — 0\/113/);
		expect(Object.keys(await kept(page))).not.toContain(runKey('release-9'));
	});

	test('an import: said, and it stays on screen', async ({ page }) => {
		const t = Date.now() - HOUR;
		await page.goto(TWIGA);
		expect(await fillStorage(page)).toBeGreaterThan(0);
		await chooseFile(page, 'import', exportOf({ name: 'Theirs', created: t, updated: t, events: [[t, 'deploy-services', 'x']] }));
		await answer(page, 'Imported');
		await expect(status(page)).toContainText(FULL);
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Imported — 1\/113/);
		await expect(box(page, 'deploy-services')).toBeChecked();
	});

	test('a merge: said, the merged ticks stay on screen, and no Undo is offered for what was not saved', async ({ page }) => {
		const t = Date.now() - HOUR;
		await page.goto(TWIGA);
		await box(page, 'run-migrations').check();
		const before = await stored(page);
		expect(await fillStorage(page)).toBeGreaterThan(0);
		await chooseFile(page, 'merge-file', exportOf({ name: 'Theirs', created: t, updated: t, events: [[t, 'deploy-services', 'x']] }));
		await expect(status(page)).toContainText(FULL);
		await expect(status(page)).toContainText('Merged 1 entry from “Theirs”');
		await expect(box(page, 'deploy-services')).toBeChecked();
		await expect(progress(page)).toHaveText('2/113 done');
		expect(await stored(page)).toBe(before);
	});

	test('a value: said, and it stays in its field and its commands', async ({ page }) => {
		await page.goto(TWIGA);
		expect(await fillStorage(page)).toBeGreaterThan(0);
		if (!(await page.locator('#var--DOMAIN').isVisible())) await page.locator('[data-values] summary').click();
		await page.locator('#var--DOMAIN').fill('scan.example.org');
		await expect(status(page)).toContainText(FULL);
		await expect(page.locator('li:has(> .rs-step-row > [id="check-health-endpoints"]) [data-var="DOMAIN"]')).toHaveText('scan.example.org');
	});

	test('initials: said, not announced as set', async ({ page }) => {
		await page.goto(TWIGA);
		expect(await fillStorage(page)).toBeGreaterThan(0);
		await menu(page, 'initials');
		await answer(page, 'AB');
		await expect(status(page)).toContainText(FULL);
		await expect(page.locator('[data-announce]')).not.toHaveText('Initials set to AB.');
		expect(await page.evaluate(() => localStorage.getItem('runsheet:operator'))).toBeNull();
	});

	test('a record field on the sign-off sheet: said above the sheet, and what was written stays', async ({ page }) => {
		await page.goto(TWIGA);
		await menu(page, 'new');
		await answer(page, 'Release 1.4.0');
		// The menu's actions load on first use: the tick goes to the new run only once it is the one chosen.
		await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Release 1\.4\.0 — 0\/113/);
		await box(page, 'deploy-services').check();
		await page.goto('/signoff/twiga-scan/?run=release-1-4-0');
		const before = await stored(page, runKey('release-1-4-0'));
		expect(await fillStorage(page)).toBeGreaterThan(0);
		const notes = page.locator('[data-record-field="notes"] textarea');
		await notes.fill('CDN purge took 4 minutes.');
		await notes.blur();
		await expect(page.locator('[data-sheet-problem]')).toContainText(FULL);
		await expect(notes).toHaveValue('CDN purge took 4 minutes.');
		expect(await stored(page, runKey('release-1-4-0'))).toBe(before);
	});

	test('a corrupt run found while storage is full is never saved over', async ({ page }) => {
		const corrupt = '{"v":2,"name":';
		// Starlight keeps the colour theme ('' for the system's) and writes it on every load: stored
		// before storage filled up, as in a browser used before, it is written again in place.
		await seedStorage(page, { [runKey()]: corrupt, 'starlight-theme': '' }, { full: true });
		await page.goto(TWIGA);
		await expect(status(page)).toContainText('could not be read (not valid JSON)');
		await box(page, 'deploy-services').check();
		await expect(status(page)).toContainText(FULL);
		await expect(box(page, 'deploy-services')).toBeChecked();
		expect(await stored(page)).toBe(corrupt);
		await page.reload();
		expect(await stored(page)).toBe(corrupt);
	});
});

test('fuzzed share links (seed 3303) never leave the page broken: each is read or refused, and the page still ticks and reloads', async ({
	page,
}) => {
	const rnd = random(3303);
	const int = (n: number) => Math.floor(rnd() * n);
	const t = Date.now() - HOUR;
	const valid = await shareOf(
		aRun(
			[
				{ t, step: 'generate-production-secrets', action: 'tick', by: 'CD' },
				{ t: t + 1000, step: 'redis-connectivity', action: 'na', reason: 'no Redis' },
			],
			{ values: { DOMAIN: 'scan.example.org' }, record: [{ t, field: 'notes', value: 'fine' }] },
		),
	);
	const packed = inflateRawSync(Buffer.from(valid.slice(SHARE_PREFIX.length), 'base64url'));
	const repack = (bytes: Buffer) => SHARE_PREFIX + deflateRawSync(bytes).toString('base64url');
	const links = [
		// Bits flipped in what the link unpacks to.
		...Array.from({ length: 3 }, () => {
			const b = Buffer.from(packed);
			for (let n = 1 + int(6); n > 0; n--) b[int(b.length)]! ^= 1 << int(8);
			return repack(b);
		}),
		// Cut short, unpacked and packed.
		repack(packed.subarray(0, int(packed.length))),
		SHARE_PREFIX + valid.slice(SHARE_PREFIX.length, SHARE_PREFIX.length + int(valid.length - SHARE_PREFIX.length)),
		// A huge number where a count or a time is.
		repack(Buffer.concat([packed.subarray(0, 4), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), packed.subarray(4)])),
		// Times that are no times, names and reasons as long as a link can carry.
		await shareOf(
			aRun(
				[
					{ t: Number.NaN, step: 'deploy-services', action: 'tick' },
					{ t: Number.MAX_VALUE, step: 'run-migrations', action: 'na', reason: 'r'.repeat(5000) },
				],
				{ name: 'n'.repeat(3000) },
			),
		),
		// Not base64 at all.
		`${SHARE_PREFIX}%%%${'A'.repeat(int(100))}`,
	];
	for (const [i, link] of links.entries()) {
		await page.goto('about:blank');
		await page.goto(`${TWIGA}#${link}`);
		// Read (the banner) or refused (a message): the page says which.
		const refused = status(page).getByText('This share link could not be read');
		await expect
			.poll(async () => (await page.locator('[data-share-banner]').isVisible()) || (await refused.isVisible()), {
				message: `link ${i}: ${link}`,
			})
			.toBe(true);
		if (await page.locator('[data-share-banner]').isVisible()) {
			await page.getByRole('button', { name: 'Save as a run' }).click();
			await answer(page, `Fuzzed ${i}`);
			await expect(page.locator('[data-share-banner]')).toBeHidden();
		}
		await page.goto(TWIGA);
		await expect(page.locator('[data-run-select] option').first()).toBeAttached();
		const target = box(page, 'test-qr-scanning');
		const was = await target.isChecked();
		await target.setChecked(!was);
		await expect(target).toBeChecked({ checked: !was });
		await page.reload();
		await expect(target).toBeChecked({ checked: !was });
	}
});

test('a fragment that does not decode ("%E2%9C", a share link cut mid-escape) breaks nothing: no error, the page ticks', async ({
	page,
}) => {
	// yogaflow has option tabs, which look at the fragment too; twiga-scan goes to the step a fragment names.
	for (const path of ['/runbooks/yogaflow/#share=%E2%9C', '/runbooks/yogaflow/#%E2%9C', `${TWIGA}#%E2%9C`]) {
		await page.goto('about:blank');
		await page.goto(path);
		const first = page.locator('.rs-check:not([disabled])').first();
		await first.check();
		await expect(first).toBeChecked();
	}
	await expect(status(page)).toBeAttached();
	await expect(page.locator('.rs-arrival-note')).toContainText('Nothing here is called “%E2%9C”');
});
