import { expect, test as base, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

/**
 * Marks a browser as one that has answered the question a first tick asks once (the initials,
 * client/run/questions.ts), as a returning reader's has, so that tests that tick go on ticking.
 * An init script, not Playwright's `storageState`: that one opens every origin it names in a hidden
 * page for each new context: with the nine origins the tests use, a context took 1.2 s to open
 * instead of 0.35 s (measured on an idle 2-core machine), on every one of the suite's 280 tests.
 */
export async function answeredBefore(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		try {
			if (localStorage.getItem('runsheet:operator-asked') === null) localStorage.setItem('runsheet:operator-asked', '1');
		} catch {
			// about:blank and opaque origins have no storage.
		}
	});
}

/** A context a test opens itself, answered like the test's own (`answeredBefore`). */
export async function newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	await answeredBefore(context);
	return context;
}

/**
 * Playwright's test, failing also on any uncaught exception or console error in the page. Its
 * browser has answered the first tick's question unless a file says `test.use({ asked: false })`.
 */
export const test = base.extend<{ errors: string[]; asked: boolean }>({
	asked: [true, { option: true }],
	context: async ({ context, asked }, use) => {
		if (asked) await answeredBefore(context);
		await use(context);
	},
	errors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(m.text());
			});
			await use(errors);
			expect(errors).toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };
