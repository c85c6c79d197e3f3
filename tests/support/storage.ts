import type { Page } from '@playwright/test';

/** Makes the page's storage blocked, as browsers do when a user or a policy blocks it: reading `localStorage` throws. */
export function blockStorage(page: Page): Promise<void> {
	return page.addInitScript(() => {
		// The getter is configurable, as in browsers.
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
}
