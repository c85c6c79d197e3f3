import type { Page } from '@playwright/test';

/**
 * Fills the page's localStorage until not even one more character fits, as a browser's storage
 * is when full. Returns how many big chunks went in.
 */
export function fillStorage(page: Page): Promise<number> {
	return page.evaluate(() => {
		const chunk = 'x'.repeat(256 * 1024);
		let n = 0;
		try {
			for (; n < 200; n++) localStorage.setItem(`filler:${n}`, chunk);
		} catch {
			/* full */
		}
		// Top up with ever smaller values until not even one more character fits.
		for (const size of [16384, 1024, 64, 1]) {
			try {
				for (let i = 0; i < 100000; i++) localStorage.setItem(`f:${size}:${i}`, 'x'.repeat(size));
			} catch {
				/* full at this size */
			}
		}
		return n;
	});
}

/** Every key and value of the page's localStorage but the fillers: what the page itself keeps. */
export function kept(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => !/^(filler|f):/.test(k))));
}

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
