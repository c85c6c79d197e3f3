/**
 * npm run bench:waterfall -- <dist> [home|dialog|finder]
 * One search of a built site, cold, on a phone over Fast 3G (as `npm run bench:search` times it),
 * with every request the page made: when it started and ended (ms from the first keystroke;
 * negative before it) and its bytes as transferred. Shows which round trips a first hit waits for.
 */
import type { Request } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../tests/support/browser.ts';
import { PHONE } from '../tests/support/layout.ts';
import { slowNetwork } from '../tests/support/network.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { keyToHit, ofIndex, READING_MS, SEARCH_QUERY, searchUis } from './lib/search-timing.ts';

const [dist = 'dist', which = 'dialog'] = process.argv.slice(2);
const searches = searchUis();
const search = which in searches ? searches[which as keyof typeof searches] : undefined;
const executablePath = findChromium();
if (!search || !executablePath) {
	console.error(search ? NO_BROWSER_MESSAGE : `bench:waterfall: which search? home, dialog or finder, not "${which}"`);
	process.exit(2);
}
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const server = await serveStatic(dist);
const context = await browser.newContext({ serviceWorkers: 'block', viewport: PHONE });
const page = await context.newPage();
await slowNetwork(page);
const started = new Map<Request, number>();
const rows: { start: number; end: number; bytes: number; url: string }[] = [];
context.on('request', (request) => started.set(request, Date.now()));
context.on('requestfinished', async (request) => {
	const end = Date.now();
	const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
	const url = new URL(request.url());
	rows.push({
		start: started.get(request)!,
		end,
		bytes: sizes.responseBodySize + sizes.responseHeadersSize,
		url: url.pathname + url.search,
	});
});
await page.goto(`${server.origin}${search.path}`, { waitUntil: 'load', timeout: 120_000 });
await page.waitForTimeout(READING_MS);
const hit = keyToHit(page, search.hit);
await search.open?.(page);
const key = Date.now();
await search.box(page).pressSequentially(SEARCH_QUERY);
console.log(`${which}, "${SEARCH_QUERY}" after ${READING_MS} ms reading: first hit ${Math.round(await hit)} ms after the first keystroke`);
await page.waitForTimeout(5000);
console.log(`the host sent ${server.sent(ofIndex)} B of the search index (the browser reports 0 for a worker's own script)`);
for (const { start, end, bytes, url } of rows.sort((a, b) => a.start - b.start))
	console.log(`${String(start - key).padStart(7)} → ${String(end - key).padStart(6)} ms ${String(bytes).padStart(8)} B  ${url}`);
await browser.close();
await server.close();
