import { searchFilterValue } from '../model/search-filters.ts';
import { namesMatch, parseFinderQuery, SEARCH_RANKING, stepIdTitle } from '../model/search-terms.ts';
import { excerptParts, stepHits, type PageData } from '../model/step-hits.ts';

interface Pagefind {
	init(): Promise<void>;
	options(options: { ranking: typeof SEARCH_RANKING; baseUrl: string }): Promise<void>;
	search(
		query: string | null,
		options?: { filters?: Record<string, string> },
	): Promise<{ results: { data(): Promise<PageData> }[] } | null>;
	preload(term: string): Promise<void>;
	filters(): Promise<unknown>;
}

/** Up to this many pages, the whole index is fetched while the reader reads (tens of KB). */
const WARM_ALL_UP_TO_PAGES = 400;

/**
 * On a slow network each search waits for the index chunk of its words, then for the hits' text:
 * two round trips (1.2 s on 3G). A small site's whole index and its rollback pages' text are
 * fetched while the reader is still reading, so the first query is answered at once; a large one
 * fetches only the filters.
 */
async function warm(pf: Pagefind, root: HTMLElement): Promise<void> {
	const pages = Number(root.dataset.searchPages);
	const small = pages <= WARM_ALL_UP_TO_PAGES;
	// Filters and index chunks together: one round trip.
	await Promise.all([pf.filters(), ...(small ? [...'abcdefghijklmnopqrstuvwxyz0123456789'].map((c) => pf.preload(c)) : [])]);
	if (!small) return;
	const rollback = await pf.search(null, { filters: { kind: 'rollback' } });
	await Promise.all((rollback?.results ?? []).map((r) => r.data()));
}

// Pagefind exists only in the built site; its script is fetched the first time it is needed, from
// where the page says (the site's base path in front). Its results name pages from the site's
// root: the base goes in front of them too.
let pagefind: Promise<Pagefind> | undefined;
// Pagefind answers only the newest of overlapping searches: a query waits for the warming ones.
let warming: Promise<void> = Promise.resolve();
const loadPagefind = (root: HTMLElement) =>
	(pagefind ??= // Started by the page itself as it was parsed (rollback/index.astro), else here.
		(
			(window as { runsheetPagefind?: Promise<Pagefind> }).runsheetPagefind ??
			import(/* @vite-ignore */ root.dataset.pagefind!).then(async (pf: Pagefind) => {
				await pf.options({ ranking: SEARCH_RANKING, baseUrl: root.dataset.base! });
				await pf.init();
				return pf;
			})
		).then((pf) => {
			warming = warm(pf, root).catch(() => undefined);
			return pf;
		}));

/**
 * The rollback finder: filters the static list of procedures by system and technique, matches
 * them by name as you type (runbook id, title, system, aliases, procedure, technique: however
 * written, `twiga-scan`, `twiga scan`, `Twiga`), and searches rollback steps with Pagefind,
 * listing each hit as a link to the step itself. The list narrows to what matches; Enter opens
 * the top hit. Words for "roll back" (revert, undo, downgrade...) are left out of the search:
 * everything here rolls back. The filters live in the URL (?system=&technique=&q=), so a finder
 * view can be linked.
 */
