import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { axe } from '../support/axe.ts';
import type { Page } from '@playwright/test';
import { loadRunbooks } from '../support/content.ts';
import { chromeBottom, LAPTOP, luminance, PHONE, readDown } from '../support/layout.ts';
import { answer } from '../support/dialogs.ts';
import { runMenu } from '../support/run-menu.ts';
import { expect, newContext, test } from '../support/test.ts';

// An on-call engineer at 3 a.m.: a 390 × 844 phone and a 1280 × 800 laptop, light and dark.

const TWIGA = '/runbooks/twiga-scan/';
const box = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`);
const step = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"])`);
const SCHEMES = ['light', 'dark'] as const;

/** Every page of the built site, as a path. */
function sitePages(dir = 'dist', base = ''): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : sitePages(path, `${base}/${name}`);
		return name === 'index.html' ? [`${base}/`] : [];
	});
}

test.describe('what stays on screen', () => {
	for (const scheme of SCHEMES) {
		for (const viewport of [PHONE, LAPTOP]) {
			test(`the bars at the top take at most 15 % of a ${viewport.width} × ${viewport.height} screen while reading (${scheme})`, async ({
				page,
			}) => {
				await page.setViewportSize(viewport);
				await page.emulateMedia({ colorScheme: scheme });
				const figures: string[] = [];
				for (const path of [TWIGA, '/rollback/twiga-scan/', '/runbooks/yogaflow/']) {
					await page.goto(path);
					await readDown(page, 1800);
					const ratio = (await chromeBottom(page)) / viewport.height;
					figures.push(`${path} ${(ratio * 100).toFixed(1)} %`);
					expect(ratio, path).toBeLessThanOrEqual(0.15);
				}
				test.info().annotations.push({ type: 'sticky chrome', description: figures.join(', ') });
				console.log(`sticky chrome (${viewport.width} px, ${scheme}): ${figures.join(', ')}`);
			});
		}
	}

	test('on a phone the header comes back as soon as the reader scrolls up', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await page.goto(TWIGA);
		await readDown(page, 1500);
		await expect(page.locator('header.header')).not.toBeInViewport();
		await page.mouse.wheel(0, -200);
		await expect(page.locator('header.header')).toBeInViewport();
	});

	test('every copy button sits inside its command, one line long or many', async ({ page }) => {
		await page.setViewportSize(PHONE);
		for (const path of [TWIGA, '/rollback/twiga-scan/']) {
			await page.goto(path);
			// Buttons whose bottom is below their frame's: they cover the next step's row.
			const outside = await page.locator('.rs-steps > li .expressive-code .frame').evaluateAll((frames) =>
				frames.flatMap((frame) => {
					const button = frame.querySelector('.copy button');
					if (!button) return [];
					const box = frame.getBoundingClientRect();
					const placed = button.getBoundingClientRect();
					return placed.bottom > box.bottom + 0.5 || placed.top < box.top ? [frame.textContent!.slice(0, 40)] : [];
				}),
			);
			expect(outside, path).toEqual([]);
		}
	});

	test('a message is a toast at the foot of the screen that fades, and the run bar never grows', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.setViewportSize(PHONE);
		await page.goto(TWIGA);
		const bar = page.locator('[data-runbar]');
		const before = (await bar.boundingBox())!.height;
		await step(page, 'tag-images').locator('.expressive-code').first().scrollIntoViewIfNeeded();
		await step(page, 'tag-images').locator('.copy button').first().click();
		const toast = page.locator('[data-status]');
		await expect(toast).toContainText('Copied, but not ready: {{VERSION}} is not set');
		expect((await bar.boundingBox())!.height).toBe(before);
		const placed = (await toast.boundingBox())!;
		expect(placed.y + placed.height).toBeLessThanOrEqual(PHONE.height);
		expect(placed.y).toBeGreaterThan(PHONE.height / 2);
		// Never on paper.
		await page.emulateMedia({ media: 'print' });
		await expect(toast).toBeHidden();
		await page.emulateMedia({ media: 'screen' });
		await expect(toast).toBeHidden({ timeout: 9000 });
	});
});

