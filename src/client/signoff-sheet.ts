import { findRun } from '../model/progress/run-names.ts';
import { deriveState, type Run } from '../model/progress/run.ts';
import { type Paper, pageRules, sheetHeader } from '../model/sheet.ts';
import { loadRuns } from './run/run-store.ts';
import { openStore } from './run/storage.ts';
import { fillValues, resolve, ruleFrom, type VariableRule } from './variables/fill.ts';

/**
 * The sign-off sheet's on-screen choices: paper size, one section or all, commands or not, and
 * filling the sheet from a run kept in this browser ("print this run"). `?run=<run>` and
 * `?part=<section-id>` preselect, so the runbook page can link straight to a filled sheet.
 */
export function startSheet(sheet: HTMLElement): void {
	const form = document.querySelector<HTMLFormElement>('[data-controls]')!;
	const paper = form.querySelector<HTMLSelectElement>('[data-paper]')!;
	const part = form.querySelector<HTMLSelectElement>('[data-part]')!;
	const runSelect = form.querySelector<HTMLSelectElement>('[data-run]')!;
	const commands = form.querySelector<HTMLInputElement>('[data-commands]')!;
	const rules = document.querySelector<HTMLStyleElement>('style[data-page-rules]')!;
	const runName = sheet.querySelector<HTMLElement>('[data-run-name]')!;
	const store = openStore();
	const runbook = sheet.dataset.runbook!;
	const header = sheetHeader(sheet.dataset.title ?? runbook, sheet.dataset.version);
	const runs = loadRuns(store, runbook, Date.now()).runs.filter((r) => r.events.length || r.values);
	const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
	const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

	const valueRows = [...sheet.querySelectorAll<HTMLElement>('[data-sheet-value]')];
	const variableRules = new Map<string, VariableRule>(
		valueRows.map((row) => [row.dataset.sheetValue!, ruleFrom(row.dataset.sheetValue!, row.dataset)]),
	);

	for (const run of runs) runSelect.add(new Option(`the run “${run.name}”`, run.id));
	const params = new URLSearchParams(location.search);
	const wanted = params.get('run');
	if (wanted) runSelect.value = findRun(runs, wanted)?.id ?? '';
	part.value = params.get('part') ?? '';
	if (part.selectedIndex < 0) part.value = '';
	paper.value = store.get('runsheet:paper') === 'letter' ? 'letter' : 'A4';

	const fill = (run: Run | undefined) => {
		const state = run ? deriveState(run.events) : new Map();
		for (const row of sheet.querySelectorAll<HTMLElement>('[data-sheet-step]')) {
			const s = state.get(row.dataset.sheetStep!);
			row.querySelector('[data-box]')!.textContent = s ? (s.status === 'na' ? 'N/A' : '✓') : '';
			row.querySelector('[data-initials]')!.textContent = s?.by ?? '';
			const when = s ? new Date(s.t) : undefined;
			row.querySelector('[data-time]')!.textContent = when
				? `${time.format(when)}${when.toDateString() !== new Date(run!.created).toDateString() ? ` ${day.format(when)}` : ''}`
				: '';
			row.querySelector('[data-reason]')!.textContent = s?.reason ? ` N/A: ${s.reason}` : '';
			row.dataset.state = s?.status ?? '';
		}
		runName.textContent = run ? run.name : '';
		// The values used: the run's own or the default. A blank sheet keeps write-in lines for
		// values without a default; a secret is never recorded, so it is never printed.
		const given = (name: string) => run?.values?.[name];
		for (const row of valueRows) {
			const { value, state } = resolve(variableRules.get(row.dataset.sheetValue!), given(row.dataset.sheetValue!));
			const secret = 'secret' in row.dataset;
			row.querySelector('[data-value]')!.textContent = secret ? '' : (value ?? '');
			row.dataset.state = secret ? 'unset' : state;
		}
		fillValues(sheet, variableRules, (name) => (variableRules.get(name)?.secret ? undefined : given(name)), false);
		return run ? `Run: ${run.name}` : 'Run: ____________';
	};

	const update = () => {
		const run = runs.find((r) => r.id === runSelect.value);
		const runLabel = fill(run);
		rules.textContent = pageRules(paper.value as Paper, header, runLabel);
		for (const section of sheet.querySelectorAll<HTMLElement>(':scope > [data-part]')) {
			section.hidden = Boolean(part.value) && section.dataset.part !== part.value && section.dataset.part !== 'signatures';
		}
		sheet.querySelector<HTMLElement>('.sheet-record')!.hidden = Boolean(part.value);
		sheet.classList.toggle('sheet-no-commands', !commands.checked);
		store.set('runsheet:paper', paper.value);
		const url = new URL(location.href);
		for (const [key, value] of [
			['run', runSelect.value],
			['part', part.value],
		] as const) {
			if (value) url.searchParams.set(key, value);
			else url.searchParams.delete(key);
		}
		history.replaceState(null, '', url);
	};

	form.addEventListener('change', update);
	form.querySelector('[data-print]')!.addEventListener('click', () => print());
	form.hidden = false;
	update();
}
