import type { BrowserContext, Page } from '@playwright/test';

/**
 * Fills localStorage until not even one more character fits, as a browser's storage is when full.
 * Returns how many big chunks went in. Runs in the page.
 */
function fillLocalStorage(): number {
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
}

/** Fills the page's localStorage, as a browser's storage is when full. Returns how many big chunks went in. */
export function fillStorage(page: Page): Promise<number> {
	return page.evaluate(fillLocalStorage);
}

/**
 * Stores `items` in localStorage before the first page of the tab (or of every tab of a context)
 * loads, as a browser used before holds them; a reload keeps what the page made of them. `full`:
 * storage is then filled up, as a browser's may be before the page is ever opened.
 */
export async function seedStorage(target: Page | BrowserContext, items: Record<string, string>, { full = false } = {}): Promise<void> {
	await target.addInitScript(`(${seed})(${JSON.stringify(items)}, ${full ? fillLocalStorage : 'undefined'});`);
}

/** Runs in the page: once per tab, so that a reload finds what the page itself stored. */
function seed(items: Record<string, string>, fill?: () => number): void {
	if (sessionStorage.getItem('seeded')) return;
	sessionStorage.setItem('seeded', '1');
	for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
	fill?.();
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
