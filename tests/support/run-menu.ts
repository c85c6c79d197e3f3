import { expect, type Page } from '@playwright/test';
import { answer } from './dialogs.ts';

/** Opens a runbook page's run menu and picks one of its actions (`data-action`). */
export async function runMenu(page: Page, action: string): Promise<void> {
	await page.locator('.rs-menu summary').click();
	await page.locator(`.rs-menu-items [data-action="${action}"]`).click();
}

/**
 * Sets the operator's initials through the run menu, answering its question with `typed`, and waits
 * until the page has kept them as `kept`: the menu's actions load with the menu, so the action can
 * run a moment after the click, and a tick before it carries no initials.
 */
export async function setInitials(page: Page, typed: string, kept: string): Promise<void> {
	await runMenu(page, 'initials');
	await answer(page, typed);
	await expect.poll(() => page.evaluate(() => localStorage.getItem('runsheet:operator'))).toBe(kept);
}
