import type { Page } from '@playwright/test';

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
