import { filterWords, rowMatches } from '../model/list-filter.ts';
import { normalizeWords } from '../model/search-terms.ts';

/**
 * A list's filter box (components/ListFilter.astro): the rows that hold every word typed stay,
 * the others are hidden, and so is a group left with none, on every keystroke, with no network.
 * Each row's text is read once, when the box is first used. The words stay in the address
 * (?filter=), so a filtered list can be linked, and come back with it.
 */
export function startListFilter(root: HTMLElement): void {
	const input = root.querySelector<HTMLInputElement>('input')!;
	const status = root.querySelector<HTMLElement>('[data-filter-status]')!;
	const rows = [...document.querySelectorAll<HTMLElement>(root.dataset.rows!)];
	const groups = root.dataset.groups ? [...document.querySelectorAll<HTMLElement>(root.dataset.groups)] : [];
	const [one, many] = [root.dataset.one!, root.dataset.many!];
	let texts: string[] | undefined;
	const textOf = (row: HTMLElement) =>
		normalizeWords(
			`${row.closest<HTMLElement>('[data-filter-group]')?.dataset.filterGroup ?? ''} ${row.dataset.filterKey ?? ''} ${row.textContent}`,
		);

	const apply = () => {
		texts ??= rows.map(textOf);
		const words = filterWords(input.value);
		let shown = 0;
		rows.forEach((row, i) => {
			const show = rowMatches(texts![i]!, words);
			if (row.hidden === show) row.hidden = !show;
			if (show) shown++;
		});
		for (const group of groups) {
			const empty = !group.querySelector(`${root.dataset.rows}:not([hidden])`);
			if (group.hidden !== empty) group.hidden = empty;
		}
		status.textContent = words.length
			? shown
				? `${shown} of ${rows.length} ${rows.length === 1 ? one : many}`
				: `No ${one} matches “${input.value.trim()}”`
			: '';
		const url = new URL(location.href);
		if (input.value.trim()) url.searchParams.set('filter', input.value.trim());
		else url.searchParams.delete('filter');
		history.replaceState(history.state, '', url);
	};

	input.addEventListener('input', apply);
	input.value = new URLSearchParams(location.search).get('filter') ?? '';
	if (input.value) apply();
	root.hidden = false;
}
