import { findRun } from '../model/progress/run-names.ts';
import { cleanRecordValue, currentRecord, operatorOf, setRecord } from '../model/progress/record.ts';
import { deriveState, type Run, type StepState } from '../model/progress/run.ts';
import { type Paper, pageRules, recordDefault, type RecordMeaning, sheetHeader } from '../model/sheet.ts';
import { formatDay, formatWhen, offsetAt } from '../model/time.ts';
import { groupMark, type RowMark, sheetSummary, summaryText } from '../model/sheet-summary.ts';
import { deploymentTime, dueOffsets } from '../model/clock.ts';
import { loadRuns, OPERATOR_KEY, saveRun } from './run/run-store.ts';
import { openStore } from './run/storage.ts';
import { fillValues, resolve, ruleFrom, type VariableRule } from './variables/fill.ts';

type RunState = ReadonlyMap<string, StepState>;

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
	const store = openStore();
	const runbook = sheet.dataset.runbook!;
	const header = sheetHeader(sheet.dataset.title ?? runbook, sheet.dataset.version);
	const utc = form.querySelector<HTMLInputElement>('[data-utc]')!;
	const loaded = loadRuns(store, runbook, Date.now());
	const runs = loaded.runs.filter((r) => r.events.length || r.values || r.record);
	// What could not be read or saved is said above the sheet (never printed), until it is put right.
	const problem = document.querySelector<HTMLElement>('[data-sheet-problem]')!;
	const say = (text: string) => {
		problem.textContent = text;
		problem.hidden = !text;
	};
	say(loaded.problems.join(' '));
	const text = (selector: string, value: string) => {
		const el = sheet.querySelector<HTMLElement>(selector);
		if (el) el.textContent = value;
	};
	const recordFields = [...sheet.querySelectorAll<HTMLElement>('[data-record-field]')];

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

	const fill = (run: Run | undefined, state: RunState) => {
		// Every time with its date and zone: the reader's, or UTC when the run says so.
		const when = (t: number) => formatWhen(t, offsetAt(t, run?.utc));
		for (const row of sheet.querySelectorAll<HTMLElement>('[data-sheet-step]')) {
			// A group prints as its sub-steps are (model/sheet-summary.ts), a step as it was ticked.
			const s = row.dataset.leaves ? undefined : state.get(row.dataset.sheetStep!);
			const mark: RowMark | undefined = row.dataset.leaves
				? groupMark(row.dataset.leaves.split(' '), state)
				: s && { status: s.status, t: s.t, by: s.by ? [s.by] : [] };
			row.querySelector('[data-box]')!.textContent = mark ? (mark.status === 'na' ? 'N/A' : '✓') : '';
			row.querySelector('[data-initials]')!.textContent = mark?.by.join(' ') ?? '';
			row.querySelector('[data-time]')!.textContent = mark ? when(mark.t) : '';
			row.querySelector('[data-reason]')!.textContent = s?.reason ? ` N/A: ${s.reason}` : '';
			row.dataset.state = mark?.status ?? '';
		}
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

		// Monitoring checks print their clock times, counted from the deployment (the last tick
		// before the first timed check); a blank sheet says how long after it.
		const dues = [...sheet.querySelectorAll<HTMLElement>('[data-sheet-due]')];
		const firstTimed = dues[0]?.closest('.sheet-step, .sheet-section');
		const stepsBefore = firstTimed
			? [...sheet.querySelectorAll<HTMLElement>('[data-sheet-step]')].filter(
					(row) => row.compareDocumentPosition(firstTimed) & Node.DOCUMENT_POSITION_FOLLOWING && !firstTimed.contains(row),
				)
			: [];
		const deployed = deploymentTime(
			stepsBefore.map((row) => row.dataset.sheetStep!),
			(id) => state.get(id)?.t,
		);
		for (const due of dues) {
			const [first] = dueOffsets({ due: due.dataset.due, every: due.dataset.every });
			due.textContent =
				deployed === undefined || first === undefined
					? `(${due.dataset.text})`
					: `(${due.dataset.every ? `every ${due.dataset.every.replace(/(\d)([mhdw])/g, '$1 $2')} from` : 'due'} ${when(deployed + first)})`;
		}

		// Who, when, which release, and the record: as written in the run, else what the run says.
		const operator = run ? (operatorOf(run.events) ?? store.get(OPERATOR_KEY) ?? undefined) : undefined;
		const release = run && sheet.dataset.release ? given(sheet.dataset.release) : undefined;
		const facts = { day: run ? formatDay(run.created, offsetAt(run.created, run.utc)) : undefined, operator, release };
		const record = currentRecord(run?.record);
		text('[data-run-name]', run?.name ?? '');
		text('[data-release-value]', release ?? '');
		text('[data-started]', run ? when(run.created) : '');
		text('[data-operator]', operator ?? '');
		text('[data-status]', (sheet.dataset.statusField && record.get(sheet.dataset.statusField)?.value) ?? '');
		for (const field of recordFields) {
			const written = record.get(field.dataset.recordField!)?.value;
			const fallback = run ? recordDefault(field.dataset.meaning as RecordMeaning, facts) : undefined;
			const shown = written ?? fallback;
			const value = field.querySelector<HTMLElement>('[data-record-value]');
			if (value) value.textContent = shown ?? (run ? '' : (value.dataset.given ?? ''));
			for (const choice of field.querySelectorAll<HTMLElement>('[data-choice]'))
				choice.toggleAttribute('data-chosen', choice.dataset.choice === written);
			const input = field.querySelector<HTMLInputElement>('[data-record-input]')!;
			input.closest<HTMLElement>('.sheet-screen')!.hidden = !run;
			if (document.activeElement !== input) input.value = written ?? '';
			input.placeholder = fallback ?? '';
		}
		utc.checked = Boolean(run?.utc);
		utc.disabled = !run;
		return run ? `Run: ${run.name}` : 'Run: ____________';
	};

	/** Writes a change of the chosen run (a record field, UTC) to this browser, then redraws; says when it could not. */
	let unsaved = false;
	const change = (edit: (run: Run) => Run) => {
		const index = runs.findIndex((r) => r.id === runSelect.value);
		if (index < 0) return;
		runs[index] = edit(runs[index]!);
		const saved = saveRun(store, runbook, runs[index]!);
		if (saved !== 'ok' || unsaved)
			say(
				saved === 'ok'
					? ''
					: `Not saved: ${saved === 'quota' ? 'this browser’s storage is full' : 'this browser refused to store the run'}. What you wrote stays on this sheet until you leave the page: print it now, or delete old runs on the runbook page and write it again.`,
			);
		unsaved = saved !== 'ok';
		update();
	};
	for (const field of recordFields) {
		field.querySelector('[data-record-input]')!.addEventListener('change', (event) => {
			const value = cleanRecordValue((event.target as HTMLInputElement).value);
			change((run) => {
				const by = operatorOf(run.events) ?? store.get(OPERATOR_KEY) ?? undefined;
				return setRecord(run, { t: Date.now(), field: field.dataset.recordField!, value, ...(by ? { by } : {}) });
			});
		});
	}
	utc.addEventListener('change', () => change((run) => ({ ...run, utc: utc.checked || undefined })));

	// The run's summary and links (first page); the links' QR encoder loads with the first run shown.
	const runBlock = sheet.querySelector<HTMLElement>('[data-sheet-run]')!;
	const printed = runBlock.querySelector<HTMLElement>('[data-printed]')!;
	const linksBox = runBlock.querySelector<HTMLElement>('.sheet-links')!;
	const stepIds = [...sheet.querySelectorAll<HTMLElement>('[data-sheet-step]')].map((row) => row.dataset.sheetStep!);
	const runbookUrl = new URL(sheet.dataset.runbookUrl!, location.href).href;
	let shown: Run | undefined;
	// The run whose links are drawn (or being made): a new paper or part keeps them, a change of the run remakes them.
	let linked: Run | undefined;
	const stampPrinted = () => {
		const now = Date.now();
		printed.textContent = `Printed ${formatWhen(now, offsetAt(now, shown?.utc))}`;
	};
	const drawRun = (run: Run | undefined, state: RunState) => {
		shown = run;
		runBlock.hidden = !run;
		if (!run) return;
		// Only the steps printed: a part printed alone sums up that part.
		const counted = [...sheet.querySelectorAll<HTMLElement>('[data-counted]')].filter((row) => !row.closest('[hidden]'));
		text(
			'[data-summary]',
			summaryText(
				sheetSummary(
					counted.map((row) => row.dataset.sheetStep!),
					state,
				),
			),
		);
		stampPrinted();
		if (run === linked) return;
		linked = run;
		delete runBlock.dataset.ready;
		linksBox.hidden = true;
		const maker = { by: store.get(OPERATOR_KEY) ?? undefined, made: Date.now() };
		void import('./sheet-links.ts')
			.then(async ({ runLinks, drawRunLinks }) => {
				const links = await runLinks(runbookUrl, run, stepIds, maker);
				if (linked !== run) return;
				drawRunLinks(runBlock, links);
				linksBox.hidden = false;
				runBlock.dataset.ready = 'true';
			})
			.catch(() => say('The links back to this run could not be made in this browser: they are left off the sheet.'));
	};
	addEventListener('beforeprint', stampPrinted);

	const update = () => {
		const run = runs.find((r) => r.id === runSelect.value);
		// The run's steps as of its last entry: the rows and the summary line read the same.
		const state: RunState = run ? deriveState(run.events) : new Map();
		const runLabel = fill(run, state);
		rules.textContent = pageRules(paper.value as Paper, header, runLabel);
		// One part printed alone: its steps, the contacts, the values it uses and who signs it.
		const only = part.value;
		const includes = (list: string | undefined) => !only || (list ?? '').split(' ').some((p) => p === only || p === '*');
		for (const section of sheet.querySelectorAll<HTMLElement>(':scope > [data-part]')) {
			section.hidden = Boolean(only) && section.dataset.part !== only && !['signatures', 'contacts'].includes(section.dataset.part!);
		}
		for (const row of valueRows) row.hidden = !includes(row.dataset.parts);
		const values = sheet.querySelector<HTMLElement>('.sheet-values');
		if (values) values.hidden = valueRows.every((row) => row.hidden);
		for (const role of sheet.querySelectorAll<HTMLElement>('[data-signs]')) role.hidden = !includes(role.dataset.signs);
		sheet.querySelector<HTMLElement>('.sheet-record')!.hidden = Boolean(only);
		drawRun(run, state);
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

	form.addEventListener('change', (event) => {
		if (event.target !== utc) update();
	});
	form.querySelector('[data-print]')!.addEventListener('click', () => print());
	form.hidden = false;
	update();
}
