/**
 * npm run bench:waterfall -- <dist> [home|dialog|finder] [--pace <ms>]
 * One search of a built site, cold, on a phone over Fast 3G (as `npm run bench:search` times it),
 * with every request the page made: when it started and ended (ms from the first keystroke;
 * negative before it) and its bytes as transferred. Shows which round trips a first hit waits for.
 * With `--pace`, the query is typed a key every <ms> (a person types one every 150 to 300 ms; the
 * bench types at once) and it also says when the hits last changed after the last key: when the
 * words on screen were answered.
 */
import type { Request } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../tests/support/browser.ts';
import { PHONE } from '../tests/support/layout.ts';
import { slowNetwork } from '../tests/support/network.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { keyToHit, ofIndex, READING_MS, SEARCH_QUERY, searchUis } from './lib/search-timing.ts';

const args = process.argv.slice(2);
const paceAt = args.indexOf('--pace');
const pace = paceAt >= 0 ? Number(args.splice(paceAt, 2)[1]) : 0;
const [dist = 'dist', which = 'dialog'] = args;
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
// Each time the hits' text changes, in the page's clock.
await page.evaluate((selector) => {
	const seen = { text: '', changes: [] as number[] };
	(window as { hitChanges?: typeof seen }).hitChanges = seen;
	new MutationObserver(() => {
		const text = [...document.querySelectorAll(selector)].map((element) => element.textContent).join('\n');
		if (text !== seen.text) seen.changes.push(performance.now());
		seen.text = text;
	}).observe(document, { childList: true, subtree: true, characterData: true });
}, search.hit);
await search.open?.(page);
const key = Date.now();
await search.box(page).pressSequentially(SEARCH_QUERY, { delay: pace });
const lastKey = await page.evaluate(() => performance.now());
console.log(
	`${which}, "${SEARCH_QUERY}"${pace ? ` typed a key every ${pace} ms` : ''} after ${READING_MS} ms reading: first hit ${Math.round(await hit)} ms after the first keystroke`,
);
await page.waitForTimeout(pace ? 15_000 : 5000);
const changes = await page.evaluate(() => (window as { hitChanges?: { changes: number[] } }).hitChanges!.changes);
if (pace) console.log(`the hits changed ${changes.length} times, the last ${Math.round(changes.at(-1)! - lastKey)} ms after the last key`);
console.log(`the host sent ${server.sent(ofIndex)} B of the search index (the browser reports 0 for a worker's own script)`);
for (const { start, end, bytes, url } of rows.sort((a, b) => a.start - b.start))
	console.log(`${String(start - key).padStart(7)} → ${String(end - key).padStart(6)} ms ${String(bytes).padStart(8)} B  ${url}`);
await browser.close();
await server.close();
