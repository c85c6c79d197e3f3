import { SEARCH_RANKING } from '../model/search-terms.ts';

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
	search(query: string): Promise<{ results: Result[] } | null>;
}

/** A page a search found: its address and title. */
export interface Hit {
	url: string;
	title: string;
}

let pagefind: Promise<Pagefind> | undefined;
function load(script: string, base: string): Promise<Pagefind> {
	pagefind ??= import(/* @vite-ignore */ script).then(async (pf: Pagefind) => {
		await pf.options({ ranking: SEARCH_RANKING, baseUrl: base });
		await pf.init();
		return pf;
	});
	// A failed fetch (offline, a host without the index) is tried again by the next search.
	pagefind.catch(() => (pagefind = undefined));
	return pagefind;
}

/**
 * The best pages for each query in turn, best first, the first query's before the next's, each
 * page once, only pages under `under` (a path prefix), at most `limit`. Pagefind finds only the
 * pages that hold every word: later queries (a word at a time) find pages close to a query no page
 * answers whole.
 */
export async function searchPages(
	root: HTMLElement,
	queries: readonly string[],
	{ limit, under }: { limit: number; under: string },
): Promise<Hit[]> {
	const pf = await load(root.dataset.pagefind!, root.dataset.base!);
	const hits: Hit[] = [];
	const seen = new Set<string>();
	for (const query of queries) {
		const found = await pf.search(query);
		for (const result of found?.results.slice(0, limit * 2) ?? []) {
			if (hits.length >= limit) return hits;
			const data = await result.data();
			const url = data.url.replace(/#.*$/, '');
			if (!url.startsWith(under) || url === under || seen.has(url)) continue;
			seen.add(url);
			hits.push({ url, title: data.meta.title ?? url });
		}
	}
	return hits;
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
