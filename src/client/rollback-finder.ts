import { rowsToShow } from '../model/finder-list.ts';
import { warmsIndex, warmsText } from '../model/finder-warm-up.ts';
import { fetchAheadAsTyped } from '../model/preload-words.ts';
import { searchFilterValue } from '../model/search-filters.ts';
import { namesMatch, parseFinderQuery, prepareNames, stepIdTitle, type PreparedNames, type SEARCH_RANKING } from '../model/search-terms.ts';
import { excerptParts, hitsAfterMore, stepHits, type PageData, type StepHit } from '../model/step-hits.ts';
import { startPagefind } from './pagefind-start.ts';

interface Pagefind {
	init(): Promise<void>;
	options(options: { ranking: typeof SEARCH_RANKING; baseUrl: string }): Promise<void>;
	search(
		query: string | null,
		options?: { filters?: Record<string, string> },
	): Promise<{ results: { data(): Promise<PageData> }[] } | null>;
	preload(term: string | null, options?: { filters?: Record<string, string> }): Promise<void>;
}

/**
 * With words typed, the list shows this many procedures at most, those holding a matching step
 * first. At 10,000 runbooks the list has 12,000 rows, which a phone took seconds to lay out again
 * after each key, for a list nobody reads to the end; the status says how many matched.
 */
const LIST_AT_MOST = 100;

/** How long the typing pauses before steps are searched (procedures match by name at once). */
const STEP_SEARCH_PAUSE_MS = 200;
/** How many results' text a query fetches (their steps are the hits), and how many at a time. */
const HITS_TEXT = 12;
const HITS_TEXT_AT_ONCE = 6;

/**
 * On a slow network each search waits for the index chunk of its words, then for the hits' text:
 * two round trips (1.2 s on 3G). A small site's whole index, and its rollback pages' text when
 * they are few, are fetched while the reader is still reading, so the first query is answered at
 * once; a large one fetches only the filter of rollback pages, which every query uses
 * (model/finder-warm-up.ts). The system and technique filters come when one is chosen: at 10,000
 * runbooks they were 66 KB of the 320 KB the first query had fetched.
 */
async function warm(pf: Pagefind, root: HTMLElement): Promise<void> {
	const small = warmsIndex(Number(root.dataset.searchPages));
	// The filter and index chunks together: one round trip. A query does not wait for them: its own
	// search fetches what it needs, and Pagefind fetches a chunk once, whoever asks first. (A
	// preload of no words fetches the filters it is given.)
	await Promise.all([
		pf.preload(null, { filters: { kind: 'rollback' } }),
		...(small ? [...'abcdefghijklmnopqrstuvwxyz0123456789'].map((c) => pf.preload(c)) : []),
	]);
	// Once a query has started, no search of the warm-up's may follow it and take its answer.
	if (!small || queried) return;
	warmSearch = pf.search(null, { filters: { kind: 'rollback' } }).then(async (found) => {
		const rollback = found?.results ?? [];
		if (warmsText(rollback.length)) await Promise.all(rollback.map((r) => r.data()));
	});
	await warmSearch;
}