test.describe('the first step, first', () => {
	const runbooks = loadRunbooks();

	test('on a rollback page step 1 is on the first screen and its command begins there', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await page.goto('/rollback/');
		const ids = [
			...new Set(await page.locator('tr[data-runbook]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-runbook')!))),
		];
		expect(ids.length).toBeGreaterThan(3);
		const figures: string[] = [];
		for (const id of ids) {
			await page.goto(`/rollback/${id}/`);
			const first = page.locator('.rs-steps > li').first();
			const row = (await first.locator('.rs-step-row').first().boundingBox())!;
			expect(row.y + row.height, `${id}: step 1`).toBeLessThanOrEqual(PHONE.height);
			const command = first.locator('.expressive-code').first();
			if (await command.count()) {
				const top = (await command.boundingBox())!.y;
				// Its first line (a line and the block's padding) shows without scrolling.
				expect(top + 40, `${id}: the command of step 1`).toBeLessThanOrEqual(PHONE.height);
				figures.push(`${id}: step 1 ends at ${Math.round(row.y + row.height)} px, its command begins at ${Math.round(top)} px`);
			} else figures.push(`${id}: step 1 ends at ${Math.round(row.y + row.height)} px (no command)`);
		}
		test.info().annotations.push({ type: 'first screen (844 px)', description: figures.join('; ') });
		console.log(`first screen (844 px): ${figures.join('; ')}`);
	});

	test('on a runbook page the first step is within a screen and a half, values folded until needed', async ({ page }) => {
		await page.setViewportSize(PHONE);
		const figures: string[] = [];
		for (const { id } of runbooks) {
			await page.goto(`/runbooks/${id}/`);
			const top = (await page.locator('.rs-check').first().boundingBox())!.y;
			figures.push(`${id} ${Math.round(top)} px`);
			expect(top, id).toBeLessThanOrEqual(1.5 * PHONE.height);
			const panel = page.locator('[data-vars]');
			if (await panel.count()) await expect(panel).not.toHaveAttribute('open');
		}
		test.info().annotations.push({ type: 'first checkbox', description: figures.join(', ') });
		console.log(`first checkbox: ${figures.join(', ')}`);
		// On a laptop the panel opens while a value the page needs is missing.
		await page.setViewportSize(LAPTOP);
		await page.goto(TWIGA);
		await expect(page.locator('[data-vars]')).toHaveAttribute('open', '');
	});

	test('a value a command needs is asked for where it is used, and Esc comes back to the step', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await page.goto(TWIGA);
		const blank = step(page, 'tag-images').locator('.expressive-code [data-var="VERSION"]').first();
		await expect(blank).toHaveAttribute('data-state', 'unset');
		await blank.click();
		// Right there, under the command (issue 36): the values panel at the top stays folded.
		const inPlace = step(page, 'tag-images').locator('.expressive-code + [data-var-inplace="VERSION"]');
		await expect(inPlace.getByRole('textbox', { name: /VERSION/ })).toBeFocused();
		await expect(page.locator('[data-vars]')).not.toHaveAttribute('open');
		// Asking for the value does not tick the step.
		await expect(box(page, 'tag-images')).not.toBeChecked();
		await page.keyboard.type('2.4.1');
		await page.keyboard.press('Escape');
		await expect(box(page, 'tag-images')).toBeFocused();
		await expect(inPlace).toHaveCount(0);
		await expect(blank).toHaveText('2.4.1');
		await expect(blank).toHaveAttribute('data-state', 'ok');
		await expect(page.locator('#var--VERSION')).toHaveValue('2.4.1');
	});

	test('no page scrolls sideways on a phone: tables become stacked rows, the sheet reflows', async ({ page }) => {
		await page.setViewportSize(PHONE);
		const pages = sitePages();
		expect(pages.length).toBeGreaterThan(20);
		for (const path of pages) {
			await page.goto(path);
			const wide = await page.evaluate(() => ({
				page: document.documentElement.scrollWidth,
				tables: [...document.querySelectorAll('table')].filter((t) => t.scrollWidth > t.clientWidth + 1).length,
			}));
			expect(wide, path).toEqual({ page: PHONE.width, tables: 0 });
		}
	});
});

