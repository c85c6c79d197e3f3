import { SEARCH_RANKING } from '../model/search-terms.ts';

/** What starting Pagefind needs of it. */
interface Startable {
	init(): Promise<void>;
	options(options: { ranking: typeof SEARCH_RANKING; baseUrl: string }): Promise<void>;
}

/**
 * Pagefind, ready to search: the start the page made as it was parsed
 * (components/PagefindStart.astro, `window.runsheetPagefind`), else one made here from its script's
 * address and the site's base. A page's start is taken once: a start that failed (offline, a host
 * without the index) is not taken again by the next caller, who starts afresh.
 */
export function startPagefind<P extends Startable>(script: string, base: string): Promise<P> {
	const page = globalThis as { runsheetPagefind?: Promise<P> };
	const started = page.runsheetPagefind;
	delete page.runsheetPagefind;
	return (
		started ??
		import(/* @vite-ignore */ script).then(async (pf: P) => {
			await pf.options({ ranking: SEARCH_RANKING, baseUrl: base });
			await pf.init();
			return pf;
		})
	);
}