// Pagefind exists only in the built site; its script is fetched the first time it is needed, from
// where the page says (the site's base path in front). Its results name pages from the site's
// root: the base goes in front of them too.
let pagefind: Promise<Pagefind> | undefined;
// Pagefind answers only the newest of overlapping searches: a query waits for the warm-up's search
// (and the text it fetches) once that has started, and the warm-up starts none after a query.
let warmSearch: Promise<void> | undefined;
let queried = false;
// The search under way in Pagefind's worker. The worker runs every search it is given, one after
// the other, even those whose answer is no longer wanted: at 10,000 runbooks, one per key typed
// held the last query's answer 6 s behind the others'. So one at a time, and only the newest waits.
let searching: Promise<unknown> = Promise.resolve();
const loadPagefind = (root: HTMLElement) =>
	(pagefind ??= startPagefind<Pagefind>(root.dataset.pagefind!, root.dataset.base!).then((pf) => {
		void warm(pf, root).catch(() => undefined);
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
	// A row per procedure; on a site that lists systems (model/system-pages.ts) a row per system,
	// whose page lists its procedures: the selects narrow the systems, the words search the steps.
	const bySystem = root.dataset.bySystem !== undefined;
	const unit = bySystem ? 'systems' : 'procedures';
	const rows = [...root.querySelectorAll<HTMLTableRowElement>('tbody tr[data-system]')];
	// What each row says, read from the page once: a search reads every row on each keystroke, and
	// at 10,000 runbooks the list has more than 10,000 rows.
	const facts = new Map(
		rows.map((row, at) => [
			row,
			{
				at,
				system: row.dataset.system!,
				techniques: row.dataset.techniques!.split(' '),
				steps: row.dataset.steps!.split(' ').filter(Boolean),
			},
		]),
	);
	// Which procedure each step belongs to, so a search hit obeys the technique filter too.
	const rowOfStep = new Map<string, HTMLTableRowElement>();
	for (const row of rows) for (const step of facts.get(row)!.steps) rowOfStep.set(`${row.dataset.runbook}#${step}`, row);
	// Names normalised for matching, each the first time a query needs it.
	const preparedOf = <K>(cache: Map<K, PreparedNames>, key: K, names: () => string[]) => {
		let found = cache.get(key);
		if (!found) cache.set(key, (found = prepareNames(names())));
		return found;
	};
	const rowNames = new Map<HTMLTableRowElement, PreparedNames>();
	const stepIdNames = new Map<string, PreparedNames>();

	const params = new URLSearchParams(location.search);
	// The form shows before this script runs (on a slow network, seconds before): what a responder
	// typed or picked meanwhile stays, and is searched below; else the link's view.
	query.value ||= params.get('q') ?? '';
	if (!system.value) system.value = params.get('system') ?? '';
	if (!technique.value) technique.value = params.get('technique') ?? '';
	if (system.selectedIndex < 0) system.value = '';
	if (technique.selectedIndex < 0) technique.value = '';

	const matches = (row: HTMLTableRowElement) => {
		const { system: rowSystem, techniques } = facts.get(row)!;
		return (!system.value || rowSystem === system.value) && (!technique.value || techniques.includes(technique.value));
	};

	const namesOf = (row: HTMLTableRowElement) => preparedOf(rowNames, row, () => row.dataset.names!.split('|'));
	const stepNames = (step: string) => preparedOf(stepIdNames, step, () => [step]);
	// The rows' names are made ready while the reader reads, a few milliseconds at a time: else the
	// first key waits for all of them (0.7 s at 10,000 runbooks, on a laptop).
	const prepareWhileIdle = (from: number) => {
		// Safari has no requestIdleCallback.
		const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 16));
		idle(() => {
			const until = performance.now() + 8;
			let at = from;
			while (at < rows.length && performance.now() < until) namesOf(rows[at++]!);
			if (at < rows.length) prepareWhileIdle(at);
		});
	};

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
			for (const step of facts.get(row)!.steps) {
				if (!namesMatch(terms, stepNames(step))) continue;
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

	/**
	 * Shows the rows that pass the filters and, when given, the test: all of them, or with `capped`
	 * LIST_AT_MOST, those in `first` (which pass) before the others. Returns how many pass.
	 */
	const filterRows = (
		keep: (row: HTMLTableRowElement) => boolean = () => true,
		{ capped = false, first = new Set<HTMLTableRowElement>() } = {},
	) => {
		const passes = rows.map((row) => matches(row) && keep(row));
		const firstAt = new Set([...first].map((row) => facts.get(row)!.at));
		const show = rowsToShow(passes, capped ? { atMost: LIST_AT_MOST, first: firstAt } : {});
		rows.forEach((row, i) => {
			// Written only when it changes: each write has the browser lay the whole table out again.
			if (row.hidden !== !show[i]) row.hidden = !show[i];
		});
		const passing = passes.filter(Boolean).length;
		empty.hidden = passing > 0;
		return passing;
	};
	const counted = (passing: number) =>
		passing > LIST_AT_MOST && !bySystem
			? `${passing} of ${rows.length} ${unit} match; the first ${LIST_AT_MOST} are listed.`
			: `${passing} of ${rows.length} ${unit} shown.`;

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
			status.textContent = `${shown} of ${rows.length} ${unit} shown.`;
			return;
		}
		// By name at once, as typed; steps when Pagefind answers.
		const named = new Set(rows.filter((row) => namesMatch(terms, namesOf(row))));
		// Systems stay listed as the selects leave them, those the words name first.
		const listed = (row: HTMLTableRowElement) => bySystem || named.has(row);
		// Systems are few next to procedures: all that pass the selects stay listed.
		let shown = filterRows(listed, { capped: !bySystem });
		// Where rows are systems, Enter opens a system the words name, never merely the first listed.
		topHit = rows.find((row) => !row.hidden && (!bySystem || named.has(row)))?.querySelector('a')?.href;
		const quick = quickHits(terms);
		if (quick.length) {
			list.replaceChildren(...quick);
			results.hidden = false;
			topHit ??= quick[0]!.querySelector('a')!.href;
		}
		// Steps are searched once the typing pauses: each search fetches its hits' text (12 requests),
		// and a search a later key made stale still held the network, six requests at a time over
		// HTTP/1.1, while the last one waited (Fast 3G, 100 runbooks: three searches' text fetched for
		// "restore database backup", the first hit 3.5 s after the first key).
		await new Promise((wait) => setTimeout(wait, STEP_SEARCH_PAUSE_MS));
		if (ticket !== latest) return;
		// The search's own time, from here (tests/e2e/rollback.spec.ts): the pause waits for the reader;
		// the time from a key to the first hit is what network-budgets.spec.ts and the bench measure.
		performance.mark('runsheet-rollback-search-start');
		let pf: Pagefind;
		try {
			pf = await loadPagefind(root);
		} catch {
			status.textContent = `${shown} of ${rows.length} ${unit} ${bySystem ? 'shown' : `match “${text}” by name`}${shown > LIST_AT_MOST ? ` (the first ${LIST_AT_MOST} are listed)` : ''}; steps cannot be searched here (the search index is made by the build).`;
			return;
		}
		// As the index holds them: escaped (model/search-filters.ts).
		const filters: Record<string, string> = { kind: 'rollback' };
		if (system.value) filters.system = searchFilterValue(system.value);
		if (technique.value) filters.technique = searchFilterValue(technique.selectedOptions[0]!.text);
		const words = terms.join(' ');
		queried = true;
		await warmSearch?.catch(() => undefined);
		if (ticket !== latest) return;
		await searching;
		if (ticket !== latest) return;
		const running = pf.search(words, { filters });
		searching = running.catch(() => undefined);
		const found = await running;
		if (!found || ticket !== latest) return;
		// The hits' text: the best results' first, no more at once than a browser fetches from one host
		// (six over HTTP/1.1), shown as soon as they are in; the rest after them. Twelve at once held
		// every hit back a second round trip (0.6 s on 3G) behind the last six.
		let onScreen: StepHit[] = [];
		const show = (pages: PageData[]) => {
			// Where rows are systems, Pagefind's filters have already kept the system and technique chosen
			// (a page's techniques, not a procedure's); a hit is any heading of a rollback page but its
			// title and its "When to roll back" (components/RollbackIntro.astro): a procedure or a step.
			const ranked = stepHits(pages, words, (runbook, step) => {
				if (bySystem) return step !== '_top' && step !== 'when-to-roll-back';
				const row = rowOfStep.get(`${runbook}#${step}`);
				return row !== undefined && matches(row);
			});
			// The hits already listed stay where they are; the new ones come after them.
			const { hits, added } = hitsAfterMore(onScreen, ranked);
			// The list keeps the procedures named by the query and those holding a matching step.
			const holding = new Set(hits.flatMap((hit) => rowOfStep.get(`${hit.runbook}#${hit.step}`) ?? []));
			shown = bySystem ? shown : filterRows((row) => named.has(row) || holding.has(row), { capped: true, first: holding });
			if (onScreen.length) list.append(...added.map(renderHit));
			else list.replaceChildren(...hits.map(renderHit));
			onScreen = hits;
			results.hidden = hits.length === 0;
			// A query that names procedures wants the procedure; words from steps want the step.
			const firstNamed = bySystem ? undefined : rows.find((row) => !row.hidden && named.has(row));
			topHit =
				(firstNamed ? firstNamed.querySelector('a')?.href : hits[0]?.url) ??
				rows.find((row) => !row.hidden && (!bySystem || named.has(row)))?.querySelector('a')?.href;
			const count = `${counted(shown)} Enter opens the first.`;
			status.textContent = hits.length
				? `${hits.length} matching step${hits.length === 1 ? '' : 's'} for “${text}”; ${count}`
				: bySystem
					? `No rollback step has the words of “${text}”${system.value || technique.value ? ' with these filters' : ''}. ${counted(shown)}${topHit ? ' Enter opens the system it names.' : ''}`
					: shown
						? `No step has the words of “${text}”; its name matches: ${count}`
						: `No rollback step or procedure matches “${text}”. Clear the search to see all ${rows.length} ${unit}.`;
		};
		const best = found.results.slice(0, HITS_TEXT);
		const pages: PageData[] = [];
		for (let from = 0; from < best.length; from += HITS_TEXT_AT_ONCE) {
			pages.push(...(await Promise.all(best.slice(from, from + HITS_TEXT_AT_ONCE).map((r) => r.data()))));
			if (ticket !== latest) return;
			show(pages);
		}
		if (!best.length) show([]);
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
	// Keys typed while a search runs are searched once, together, when it ends: on a big site each
	// search of the list takes a while on a phone, and one per key put the answer seconds behind
	// the typing.
	let queued = false;
	const searchSoon = () => {
		if (queued) return;
		queued = true;
		setTimeout(() => {
			queued = false;
			void search();
		});
	};
	// The index's part for the words typed comes while the reader types and the pause runs, not after
	// it: the words finished at once, the word being typed once long enough, one fetch at a time
	// (model/preload-words.ts).
	// The words "roll back", "revert"... are not searched (see search()): not fetched either.
	const fetchAhead = fetchAheadAsTyped(async (words, wanted) => {
		const terms = parseFinderQuery(words).terms.join(' ');
		if (!terms) return;
		const pf = await loadPagefind(root);
		if (wanted()) await pf.preload(terms, { filters: { kind: 'rollback' } });
	});
	query.addEventListener('input', () => {
		fetchAhead(query.value);
		searchSoon();
	});
	system.addEventListener('change', searchSoon);
	technique.addEventListener('change', searchSoon);
	// Searching is what this page is for: Pagefind is fetched at once (its script was preloaded
	// with the page), so the first query does not wait for it on a slow network.
	void loadPagefind(root).catch(() => undefined);
	form.hidden = false;
	void search();
	prepareWhileIdle(0);
}
