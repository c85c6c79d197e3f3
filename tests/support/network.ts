import type { BrowserContext, Page, Request } from '@playwright/test';

/** Chromium's "Fast 3G": 562.5 ms a round trip, 1.44 Mbit/s down, 0.675 Mbit/s up. */
export const FAST_3G = {
	offline: false,
	latency: 562.5,
	downloadThroughput: (1.44 * 1_000_000) / 8,
	uploadThroughput: (0.675 * 1_000_000) / 8,
};

/**
 * `page` over Fast 3G, through a CDP session of its context's (the network budget tests and the
 * bench's search timing, scripts/lib/search-timing.ts).
 */
export async function slowNetwork(page: Page): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', FAST_3G);
}

/**
 * A context's requests watched, its pages' and their workers' (Pagefind searches in one): Playwright's
 * events, not a page's CDP session, which never hears of a worker's request finishing. `quietMs()`:
 * how long no request that `counted` keeps (by its path) has been open and no request has started,
 * 0 while one is open (the bench's search timing, scripts/lib/search-timing.ts, and the finder's
 * filter test, tests/e2e/rollback.spec.ts).
 */
export function watchRequests(context: BrowserContext, counted: (path: string) => boolean = () => true): { quietMs: () => number } {
	const open = new Set<Request>();
	let last = Date.now();
	context.on('request', (request) => {
		if (counted(new URL(request.url()).pathname)) open.add(request);
		last = Date.now();
	});
	const ended = (request: Request) => {
		if (open.delete(request)) last = Date.now();
	};
	context.on('requestfinished', ended);
	context.on('requestfailed', ended);
	return { quietMs: () => (open.size ? 0 : Date.now() - last) };
}
