import type { Browser, Locator, Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from '../../tests/support/browser.ts';
import { PHONE } from '../../tests/support/layout.ts';
import { slowNetwork, watchRequests } from '../../tests/support/network.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

/**
 * Search on a bad network, cold, in a built site (issue 37 item 3): on a phone over Chromium's
 * "Fast 3G" (562.5 ms a round trip, 1.44 Mbit/s down), served compressed by a plain static host,
 * with no service worker and an empty cache, how long from the first keystroke to the first hit,
 * and how many bytes of the search index (dist/pagefind/) the query brought over the network.
 * The bench runs it on each Runsheet site it builds; `npm run bench:search -- <dist>` on any build.
 */

/** In the bundled runbooks, so in every bench site: the rollback of a deployment. */
export const SEARCH_QUERY = 'restore database backup';
/** How long a reader looks at the page before typing (tests/e2e/network-budgets.spec.ts reads the finder as long). */
export const READING_MS = 3000;
/** Once no request of the index has been open this long, the query has all it asked for. */
const QUIET_MS = 1500;
/** The longest a search is waited for, its hit or its requests' end: past it the bench says so and goes on. */
const LONGEST_MS = 60_000;

/**
 * Each search opened cold, the page read for READING_MS, then the query typed: first keystroke to
 * first hit (ms), and the bytes of dist/pagefind/ over the network from the page's opening until
 * the query has all it asked for, as transferred (compressed).
 */
export interface SearchTiming {
	/** The home page's search box: its first runbook. */
	homeMs: number;
	homeBytes: number;
	/** The search dialog in the header of a runbook page (Starlight's, Pagefind's UI): its first result. */
	siteSearchMs: number;
	siteSearchBytes: number;
	/** The rollback finder (/rollback/): Pagefind's first step hit, with the step's text. */
	finderMs: number;
	finderBytes: number;
}

/**
 * `page` over Fast 3G, and a wait until it and its workers (Pagefind searches in one) fetch nothing
 * more of the search index: `quiet()`.
 */
async function indexTraffic(page: Page) {
	await slowNetwork(page);
	const requests = watchRequests(page.context(), ofIndex);
	return {
		/** Until no request of the index is open (QUIET_MS without one), or LONGEST_MS: a request the page never ends does not hold the bench. */
		quiet: async () => {
			const until = Date.now() + LONGEST_MS;
			while (requests.quietMs() < QUIET_MS && Date.now() < until) await page.waitForTimeout(100);
		},
	};
}

/** A file of the search index (dist/pagefind/), Pagefind's scripts and WebAssembly included. */
export const ofIndex = (path: string) => path.includes('/pagefind/');

/** From the first key pressed (in the page's clock) to the first element matching `hit`, in ms; -1 when none came within LONGEST_MS. */
export async function keyToHit(page: Page, hit: string): Promise<number> {
	return page.evaluate(
		([selector, longest]) =>
			new Promise<number>((resolve) => {
				let key: number | undefined;
				setTimeout(() => resolve(-1), longest);
				addEventListener('keydown', () => (key ??= performance.now()), { capture: true });
				new MutationObserver((_, observer) => {
					if (key === undefined || !document.querySelector(selector)) return;
					observer.disconnect();
					resolve(performance.now() - key);
				}).observe(document, { childList: true, subtree: true });
			}),
		[hit, LONGEST_MS] as const,
	);
}

type Server = Awaited<ReturnType<typeof serveStatic>>;

/** One of the site's searches: the page it is on, what opens it, its box, and its first hit. */
export interface SearchUi {
	path: string;
	open?: (page: Page) => Promise<void>;
	box: (page: Page) => Locator;
	hit: string;
}

/** The three searches the bench times (`runbookPage`: the page whose header opens the dialog). */
export const searchUis = (runbookPage = '/runbooks/yogaflow/'): Record<'home' | 'dialog' | 'finder', SearchUi> => ({
		home: { path: '/', box: (page) => page.getByRole('searchbox', { name: 'Search the runbooks' }), hit: '[data-home-search-hits] a' },
		dialog: {
			path: runbookPage,
			open: (page) =>
				page
					.getByRole('button', { name: /search/i })
					.first()
					.click(),
			box: (page) => page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }),
			hit: '.pagefind-ui__result-link',
		},
		// Pagefind's hits carry the step's text (.rs-hit-excerpt); the page's own list answers before them.
		finder: { path: '/rollback/', box: (page) => page.getByLabel('Search rollback steps'), hit: '[data-finder-result-list] .rs-hit-excerpt' },
});

/**
 * A fresh context on a phone over Fast 3G: the search's page opened, read, the query typed; first
 * keystroke to first hit, and the bytes of the index the host sent meanwhile (compressed). Counted
 * by the host: the browser reports 0 for the script of Pagefind's worker (12 KB), which the bench
 * missed until 2026-12-07.
 */
async function timeOne(browser: Browser, server: Server, search: SearchUi) {
	const before = server.sent(ofIndex);
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: PHONE });
	const page = await context.newPage();
	const traffic = await indexTraffic(page);
	await page.goto(`${server.origin}${search.path}`, { waitUntil: 'load', timeout: 120_000 });
	await page.waitForTimeout(READING_MS);
	const timed = keyToHit(page, search.hit);
	await search.open?.(page);
	await search.box(page).pressSequentially(SEARCH_QUERY);
	const ms = await timed;
	await traffic.quiet();
	await context.close();
	return { ms: Math.round(ms), bytes: server.sent(ofIndex) - before };
}

/** The three searches of the built site in `dist`, each in a fresh context, with a Chromium of its own. */
export async function timeSearch(dist: string, runbookPage = '/runbooks/yogaflow/'): Promise<SearchTiming> {
	const executablePath = findChromium();
	if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const server = await serveStatic(dist);
	const searches = searchUis(runbookPage);
	try {
		const home = await timeOne(browser, server, searches.home);
		const site = await timeOne(browser, server, searches.dialog);
		const finder = await timeOne(browser, server, searches.finder);
		return {
			homeMs: home.ms,
			homeBytes: home.bytes,
			siteSearchMs: site.ms,
			siteSearchBytes: site.bytes,
			finderMs: finder.ms,
			finderBytes: finder.bytes,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
