import { expect, test } from '../support/test.ts';
import { blockStorage } from '../support/storage.ts';

/**
 * The page's messages (issue "A test run that never lies"): a message that matters is never
 * replaced by a later one before it could be read. Two raised together are both seen, and both
 * are put in the live region a screen reader reads.
 */
const TWIGA = '/runbooks/twiga-scan/';
/** twiga-scan's "Update .env File" groups nine sub-steps: its box ticks them all, with an Undo. */
const GROUP = 'li:has(> .rs-step-row > [id="update-env-file"]) > .rs-step-row > .rs-check';
const SUB_STEPS = ['set-environment-production', 'set-debug-false', 'set-prometheus-enabled-true'];

test('two messages raised at once are both seen and both reach the live region; Undo still takes back its own', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(TWIGA);
	const region = page.locator('[data-status]');
	// The stack is a live region (role status: polite), on the page before any message comes.
	await expect(region).toHaveRole('status');
	await expect(region).toBeAttached();
	// What is added to the live region, as a screen reader is told of it.
	await page.evaluate(() => {
		const added: string[] = [];
		(window as unknown as { added: string[] }).added = added;
		new MutationObserver((records) => {
			for (const r of records) for (const node of r.addedNodes) if (node.textContent?.trim()) added.push(node.textContent);
		}).observe(document.querySelector('[data-status]')!, { childList: true, subtree: true, characterData: true });
	});

	// In the same moment: a group's box (nine steps ticked, with an Undo) and the menu's "Share" (a link copied).
	await page.evaluate((group) => {
		document.querySelector<HTMLInputElement>(group)!.click();
		document.querySelector<HTMLButtonElement>('.rs-menu-items [data-action="share"]')!.click();
	}, GROUP);
	const ticked = region.getByText('9 steps changed');
	const shared = region.getByText('Share link copied');
	await expect(shared).toBeVisible();
	await expect(ticked).toBeVisible();
	// Both on screen at the same moment, inside the live region.
	expect(await region.innerText()).toMatch(/9 steps changed[\s\S]*Share link copied/);
	const added = await page.evaluate(() => (window as unknown as { added: string[] }).added);
	expect(added.filter((text) => text.includes('9 steps changed'))).not.toEqual([]);
	expect(added.filter((text) => text.includes('Share link copied'))).not.toEqual([]);

	// The u key takes back the group's tick, the message that offered it, not the newer one.
	for (const id of SUB_STEPS) await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`)).toBeChecked();
	await page.keyboard.press('u');
	for (const id of SUB_STEPS)
		await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`)).not.toBeChecked();
	await expect(page.locator('[data-progress-text]')).toHaveText('0/113 done');
	await expect(ticked).toBeHidden();
	await expect(shared).toBeVisible();
});

test('a warning stays until closed while other messages come and go beside it', async ({ page }) => {
	await page.clock.install();
	await blockStorage(page);
	await page.goto(TWIGA);
	const region = page.locator('[data-status]');
	const warning = region.getByText('Progress cannot be saved in this browser');
	await expect(warning).toBeVisible();
	await page.locator(GROUP).check();
	const ticked = region.getByText('9 steps changed');
	await expect(ticked).toBeVisible();
	await expect(warning).toBeVisible();
	// Long after a message with an Undo has gone (10 s), the warning is still there.
	await page.mouse.move(0, 0);
	await page.clock.fastForward(30_000);
	await expect(ticked).toBeHidden();
	await expect(warning).toBeVisible();
	await region.getByRole('button', { name: 'Close message' }).click();
	await expect(warning).toBeHidden();
	await expect(region).toBeHidden();
});
