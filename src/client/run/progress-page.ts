import {
	DEFAULT_RUN_ID, DEFAULT_RUN_NAME, deriveState, findRun, newRun, record, runIdFor,
	type ProgressEvent, type Run, type StepState,
} from '../../model/progress/run.ts';
import { ago, isFinished, mixedState, tally } from '../../model/progress/summary.ts';
import { readSteps, type StepNode } from './dom-steps.ts';
import type { RunContext } from './run-actions.ts';
import { bindKeys } from './keyboard.ts';
import { currentRunId, loadRun, loadRuns, OPERATOR_KEY, saveRun, setCurrentRunId } from './run-store.ts';
import { openStore } from './storage.ts';
import type { ValuesView } from '../variables/values-panel.ts';
import { cleanValue } from '../../model/variable-value.ts';


/**
 * Wires a runbook page to the run model: ticks, N/A, named runs, timeline, export, share links.
 * Everything shown comes from the event log of the current run; the DOM is only a view of it.
 */
export function startProgress(root: HTMLElement): void {
	const runbook = root.dataset.runbook!;
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
	const bar = $<HTMLElement>('[data-runbar]');
	const select = $<HTMLSelectElement>('[data-run-select]');
	const progress = $<HTMLProgressElement>('[data-progress]');
	const progressText = $<HTMLElement>('[data-progress-text]');
	const status = $<HTMLElement>('[data-status]');
	const announcer = $<HTMLElement>('[data-announce]');
	const timeline = $<HTMLOListElement>('[data-timeline-list]');
	const timelineBox = $<HTMLDetailsElement>('[data-timeline]');
	const shortcuts = $<HTMLDialogElement>('[data-shortcuts]');
	const page = readSteps(root);
	const store = openStore();
	const now = () => Date.now();

	const blank = () => newRun(DEFAULT_RUN_ID, DEFAULT_RUN_NAME, now());
	/** Every run of this runbook; read after the current one is on screen (see allRuns). */
	let runs: Run[] | undefined;
	let run: Run = blank();
	let state = new Map<string, StepState>();
	/** A shared snapshot being viewed read-only, or undefined. */
	let snapshot: Run | undefined;
	let undo: (() => void) | undefined;
	let warning = '';

	// ---- messages ---------------------------------------------------------------------------

	const say = (text: string, undoable?: () => void) => {
		undo = undoable;
		status.textContent = text;
		if (undoable) {
			const button = document.createElement('button');
			button.type = 'button';
			button.textContent = 'Undo';
			button.dataset.action = 'undo';
			status.append(' ', button);
		}
		status.hidden = !text;
	};
	const announce = (text: string) => {
		announcer.textContent = text;
	};

	// ---- loading and saving -----------------------------------------------------------------

	/** Shows the current run first; the other runs are read when needed or when the page is idle. */
	const reload = (wanted?: string) => {
		const start = performance.now();
		runs = undefined;
		const id = wanted ?? currentRunId(store, runbook) ?? DEFAULT_RUN_ID;
		const loaded = loadRun(store, runbook, id, now());
		run = loaded.run ?? (loadRun(store, runbook, DEFAULT_RUN_ID, now()).run ?? blank());
		render();
		performance.measure('runsheet-restore', { start });
		if (loaded.problem) say(loaded.problem);
		setTimeout(() => {
			allRuns();
			renderRunList();
		});
	};

	const allRuns = (): Run[] => {
		if (runs) return runs;
		const loaded = loadRuns(store, runbook, now());
		const list = loaded.runs.map((r) => (r.id === run.id ? run : r));
		if (!list.includes(run)) list.push(run);
		if (!list.some((r) => r.id === DEFAULT_RUN_ID)) list.push(blank());
		if (loaded.problems.length) say([status.textContent, ...loaded.problems].filter(Boolean).join(' '));
		runs = list;
		return list;
	};

	const persist = (changed: Run): boolean => {
		const start = performance.now();
		const result = saveRun(store, runbook, changed);
		performance.measure('runsheet-save', { start });
		if (result === 'ok') return true;
		say(`Not saved: this browser${result === 'quota' ? '’s storage is full' : ' refused to store the run'}. Ticks stay on screen until you leave; export the run or delete old runs.`);
		return false;
	};

	const replaceRun = (changed: Run) => {
		runs = allRuns().map((r) => (r.id === changed.id ? changed : r));
		if (!runs.includes(changed)) runs.push(changed);
		if (run.id === changed.id) run = changed;
	};

	/** Takes a changed run into the list and saves it; false when it could not be saved. */
	const keep = (changed: Run) => (replaceRun(changed), persist(changed));

	const switchTo = (id: string) => {
		run = allRuns().find((r) => r.id === id) ?? run;
		setCurrentRunId(store, runbook, run.id);
		render();
		announce(`Run “${run.name}” opened.`);
	};

	// ---- rendering ----------------------------------------------------------------------------

	// Formatters are made once: building one per call costs more than all the rest of a render.
	const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
	const minutes = new Map<number, string>();
	const hhmm = (t: number) => {
		const minute = Math.floor(t / 60000);
		let text = minutes.get(minute);
		if (text === undefined) minutes.set(minute, (text = clock.format(t)));
		return text;
	};

	/** "✓ 14:02 · AB" or "N/A: no CDN 14:02" beside the step, drawn by CSS from an attribute:
	 * one attribute write per step keeps restoring a long run fast. */
	const stamp = (node: StepNode, s: StepState | undefined) => {
		const row = node.textEl.parentElement!;
		if (!s) return row.removeAttribute('data-stamp');
		row.dataset.stamp = `${s.status === 'na' ? `N/A${s.reason ? `: ${s.reason}` : ''}` : '✓'} ${hhmm(s.t)}${s.by ? ` · ${s.by}` : ''}`;
	};

	const render = () => {
		const view = snapshot ?? run;
		state = deriveState(view.events);
		const readonly = Boolean(snapshot);
		for (const node of page.steps.values()) {
			const s = node.leaves.length ? undefined : state.get(node.id);
			const mixed = node.leaves.length ? mixedState(tally(node.leaves, state)) : undefined;
			const shown = `${mixed ?? s?.status}|${s?.t}|${s?.by}|${s?.reason}|${readonly}`;
			if (shown === node.shown) continue;
			node.shown = shown;
			// Only what changed is written: a first render of a long run touches few elements.
			const checked = mixed ? mixed === 'all' : s?.status === 'done';
			const data = mixed ? (mixed === 'all' ? 'done' : '') : (s?.status ?? '');
			if (node.box.checked !== checked) node.box.checked = checked;
			if (node.box.indeterminate !== (mixed === 'some')) node.box.indeterminate = mixed === 'some';
			if ((node.el.dataset.state ?? '') !== data) node.el.dataset.state = data;
			if (node.box.disabled !== readonly) node.box.disabled = readonly;
			stamp(node, s);
		}
		for (const section of page.sections) {
			const t = tally(section.steps, state);
			let badge = section.heading.querySelector<HTMLElement>('.rs-secprog');
			if (!t.total) continue;
			if (!badge) {
				badge = document.createElement('span');
				badge.className = 'rs-secprog';
				section.heading.querySelector('.rs-kind')!.after(badge);
			}
			const finished = isFinished(t);
			badge.textContent = `${t.done + t.na}/${t.total}`;
			section.el.dataset.finished = String(finished);
			let fold = section.heading.querySelector<HTMLButtonElement>('.rs-fold');
			if (finished && !fold) {
				fold = document.createElement('button');
				fold.type = 'button';
				fold.className = 'rs-fold';
				fold.dataset.action = 'fold';
				fold.setAttribute('aria-expanded', 'true');
				fold.textContent = 'Fold';
				badge.after(fold);
			} else if (!finished && fold) {
				fold.remove();
				section.el.classList.remove('rs-folded');
			}
		}
		const all = tally(page.counted, state);
		progress.max = all.total;
		progress.value = all.done + all.na;
		progressText.textContent = `${all.done} of ${all.total} done${all.na ? ` · ${all.na} N/A` : ''}`;
		renderRunList();
		// The timeline is built when it is open: restoring a long run should not wait for it.
		if (timelineBox.open) renderTimeline(view);
		showValues(view);
	};

	// Until every run is read, the list shows the current one.
	const renderRunList = () => {
		select.replaceChildren(
			...(runs ?? [run]).map((r) => {
				const t = tally(page.counted, deriveState(r.events));
				const option = new Option(`${r.name} — ${t.done + t.na}/${t.total}${r.events.length ? `, ${ago(r.updated, now())}` : ''}`, r.id);
				option.selected = r.id === run.id;
				return option;
			}),
		);
		select.disabled = Boolean(snapshot);
	};

	// The timeline is drawn by a module loaded when it is first opened.
	const renderTimeline = (view: Run) =>
		void import('./timeline.ts').then((m) => m.renderTimeline(timeline, view, (id) => page.steps.get(id)?.text));

	// ---- changing progress ----------------------------------------------------------------------

	const operator = () => store.get(OPERATOR_KEY) ?? undefined;

	const apply = (events: Omit<ProgressEvent, 't' | 'by'>[], message: string) => {
		if (snapshot || !events.length) return;
		const t = now();
		const by = operator();
		const changed = record(run, events.map((e) => ({ ...e, t, ...(by ? { by } : {}) })));
		const saved = keep(changed);
		render();
		if (saved && !warning) say('');
		const all = tally(page.counted, state);
		announce(`${message} ${all.done + all.na} of ${all.total} steps finished.`);
	};

	const targets = (node: StepNode) => (node.leaves.length ? node.leaves : [node.id]);

	const toggleTick = (node: StepNode) => {
		const ids = targets(node);
		const allDone = ids.every((id) => state.get(id)?.status === 'done');
		apply(
			ids.filter((id) => (state.get(id)?.status === 'done') === allDone).map((step) => ({ step, action: allDone ? 'untick' : 'tick' })),
			allDone ? `Unticked: ${node.text}.` : `Done: ${node.text}.`,
		);
	};

	const toggleNa = (node: StepNode) => {
		if (snapshot) return;
		const ids = targets(node);
		if (ids.every((id) => state.get(id)?.status === 'na')) {
			apply(ids.map((step) => ({ step, action: 'clear' })), `Not applicable cleared: ${node.text}.`);
			return;
		}
		const reason = prompt(`Why does “${node.text}” not apply? (optional)`, '');
		if (reason === null) return;
		const open = ids.filter((id) => state.get(id)?.status !== 'na');
		apply(open.map((step) => ({ step, action: 'na', ...(reason.trim() ? { reason: reason.trim().slice(0, 200) } : {}) })), `Not applicable: ${node.text}.`);
	};

	const nextOpen = () => {
		const id = page.counted.find((c) => !state.has(c));
		if (!id) return announce('Every step is done or not applicable.');
		const node = page.steps.get(id)!;
		for (let el: HTMLElement | null = node.el; el; el = el.parentElement?.closest('section.rs-folded') ?? null) el.classList.remove('rs-folded');
		node.el.scrollIntoView({ block: 'center' });
		node.box.focus({ preventScroll: true });
	};

	// ---- values ---------------------------------------------------------------------------------

	// As built, a page shows every {{NAME}} unset, which is right until a value is in use: the
	// code that fills values loads when the run has some, a variable has a default, or the
	// panel or a command's copy button is used.
	const panel = root.querySelector<HTMLDetailsElement>('[data-vars]');
	let values: Promise<ValuesView> | undefined;
	const useValues = () =>
		(values ??= import('../variables/values-panel.ts').then((m) => m.startValues(root, { view: () => ({ ...(snapshot ?? run), readonly: Boolean(snapshot) }), say })));
	const showValues = (view: Run) => {
		if (panel && (values || view.values || 'defaults' in panel.dataset)) void useValues().then((v) => v.show());
	};
	if (panel) {
		panel.querySelector('fieldset')!.disabled = false;
		panel.addEventListener('input', (event) => {
			// Saved at once, not when the panel's code has loaded: a value typed just before
			// leaving the page is kept. Secret values are never saved.
			const input = event.target as HTMLInputElement;
			if (!snapshot && !('secret' in input.dataset)) {
				const given = { ...run.values };
				const value = cleanValue(input.value);
				if (value) given[input.dataset.varInput!] = value;
				else delete given[input.dataset.varInput!];
				keep({ ...run, values: given, updated: now() });
			}
			void useValues().then((v) => v.input(input));
		});
	}

	// ---- runs ----------------------------------------------------------------------------------

	const createRun = (name: string, events: ProgressEvent[] = [], given?: Record<string, string>) => {
		const created: Run = { ...newRun(runIdFor(name, allRuns().map((r) => r.id)), name, now()), events, ...(given ? { values: given } : {}) };
		if (events.length) created.updated = Math.max(created.created, ...events.map((e) => e.t));
		keep(created);
		switchTo(created.id);
	};

	// A share link (#share=…) shows its run read-only; the code for it loads with such a link.
	const setSnapshot = (shared: Run | undefined) => {
		snapshot = shared;
		render();
	};
	const openShare = () => location.hash.startsWith('#share=') && void menu().then((m) => m.openShare(ctx));

	// The run menu's actions load on first use: ticking needs none of them.
	const ctx: RunContext = {
		root,
		runbook,
		store,
		page,
		run: () => run,
		snapshot: () => snapshot,
		state: () => state,
		now,
		allRuns,
		replaceRun,
		forgetRun: (gone) => {
			runs = allRuns().filter((r) => r !== gone);
			if (!runs.some((r) => r.id === DEFAULT_RUN_ID)) runs.push(blank());
		},
		persist,
		render,
		say,
		announce,
		switchTo,
		createRun,
		setSnapshot,
		operator,
	};
	// Fetched as the hand reaches for the menu, so that on a slow network the action still
	// runs within the click that chose it.
	let menuModule: typeof import('./run-actions.ts') | undefined;
	const menu = () => import('./run-actions.ts').then((m) => (menuModule = m));
	for (const type of ['pointerenter', 'focusin', 'toggle']) $('.rs-menu').addEventListener(type, () => void menu(), { once: true });
	const actions: Record<string, () => void | Promise<void>> = {
		next: nextOpen,
		shortcuts: () => shortcuts.showModal(),
		print: () => {
			// A rollback page prints its own part of the sheet.
			const part = root.dataset.sheetPart ? `&part=${encodeURIComponent(root.dataset.sheetPart)}` : '';
			location.href = `/signoff/${runbook}/?run=${encodeURIComponent(run.id)}${part}`;
		},
		undo: () => {
			const fn = undo;
			say('');
			fn?.();
		},
	};
	const act = (name: string) =>
		actions[name] ? actions[name]() : menuModule ? menuModule.runAction(name, ctx) : menu().then((m) => m.runAction(name, ctx));

	// ---- events ----------------------------------------------------------------------------------

	root.addEventListener('change', (event) => {
		if (event.target === select) return switchTo(select.value);
		const target = event.target as HTMLInputElement;
		if (target.matches('[data-import-file]')) {
			const file = target.files?.[0];
			target.value = '';
			if (file) void menu().then((m) => m.importFile(ctx, file));
			return;
		}
		const node = target.matches('.rs-check') ? page.steps.get(target.dataset.check!) : undefined;
		if (node) toggleTick(node);
	});

	root.addEventListener('click', (event) => {
		// A command's copy button: say what in it still needs a value.
		const copied = (event.target as HTMLElement).closest<HTMLElement>('[data-rs-template]');
		if (copied) void useValues().then((v) => v.copied(copied));
		const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], [data-na]');
		if (!target) return;
		if (target.dataset.na) {
			const node = page.steps.get(target.dataset.na);
			if (node) toggleNa(node);
			return;
		}
		const action = target.dataset.action!;
		if (action === 'fold') {
			const section = target.closest('section')!;
			const folded = section.classList.toggle('rs-folded');
			target.setAttribute('aria-expanded', String(!folded));
			target.textContent = folded ? 'Unfold' : 'Fold';
			return;
		}
		target.closest('details')?.removeAttribute('open');
		void act(action);
	});

	// Another tab saved this runbook's runs: show the same thing here.
	addEventListener('storage', (event) => {
		if (event.key === null || event.key.startsWith(`runsheet:run:${runbook}:`)) reload(run.id);
	});
	addEventListener('hashchange', openShare);

	const focused = (): StepNode | undefined => {
		const el = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-step]');
		return el ? page.steps.get(el.dataset.step!) : undefined;
	};
	bindKeys({
		move: (by) => {
			const visible = page.order.filter((id) => page.steps.get(id)!.el.offsetParent !== null);
			const current = focused();
			const index = current ? visible.indexOf(current.id) : -1;
			const next = page.steps.get(visible[Math.min(Math.max(index + by, 0), visible.length - 1)]!);
			next?.box.focus();
			next?.el.scrollIntoView({ block: 'nearest' });
		},
		tick: () => {
			const node = focused();
			if (node) toggleTick(node);
		},
		na: () => {
			const node = focused();
			if (node) toggleNa(node);
		},
		next: nextOpen,
		help: () => shortcuts.showModal(),
	});
	// ---- start -------------------------------------------------------------------------------------

	root.classList.add('rs-js');
	bar.hidden = false;
	timelineBox.hidden = false;
	timelineBox.addEventListener('toggle', () => timelineBox.open && renderTimeline(snapshot ?? run));
	if (!store.persistent) {
		warning = 'Progress cannot be saved in this browser (storage is off or blocked): ticks last until you leave this page.';
	}
	reload();
	if (warning) say(warning);
	// Opening the list reads every run first, so it always shows them all.
	select.addEventListener('focus', () => {
		if (!runs) {
			allRuns();
			renderRunList();
		}
	});

	const wanted = new URLSearchParams(location.search).get('run');
	if (wanted) {
		const found = findRun(allRuns(), wanted);
		if (found) switchTo(found.id);
		else if (confirm(`There is no run called “${wanted}” in this browser yet. Start it now?`)) createRun(wanted.slice(0, 80));
	}
	openShare();
}
