import type { Page } from '@playwright/test';
import { axe } from '../support/axe.ts';
import { question } from '../support/dialogs.ts';
import { runMenu } from '../support/run-menu.ts';
import { expect, test } from '../support/test.ts';

/**
 * What the run page asks, asked in the page (issue 36): the initials at the first tick of a browser
 * that has none, once; why a step does not apply; a run's name. Never a native prompt: a native
 * dialog here fails the test.
 */
const TWIGA = '/runbooks/twiga-scan/';
const box = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`);
const step = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"])`);
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
/** The default run's entries: [step, action, initials]. */
const entries = async (page: Page) =>
	(JSON.parse((await stored(page, 'runsheet:run:twiga-scan:default')) ?? '{"events":[]}').events as unknown[][]).map((e) => e.slice(1));
const focusedStep = (page: Page) =>
	page.evaluate(() => document.activeElement?.closest('.rs-steps > li')?.querySelector('.rs-step-text')?.id);

// A browser that has never been asked (the other tests' browsers have answered: tests/support/test.ts).
test.use({ asked: false });
/** Native dialogs the page opens (none should): each is dismissed and named by the page's errors. */
test.beforeEach(({ page, errors }) => {
	page.on('dialog', (d) => {
		errors.push(`a native ${d.type()} opened: ${d.message()}`);
		void d.dismiss();
	});
});

test('the first tick asks who is working, in the page and by keyboard alone: the tick is kept at once, the initials go with the next', async ({
	page,
}) => {
	await page.goto(TWIGA);
	await page.keyboard.press('n');
	// The keys' code loads with the first key pressed: the focus moves once it is there.
	await expect.poll(() => focusedStep(page)).toBeTruthy();
	const first = (await focusedStep(page))!;
	await page.keyboard.press('x');
	const dialog = page.getByRole('dialog', { name: 'Who is working?' });
	const field = dialog.getByRole('textbox', { name: 'Your initials' });
	await expect(field).toBeFocused();
	// The tick did not wait for the answer: it is kept already, without initials.
	await expect(box(page, first)).toBeChecked();
	expect(await entries(page)).toEqual([[first, 'x']]);
	// Axe on the open dialog, in both themes.
	for (const theme of ['light', 'dark'] as const) {
		await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
		expect((await axe(page, theme).include('dialog[data-ask]').analyze()).violations, theme).toEqual([]);
	}
	await page.keyboard.type('a.b');
	await page.keyboard.press('Tab');
	const save = dialog.getByRole('button', { name: 'Save' });
	await expect(save).toBeFocused();
	expect(await save.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	// Back where the reader was, and the initials from now on.
	await expect(box(page, first)).toBeFocused();
	await expect(page.locator('[data-announce]')).toHaveText('Initials set to AB.');
	expect(await stored(page, 'runsheet:operator')).toBe('AB');
	await page.keyboard.press('j');
	const second = (await focusedStep(page))!;
	await page.keyboard.press('x');
	await expect(box(page, second)).toBeChecked();
	// (A group's box ticks each of its steps.)
	const [firstEntry, ...next] = await entries(page);
	expect(firstEntry).toEqual([first, 'x']);
	expect(next.length).toBeGreaterThan(0);
	expect(next.filter(([, action, by]) => action !== 'x' || by !== 'AB')).toEqual([]);
	await expect(question(page)).toHaveCount(0);
});

test('a skip is remembered across a reload; N/A reasons and run names are asked in the page and checked', async ({ page }) => {
	await page.goto(TWIGA);
	await box(page, 'deploy-services').focus();
	await page.keyboard.press('x');
	const initials = page.getByRole('dialog', { name: 'Who is working?' });
	await expect(initials.getByRole('textbox', { name: 'Your initials' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(initials.getByRole('button', { name: 'Skip' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(initials).toBeHidden();
	await expect(box(page, 'deploy-services')).toBeFocused();
	expect(await stored(page, 'runsheet:operator')).toBeNull();
	await page.reload();
	await box(page, 'run-migrations').check();
	await expect(page.locator('[data-progress-text]')).toHaveText('2/113 done');
	// Asked once: after a reload, a tick asks nothing (the question's dialog is not even made).
	await page.waitForTimeout(500);
	await expect(page.locator('dialog[data-ask]')).toHaveCount(0);
	expect(await entries(page)).toEqual([
		['deploy-services', 'x'],
		['run-migrations', 'x'],
	]);

	// N/A: Esc cancels and comes back to the button; Enter marks it with the reason.
	const na = step(page, 'redis-connectivity').locator('.rs-na').first();
	await na.click();
	const why = page.getByRole('dialog', { name: /^Not applicable: / });
	const reason = why.getByRole('textbox', { name: 'Why does it not apply? (optional)' });
	await expect(reason).toBeFocused();
	await expect(reason).toHaveAttribute('maxlength', '200');
	await page.keyboard.type('no Redis');
	await page.keyboard.press('Escape');
	await expect(why).toBeHidden();
	await expect(na).toBeFocused();
	await expect(step(page, 'redis-connectivity')).not.toHaveAttribute('data-state', 'na');
	await page.keyboard.press('Enter');
	await expect(reason).toBeFocused();
	await page.keyboard.type('  no Redis in this system ');
	await page.keyboard.press('Enter');
	await expect(step(page, 'redis-connectivity')).toHaveAttribute('data-state', 'na');
	await expect(step(page, 'redis-connectivity').locator('.rs-step-row').first()).toHaveAttribute(
		'data-stamp',
		/^N\/A: no Redis in this system /,
	);

	// A run's name: needed, and new (without case), as before; the dialog stays open until it is.
	await runMenu(page, 'new');
	const naming = page.getByRole('dialog', { name: 'New run' });
	const name = naming.getByRole('textbox', { name: 'Name of the run' });
	await expect(name).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(naming).toContainText('A run needs a name');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await page.keyboard.type('default RUN');
	await page.keyboard.press('Enter');
	await expect(naming).toContainText('A run called “default RUN” exists already');
	expect((await axe(page).include('dialog[data-ask]').analyze()).violations).toEqual([]);
	await name.fill('Release 3');
	await page.keyboard.press('Enter');
	await expect(naming).toBeHidden();
	await expect(page.locator('[data-run-select] option:checked')).toHaveText(/^Release 3 — 0\/113/);
	await expect(page.locator('.rs-menu summary')).toBeFocused();
});
