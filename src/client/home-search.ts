import { openSiteSearch, preloadWords, RUNBOOK_PAGES, searchPages, showHits, warmUp, type Hit } from './site-search.ts';

/** How many runbooks the box lists as you type. */
const HITS = 6;
/** Pagefind answers in a few ms once loaded: a short pause keeps a fast typist from queuing searches. */
const PAUSE_MS = 120;

/**
 * The home page's search box: the runbooks that match, as links, while you type (the site's
 * Pagefind index, loaded with the first use); Enter or "Search" opens the site's search dialog
 * with the words, every page and heading it finds.
 */
export function startHomeSearch(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
	const status = form.querySelector<HTMLElement>('[data-home-search-status]')!;
	const list = form.querySelector<HTMLOListElement>('[data-home-search-hits]')!;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let asked = 0;

	const search = async () => {
		const query = input.value.trim();
		const ask = ++asked;
		if (!query) {
			showHits(list, []);
			status.textContent = '';
			return;
		}
		try {
			const show = (hits: readonly Hit[]) => {
				if (ask === asked) showHits(list, hits); // else a newer query is on its way
			};
			const hits = await searchPages(form, [query], {
				limit: HITS,
				under: form.dataset.runbooks!,
				filters: RUNBOOK_PAGES,
				found: show,
				stale: () => ask !== asked,
			});
			if (ask !== asked) return;
			show(hits);
			status.textContent = hits.length
				? `${hits.length === HITS ? `The first ${HITS} runbooks` : hits.length === 1 ? '1 runbook' : `${hits.length} runbooks`}: Enter searches the whole site`
				: `No runbook matches “${query}”: Enter searches the whole site`;
		} catch {
			if (ask === asked) status.textContent = 'The search is not available right now: the catalog lists every runbook.';
		}
	};
	input.addEventListener('input', () => {
		preloadWords(form, input.value);
		clearTimeout(timer);
		timer = setTimeout(search, PAUSE_MS);
	});
	form.addEventListener('submit', () => {
		if (input.value.trim()) openSiteSearch(input.value.trim());
	});
	if (input.value.trim()) void search();
	warmUp(form, RUNBOOK_PAGES);
}