test.describe('ticking under stress', () => {
	test('on a touch screen the whole step row is the target: 44 px tall, N/A and # 44 px wide, the text ticks the box', async ({
		browser,
	}) => {
		const context = await newContext(browser, { viewport: PHONE, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto(TWIGA);
		const sizes = await page.locator('.rs-steps > li > .rs-step-row').evaluateAll((rows) =>
			rows
				.filter((row) => (row as HTMLElement).offsetParent !== null)
				.map((row) => ({
					row: row.getBoundingClientRect().height,
					na: row.querySelector(':scope > .rs-na')!.getBoundingClientRect(),
					anchor: row.querySelector(':scope > .rs-anchor')!.getBoundingClientRect(),
				})),
		);
		expect(sizes.length).toBeGreaterThan(50);
		for (const { row, na, anchor } of sizes) {
			expect(row).toBeGreaterThanOrEqual(44);
			expect(na.width).toBeGreaterThanOrEqual(44);
			expect(na.height).toBeGreaterThanOrEqual(44);
			expect(anchor.width).toBeGreaterThanOrEqual(44);
		}
		const headingAnchors = await page
			.locator('.rs-heading > .rs-anchor')
			.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().width));
		for (const width of headingAnchors) expect(width).toBeGreaterThanOrEqual(44);
		await step(page, 'run-migrations').locator('.rs-step-text').first().tap();
		await expect(box(page, 'run-migrations')).toBeChecked();
		await step(page, 'run-migrations').locator('.rs-step-text').first().tap();
		await expect(box(page, 'run-migrations')).not.toBeChecked();
		await context.close();
	});

	test('ticking a group offers an Undo, by button or by the u key', async ({ page }) => {
		await page.goto(TWIGA);
		const subs = ['set-environment-production', 'set-debug-false', 'set-prometheus-enabled-true'];
		await box(page, 'update-env-file').check();
		for (const id of subs) await expect(box(page, id)).toBeChecked();
		const toast = page.locator('[data-status]');
		await expect(toast).toContainText('9 steps changed');
		await page.keyboard.press('u');
		for (const id of subs) await expect(box(page, id)).not.toBeChecked();
		await expect(page.locator('[data-progress-text]')).toHaveText('0/113 done');
		// One sub-step done before: Undo puts back exactly that.
		await box(page, 'set-debug-false').check();
		await box(page, 'update-env-file').check();
		await toast.getByRole('button', { name: 'Undo' }).focus();
		await page.keyboard.press('Enter');
		await expect(box(page, 'set-debug-false')).toBeChecked();
		await expect(box(page, 'set-environment-production')).not.toBeChecked();
		await expect(page.locator('[data-progress-text]')).toHaveText('1/113 done');
	});

	test('Next and j / k land with the same highlight as a step link', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').check();
		await page.getByRole('button', { name: 'Next open step' }).click();
		// The next open step: the first sub-step of the group that follows.
		const arrived = page.locator('.rs-arrived');
		await expect(arrived).toHaveCount(1);
		await expect(arrived.locator(':scope > .rs-step-row > .rs-step-text')).toHaveId('set-environment-production');
		await expect(box(page, 'set-environment-production')).toBeFocused();
		const outline = await arrived.locator(':scope > .rs-step-row').evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).toBe('solid');
		await page.keyboard.press('j');
		await expect(arrived.locator(':scope > .rs-step-row > .rs-step-text')).toHaveId('set-debug-false');
		await expect(box(page, 'set-debug-false')).toBeFocused();
		await page.keyboard.press('k');
		await expect(arrived.locator(':scope > .rs-step-row > .rs-step-text')).toHaveId('set-environment-production');
	});

	test('the run menu closes on a click elsewhere and on Esc, giving focus back', async ({ page }) => {
		await page.goto(TWIGA);
		const menu = page.locator('.rs-menu');
		// The menu's code comes as the pointer reaches the menu; a hand is slower than a test.
		const code = page.waitForResponse((response) => response.url().includes('/run-actions.'));
		await menu.locator('summary').click();
		await expect(menu).toHaveAttribute('open', '');
		await code;
		await page.locator('h1').click();
		await expect(menu).not.toHaveAttribute('open');
		await menu.locator('summary').click();
		await expect(menu.getByRole('button', { name: 'New run…' })).toBeVisible();
		await menu.getByRole('button', { name: 'New run…' }).focus();
		await page.keyboard.press('Escape');
		await expect(menu).not.toHaveAttribute('open');
		await expect(menu.locator('summary')).toBeFocused();
	});

	test('the shortcut list is centred with its rows aligned; Esc in a value field gives the keys back', async ({ page }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').focus();
		await page.keyboard.press('?');
		const dialog = page.locator('[data-shortcuts]');
		await expect(dialog).toBeVisible();
		const placed = (await dialog.boundingBox())!;
		const viewport = page.viewportSize()!;
		expect(Math.abs(placed.x - (viewport.width - placed.x - placed.width))).toBeLessThanOrEqual(2);
		expect(Math.abs(placed.y - (viewport.height - placed.y - placed.height))).toBeLessThanOrEqual(2);
		const rows = await dialog
			.locator('dt')
			.evaluateAll((dts) => dts.map((dt) => Math.abs(dt.getBoundingClientRect().top - dt.nextElementSibling!.getBoundingClientRect().top)));
		expect(rows.length).toBeGreaterThan(5);
		for (const offset of rows) expect(offset).toBeLessThanOrEqual(3);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();

		await page.locator('#var--VERSION').fill('1.4.0');
		await page.keyboard.press('Escape');
		await expect(page.locator('#var--VERSION')).not.toBeFocused();
		const focused = await page.evaluate(() => document.activeElement?.classList.contains('rs-check'));
		expect(focused).toBe(true);
		await page.keyboard.press('x');
		await expect(page.locator('[data-progress-text]')).toHaveText('1/113 done');
	});

	test('a skip link reaches the first open step in two Tab presses', async ({ page, context }) => {
		await page.goto(TWIGA);
		await box(page, 'generate-production-secrets').check();
		// Opened afresh, as from a link: nothing focused yet.
		const fresh = await context.newPage();
		await fresh.goto(TWIGA);
		await fresh.keyboard.press('Tab');
		await fresh.keyboard.press('Tab');
		const skip = fresh.getByRole('link', { name: 'Skip to the first open step' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
		await fresh.keyboard.press('Enter');
		// The first open step: the first sub-step of the group after the ticked one.
		await expect(box(fresh, 'set-environment-production')).toBeFocused();
		await expect(step(fresh, 'set-environment-production')).toBeInViewport();
	});

	for (const scheme of SCHEMES) {
		test(`an empty progress bar reads as empty (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(TWIGA);
			const track = await luminance(page, page.locator('[data-progress]'));
			const background = await luminance(page, page.locator('[data-progress-text]'));
			// The empty track is close to the bar's background, not a bright block in the dark.
			expect(Math.abs(track - background), `track ${track.toFixed(2)}, background ${background.toFixed(2)}`).toBeLessThan(0.25);
			await box(page, 'update-env-file').check();
			const some = await luminance(page, page.locator('[data-progress]'));
			expect(Math.abs(some - track)).toBeGreaterThan(0.005);
		});
	}

	test('one count everywhere: the bar, the run list, the section and a shared snapshot agree', async ({ page, context, browser }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(TWIGA);
		await box(page, 'run-migrations').check();
		await step(page, 'verify-database-connection').locator('.rs-na').first().click();
		await answer(page, 'no CDN');
		const count = '1/113 done · 1 N/A';
		await expect(page.locator('[data-progress-text]')).toHaveText(count);
		await expect(page.locator('[data-run-select] option:checked')).toContainText(count);
		await expect(page.locator('[data-section="database-setup"] > .rs-heading .rs-secprog')).toHaveText('1/2 done · 1 N/A');
		await runMenu(page, 'share');
		await expect(page.locator('[data-status]')).toContainText('Share link copied');
		const link = await page.evaluate(() => navigator.clipboard.readText());
		const other = await (await newContext(browser)).newPage();
		await other.goto(link);
		await expect(other.locator('[data-share-banner]')).toBeVisible();
		await expect(other.locator('[data-progress-text]')).toHaveText(count);
		await expect(other.locator('[data-run-select] option:checked')).toContainText(`(shared) — ${count}`);
	});
});

test.describe('On this page', () => {
	// The entry that should be current: the last heading above the reading line, two lines below the bars.
	for (const viewport of [LAPTOP, PHONE]) {
		test(`highlights the section under the reading line at 30 scroll positions (${viewport.width} px)`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(TWIGA);
			await page.mouse.move(200, 300);
			await page.mouse.wheel(0, 10);
			const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
			let right = 0;
			for (let i = 0; i < 30; i++) {
				await page.evaluate((y) => scrollTo(0, y), Math.round((height * i) / 29));
				// Polled, not read after a fixed pause: the entry follows the scroll within a frame or two,
				// and 30 pauses of 250 ms were most of this test's time. Each poll reads 'right', or what
				// is shown where what is due.
				const current = async () => {
					const line = (await chromeBottom(page)) + 48;
					const want = await page.evaluate(
						([line]) => {
							const links = [...document.querySelectorAll<HTMLAnchorElement>('runsheet-toc a')];
							let current = decodeURIComponent(links[0]!.hash.slice(1));
							for (const link of links) {
								const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
								if (heading && heading.getBoundingClientRect().top <= line!) current = heading.id;
							}
							return current;
						},
						[line],
					);
					const shown = (
						viewport === PHONE
							? await page.locator('runsheet-mobile-toc .display-current').textContent()
							: await page.locator('runsheet-toc a[aria-current="true"]').getAttribute('href')
					)?.trim();
					const wantText =
						viewport === PHONE
							? await page
									.locator(`runsheet-toc a[href="#${want}"]`)
									.first()
									.evaluate((a) => a.textContent!.trim())
							: `#${want}`;
					return shown === wantText ? 'right' : `${shown} where ${wantText} is due`;
				};
				await expect.poll(current, { message: `position ${i} of 30` }).toBe('right');
				right++;
			}
			expect(right).toBe(30);
		});
	}

	test('on a phone its list closes on an entry, a click outside and Escape, which gives the focus back to its bar', async ({ page }) => {
		await page.setViewportSize(PHONE);
		await page.goto(TWIGA);
		const list = page.locator('#starlight__mobile-toc');
		const bar = page.locator('#starlight__on-this-page--mobile');
		const open = async () => {
			await bar.click();
			await expect(list).toHaveAttribute('open', '');
		};
		await open();
		await list.locator('.dropdown a').nth(1).click();
		await expect(list).not.toHaveAttribute('open');
		await open();
		await page.locator('h1').dispatchEvent('click');
		await expect(list).not.toHaveAttribute('open');
		await open();
		await page.keyboard.press('Escape');
		await expect(list).not.toHaveAttribute('open');
		await expect(bar).toBeFocused();
	});
});

test.describe('accessibility on a phone', () => {
	for (const scheme of SCHEMES) {
		test(`axe finds no violations on a runbook and a rollback page at 390 px (${scheme})`, async ({ page }) => {
			await page.setViewportSize(PHONE);
			await page.emulateMedia({ colorScheme: scheme });
			for (const path of [TWIGA, '/rollback/twiga-scan/', '/rollback/?q=twiga']) {
				await page.goto(path);
				const results = await axe(page, scheme).analyze();
				expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
			}
		});
	}
});
