import type { SEARCH_RANKING } from '../model/search-terms.ts';
import { fetchAheadAsTyped } from '../model/preload-words.ts';
import { startPagefind } from './pagefind-start.ts';

/**
 * The site's Pagefind index, searched from a page's own box (the home page's, the not-found page's
 * closest runbooks), and Starlight's search dialog opened with a query. Pagefind's script is
 * fetched the first time a search needs it, from where the page says (`data-pagefind`, the base
 * path in front): pages that never search never load it.
 */

interface Result {
	score: number;
	data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }>;
}
interface Pagefind {
	init(): Promise<void>;
	options(options: { ranking: typeof SEARCH_RANKING; baseUrl: string }): Promise<void>;
	search(query: string | null, options?: { filters?: Filters }): Promise<{ results: Result[] } | null>;
	preload(query: string | null, options?: { filters?: Filters }): Promise<void>;
}

type Filters = Record<string, string>;

/**
 * Runbook pages only (their `data-pagefind-filter="kind:runbook"`): rollback pages, weighted up
 * for the rollback finder, would otherwise fill the first results of a query about a rollback, and
 * a box that lists runbooks would fetch their data for nothing (at 1,000 runbooks, the home box
 * found no runbook for "restore database backup" in the first 12 results).
 */
export const RUNBOOK_PAGES: Filters = { kind: 'runbook' };

/** A page a search found: its address and title. */
export interface Hit {
	url: string;
	title: string;
}

let pagefind: Promise<Pagefind> | undefined;
/** Pagefind's script, its entry, its WebAssembly and metadata: fetched once, the first search or warmUp() waits for them. */
function load(script: string, base: string): Promise<Pagefind> {
	pagefind ??= startPagefind<Pagefind>(script, base);
	// A failed fetch (offline, a host without the index) is tried again by the next search.
	pagefind.catch(() => (pagefind = undefined));
	return pagefind;
}

/**
 * The best pages for each query in turn, best first, the first query's before the next's, each
 * page once, only pages under `under` (a path prefix), at most `limit`; `found` hears the hits so
 * far each time more have come. Pagefind finds only the
 * pages that hold every word: later queries (a word at a time) find pages close to a query no page
 * answers whole.
 */
export async function searchPages(
	root: HTMLElement,
	queries: readonly string[],
	{
		limit,
		under,
		filters,
		found,
		stale,
	}: { limit: number; under: string; filters?: Filters; found?: (hits: readonly Hit[]) => void; stale?: () => boolean },
): Promise<Hit[]> {
	const pf = await load(root.dataset.pagefind!, root.dataset.base!);
	const hits: Hit[] = [];
	const seen = new Set<string>();
	for (const query of queries) {
		// One search in Pagefind's worker at a time, and none for words typed over since it was asked:
		// the worker runs every search it is given, one after another, and at 10,000 runbooks one
		// takes 0.7 s; searched as typed, a key at a time, the words on screen waited behind every
		// prefix before them.
		await searching;
		if (stale?.()) return hits;
		const running = pf.search(query, filters && { filters });
		searching = running.catch(() => undefined);
		const results = (await running)?.results.slice(0, limit * 2) ?? [];
		// The best result's data first, alone, then what the list still lacks together in one round
		// trip (0.6 s on 3G) rather than one after another, and no more than a browser fetches at
		// once from one host (6); the next ones only when some were left out. A result's data is a
		// file of a few KB, or, past 1,000 indexed pages, a bundle of about 18 pages' (40 KB;
		// build/search-after.ts): six of those shared the network for 2 s on 3G before the first
		// hit showed.
		for (let from = 0, size = 1; from < results.length && hits.length < limit; from += size, size = limit - hits.length) {
			for (const { url: address, meta } of await Promise.all(results.slice(from, from + size).map((result) => result.data()))) {
				const url = address.replace(/#.*$/, '');
				if (hits.length >= limit || !url.startsWith(under) || url === under || seen.has(url)) continue;
				seen.add(url);
				hits.push({ url, title: meta.title ?? url });
			}
			// Shown as they come: the first hits need not wait for the pages that fill the list.
			if (hits.length) found?.(hits);
		}
		if (hits.length >= limit) return hits;
	}
	return hits;
}

/** The search under way in Pagefind's worker (searchPages runs one at a time). */
let searching: Promise<unknown> = Promise.resolve();
/** Pagefind once its index's metadata and the warm-up's filters are in: see warmUp(). */
let warm: Promise<Pagefind> | undefined;
/** What the home box has typed fetches ahead (one box a page). */
let fetchAhead: ((typed: string) => void) | undefined;

/**
 * Fetches the index's words for what is typed so far, before the pause that starts the search:
 * the words finished at once, the one being typed once it is long enough, one fetch at a time
 * (model/preload-words.ts).
 * Pagefind's script answers at once but queues every preload until its metadata is in: keys typed
 * before that (a cold page on a slow network) fetched the index chunks of every prefix typed,
 * 13 files at 10,000 runbooks against the query's 5, which the search then waited behind. Until
 * Pagefind is warm only the words asked for last are fetched.
 */
export function preloadWords(root: HTMLElement, typed: string): void {
	fetchAhead ??= fetchAheadAsTyped(async (words, wanted) => {
		const pf = await (warm ?? load(root.dataset.pagefind!, root.dataset.base!));
		if (wanted()) await pf.preload(words);
	});
	fetchAhead(typed);
}

/**
 * Starts fetching Pagefind for `root`'s box before its first search, and the `filters` it will
 * search with: on a bad network its files take several round trips (3 s on 3G), which then come
 * before the reader has finished typing.
 */
export function warmUp(root: HTMLElement, filters?: Filters): void {
	// A preload of no words with the filters fetches the filters' part of the index; it answers once
	// the index's metadata is in. (A search of no words fetched them too, then listed every page
	// they keep: 0.4 s of Pagefind's worker at 10,000 runbooks, which the reader's first words
	// then waited behind.)
	warm = load(root.dataset.pagefind!, root.dataset.base!).then(async (pf) => {
		if (filters) await pf.preload(null, { filters });
		return pf;
	});
	warm.catch(() => (warm = undefined));
}

/** Hits as a list of links, written as text (titles come from pages, never read as HTML). */
export function showHits(list: HTMLElement, hits: readonly Hit[]): void {
	list.replaceChildren(
		...hits.map((hit) => {
			const item = document.createElement('li');
			const link = document.createElement('a');
			link.href = hit.url;
			link.textContent = hit.title;
			item.append(link);
			return item;
		}),
	);
}

/** Starlight's search dialog, opened with `query` typed in (its script loads Pagefind's UI when idle: wait for its box). */
export function openSiteSearch(query: string): boolean {
	const open = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
	if (!open) return false;
	// After the click that asked for it has bubbled: the dialog closes on a click outside itself.
	setTimeout(() => open.click());
	let tries = 0;
	const fill = () => {
		const input = document.querySelector<HTMLInputElement>('#starlight__search input[type="text"], #starlight__search input');
		if (input) {
			input.value = query;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			input.focus();
		} else if (tries++ < 50) setTimeout(fill, 100);
	};
	fill();
	return true;
}