export function startRollbackFinder(root: HTMLElement): void {
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
	const form = $<HTMLFormElement>('[data-finder-form]');
	const query = $<HTMLInputElement>('[data-finder-query]');
	const system = $<HTMLSelectElement>('[data-finder-system]');
	const technique = $<HTMLSelectElement>('[data-finder-technique]');
	const status = $<HTMLElement>('[data-finder-status]');
	const results = $<HTMLElement>('[data-finder-results]');
	const list = $<HTMLOListElement>('[data-finder-result-list]');
	const empty = $<HTMLElement>('[data-finder-empty]');
	const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-procedure]')];
	// Which procedure each step belongs to, so a search hit obeys the technique filter too.
	const rowOfStep = new Map<string, HTMLTableRowElement>();
	for (const row of rows) for (const step of row.dataset.steps!.split(' ')) rowOfStep.set(`${row.dataset.runbook}#${step}`, row);

	const params = new URLSearchParams(location.search);
	// The form shows before this script runs (on a slow network, seconds before): what a responder
	// typed or picked meanwhile stays, and is searched below; else the link's view.
	query.value ||= params.get('q') ?? '';
	if (!system.value) system.value = params.get('system') ?? '';
	if (!technique.value) technique.value = params.get('technique') ?? '';
	if (system.selectedIndex < 0) system.value = '';
	if (technique.selectedIndex < 0) technique.value = '';

	const matches = (row: HTMLTableRowElement) =>
		(!system.value || row.dataset.system === system.value) &&
		(!technique.value || row.dataset.techniques!.split(' ').includes(technique.value));

	const namesOf = (row: HTMLTableRowElement) => row.dataset.names!.split('|');

	/**
	 * Steps whose ids hold the words typed, from the page itself: an answer at once, while
	 * Pagefind's files are still on their way over a slow network (its hits, with their text,
	 * replace these). Step ids are the steps' words ("restore-database-backup"), so no more
	 * than the page already carries.
	 */
	const QUICK_HITS = 12;
	const quickHits = (terms: string[]) => {
		const found: HTMLLIElement[] = [];
		for (const row of rows) {
			if (!matches(row)) continue;
			const link = row.querySelector('a')!;
			for (const step of row.dataset.steps!.split(' ')) {
				if (!step || !namesMatch(terms, [step])) continue;
				const li = document.createElement('li');
				const a = Object.assign(document.createElement('a'), { href: `${link.pathname}#${step}`, textContent: stepIdTitle(step) });
				const where = Object.assign(document.createElement('span'), {
					className: 'rs-hit-where',
					textContent: `${row.querySelector('.rs-catalog-summary')?.textContent ?? ''} · ${link.textContent}`,
				});
				li.append(a, ' ', where);
				found.push(li);
				if (found.length === QUICK_HITS) return found;
			}
		}
		return found;
	};

	/** Shows the rows that pass the filters and, when given, the test; returns how many. */
	const filterRows = (keep: (row: HTMLTableRowElement) => boolean = () => true) => {
		let shown = 0;
		for (const row of rows) {
			row.hidden = !(matches(row) && keep(row));
			if (!row.hidden) shown++;
		}
		empty.hidden = shown > 0;
		return shown;
	};

	const remember = () => {
		const next = new URLSearchParams();
		for (const [key, value] of [
			['q', query.value.trim()],
			['system', system.value],
			['technique', technique.value],
		])
			if (value) next.set(key!, value);
		const search = next.toString();
		history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
	};

	let latest = 0;
	let topHit: string | undefined;
	const search = async () => {
		const ticket = ++latest;
		const text = query.value.trim();
		const { terms } = parseFinderQuery(text);
		remember();
		topHit = undefined;
		if (!terms.length) {
			// Nothing typed, or only "revert" / "undo" / "roll back": every procedure is one.
			const shown = filterRows();
			results.hidden = true;
			list.replaceChildren();
			status.textContent = `${shown} of ${rows.length} procedures shown.`;
			return;
		}
		// By name at once, as typed; steps when Pagefind answers.
		const named = new Set(rows.filter((row) => namesMatch(terms, namesOf(row))));
		let shown = filterRows((row) => named.has(row));
		topHit = rows.find((row) => !row.hidden)?.querySelector('a')?.href;
		const quick = quickHits(terms);
		if (quick.length) {
			list.replaceChildren(...quick);
			results.hidden = false;
			topHit ??= quick[0]!.querySelector('a')!.href;
		}
		performance.mark('runsheet-rollback-search-start');
		let pf: Pagefind;
		try {
			pf = await loadPagefind(root);
		} catch {
			status.textContent = `${shown} of ${rows.length} procedures match “${text}” by name; steps cannot be searched here (the search index is made by the build).`;
			return;
		}
		// As the index holds them: escaped (model/search-filters.ts).
		const filters: Record<string, string> = { kind: 'rollback' };
		if (system.value) filters.system = searchFilterValue(system.value);
		if (technique.value) filters.technique = searchFilterValue(technique.selectedOptions[0]!.text);
		const words = terms.join(' ');
		await warming;
		if (ticket !== latest) return;
		const found = await pf.search(words, { filters });
		if (!found || ticket !== latest) return;
		const pages = await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
		if (ticket !== latest) return;
		const hits = stepHits(pages, words, (runbook, step) => {
			const row = rowOfStep.get(`${runbook}#${step}`);
			return row !== undefined && matches(row);
		});
		// The list keeps the procedures named by the query and those holding a matching step.
		const holding = new Set(hits.flatMap((hit) => rowOfStep.get(`${hit.runbook}#${hit.step}`) ?? []));
		shown = filterRows((row) => named.has(row) || holding.has(row));
		list.replaceChildren(...hits.map(renderHit));
		results.hidden = hits.length === 0;
		// A query that names procedures wants the procedure; words from steps want the step.
		const firstNamed = rows.find((row) => !row.hidden && named.has(row));
		topHit = (firstNamed ? firstNamed.querySelector('a')?.href : hits[0]?.url) ?? rows.find((row) => !row.hidden)?.querySelector('a')?.href;
		const count = `${shown} of ${rows.length} procedures shown. Enter opens the first.`;
		status.textContent = hits.length
			? `${hits.length} matching step${hits.length === 1 ? '' : 's'} for “${text}”; ${count}`
			: shown
				? `No step has the words of “${text}”; its name matches: ${count}`
				: `No rollback step or procedure matches “${text}”. Clear the search to see all ${rows.length} procedures.`;
		performance.measure('runsheet-rollback-search', 'runsheet-rollback-search-start');
	};

	const renderHit = (hit: ReturnType<typeof stepHits>[number]) => {
		const li = document.createElement('li');
		const link = document.createElement('a');
		link.href = hit.url;
		link.textContent = hit.title;
		const where = document.createElement('span');
		where.className = 'rs-hit-where';
		const row = rowOfStep.get(`${hit.runbook}#${hit.step}`);
		where.textContent = `${hit.source}${row ? ` · ${row.querySelector('a')!.textContent}` : ''}`;
		const excerpt = document.createElement('p');
		excerpt.className = 'rs-hit-excerpt';
		for (const part of excerptParts(hit.excerpt)) {
			if (part.mark) excerpt.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
			else excerpt.append(part.text);
		}
		li.append(link, ' ', where, excerpt);
		return li;
	};

	// Enter opens the top hit: the best step, else the first procedure listed.
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void search().then(() => {
			if (topHit) location.href = topHit;
		});
	});
	// The query searches as it is typed; the selects on change. (A search box also fires
	// "change" when it loses focus, on the way to a clicked result: re-rendering the list then
	// would swallow the click.)
	query.addEventListener('input', () => void search());
	system.addEventListener('change', () => void search());
	technique.addEventListener('change', () => void search());
	// Searching is what this page is for: Pagefind is fetched at once (its script was preloaded
	// with the page), so the first query does not wait for it on a slow network.
	void loadPagefind(root).catch(() => undefined);
	form.hidden = false;
	void search();
}
