import { expect, type Page } from '@playwright/test';

/** The question the page asks in its own dialog (client/run/ask.ts), while it is open. */
export const question = (page: Page) => page.locator('dialog[data-ask][open]');

/**
 * Answers the question the page asks in its own dialog, never a native prompt or confirm: types
 * `value` in its field when it has one and presses its answering button ('' answers a question
 * without a field: confirms it); null cancels with Esc. Called after what asks it: the dialog may
 * open a moment later (its code loads on first use), and this waits for it, then for it to close.
 */
export async function answer(page: Page, value: string | null): Promise<void> {
	const dialog = question(page);
	await expect(dialog).toBeVisible();
	if (value === null) await page.keyboard.press('Escape');
	else {
		const field = dialog.locator('input');
		if (await field.isVisible()) await field.fill(value);
		await dialog.locator('button[type="submit"]').click();
	}
	await expect(dialog).toBeHidden();
}
