import type { Page } from '@playwright/test';

/** Makes the page's storage blocked, as browsers do when a user or a policy blocks it: reading `localStorage` throws. */
export async function blockStorage(page: Page): Promise<void> {
	await page.addInitScript(() => {
		// The getter is configurable, as in browsers.
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
}
