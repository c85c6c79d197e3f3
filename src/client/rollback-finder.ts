import { excerptParts, stepHits, type PageData } from '../model/step-hits.ts';

interface Pagefind {
	init(): Promise<void>;
	search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PageData> }[] } | null>;
}

// Pagefind exists only in the built site; its script is fetched the first time it is needed.
const PAGEFIND_URL = '/pagefind/pagefind.js';
let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () => (pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL).then(async (pf: Pagefind) => (await pf.init(), pf)));

/**
 * The rollback finder: filters the static list of procedures by system and technique, and
 * searches rollback steps with Pagefind, listing each hit as a link to the step itself.
 * The filters live in the URL (?system=&technique=&q=), so a finder view can be linked.
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
	query.value = params.get('q') ?? '';
	system.value = params.get('system') ?? '';
	technique.value = params.get('technique') ?? '';
	if (system.selectedIndex < 0) system.value = '';
	if (technique.selectedIndex < 0) technique.value = '';

	const matches = (row: HTMLTableRowElement) =>
		(!system.value || row.dataset.system === system.value) &&
		(!technique.value || row.dataset.techniques!.split(' ').includes(technique.value));

	const filterRows = () => {
		let shown = 0;
		for (const row of rows) {
			row.hidden = !matches(row);
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
	const search = async () => {
		const ticket = ++latest;
		const text = query.value.trim();
		const shown = filterRows();
		remember();
		if (!text) {
			results.hidden = true;
			list.replaceChildren();
			status.textContent = `${shown} of ${rows.length} procedures shown.`;
			return;
		}
		performance.mark('runsheet-rollback-search-start');
		let pf: Pagefind;
		try {
			pf = await loadPagefind();
		} catch {
			status.textContent = 'Search is not available here (the search index is made by the build). The procedures below are filtered.';
			return;
		}
		const filters: Record<string, string> = { kind: 'rollback' };
		if (system.value) filters.system = system.value;
		if (technique.value) filters.technique = technique.selectedOptions[0]!.text;
		const found = await pf.search(text, { filters });
		if (!found || ticket !== latest) return;
		const pages = await Promise.all(found.results.slice(0, 12).map((r) => r.data()));
		if (ticket !== latest) return;
		const hits = stepHits(pages, text, (runbook, step) => {
			const row = rowOfStep.get(`${runbook}#${step}`);
			return row !== undefined && matches(row);
		});
		list.replaceChildren(...hits.map(renderHit));
		results.hidden = false;
		status.textContent = hits.length
			? `${hits.length} matching step${hits.length === 1 ? '' : 's'} for “${text}”; ${shown} of ${rows.length} procedures shown.`
			: `No rollback step matches “${text}”. ${shown} of ${rows.length} procedures shown.`;
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

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		list.querySelector('a')?.focus();
	});
	// The query searches as it is typed; the selects on change. (A search box also fires
	// "change" when it loses focus, on the way to a clicked result: re-rendering the list then
	// would swallow the click.)
	query.addEventListener('input', () => void search());
	system.addEventListener('change', () => void search());
	technique.addEventListener('change', () => void search());
	// Searching is what this page is for: fetch Pagefind once the page is idle, or at the
	// latest when the search box gets focus, so the first query does not wait for it.
	const preload = () => void loadPagefind().catch(() => undefined);
	if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 2000 });
	else setTimeout(preload, 500);
	query.addEventListener('focus', preload, { once: true });
	form.hidden = false;
	void search();
}
