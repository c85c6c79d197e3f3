import { deriveState, type ProgressEvent, type StepState } from '../../model/progress/run.ts';
import { ago, countText, isFinished, mixedState, tally } from '../../model/progress/summary.ts';
import { cleanValue } from '../../model/variable-value.ts';
import type { ValuesView } from '../variables/values-panel.ts';
import { markArrived } from '../page/arrived.ts';
import { readSteps, type StepNode } from './dom-steps.ts';
import type { KeyHandlers } from './keyboard.ts';
import type { PageUi } from './page-ui.ts';
import { runPrefix } from './run-store.ts';
import { RunSession } from './session.ts';
import { openStore, type SaveResult } from './storage.ts';
import type { Toast, Warning } from './toast.ts';

/**
 * Wires a runbook page to its run session (session.ts): the page's views (steps, sections, the
 * run bar, the run list, the timeline, the values) draw what the session holds whenever it
 * changes, and the page's controls call the session's commands.
 */
/** Wider than a phone: Starlight's own breakpoint for its sidebar. */
const WIDE = '(min-width: 50rem)';

export function startProgress(root: HTMLElement): void {
	const runbook = root.dataset.runbook!;
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
	const bar = $<HTMLElement>('[data-runbar]');
	const select = $<HTMLSelectElement>('[data-run-select]');
	const progress = $<HTMLProgressElement>('[data-progress]');
	const progressText = $<HTMLElement>('[data-progress-text]');
	const toastEl = $<HTMLElement>('[data-status]');
	const announcer = $<HTMLElement>('[data-announce]');
	const timeline = $<HTMLOListElement>('[data-timeline-list]');
	const timelineBox = $<HTMLDetailsElement>('[data-timeline]');
	const shortcuts = $<HTMLDialogElement>('[data-shortcuts]');
	const page = readSteps(root);
	const session = new RunSession(runbook, openStore());

	// ---- messages ---------------------------------------------------------------------------

	// The toast's code, and the words of its warnings, come with the first message: most visits
	// tick boxes and say nothing.
	let toast: Toast | undefined;
	let toastLoad: Promise<[Toast, typeof import('./toast.ts')]> | undefined;
	const withToast = (fn: (t: Toast, m: typeof import('./toast.ts')) => void) =>
		void (toastLoad ??= import('./toast.ts').then((m) => [(toast = m.createToast(toastEl)), m])).then(([t, m]) => fn(t, m));
	const say = (text: string, undo?: () => void) => (text || toast) && withToast((t) => t.say(text, { undo }));
	const warn = (kind: Warning) => withToast((t, m) => t.say(m.WARNINGS[kind], { sticky: true }));
	const announce = (text: string) => {
		announcer.textContent = text;
	};
	/** Problems reading saved runs join what the toast already says, and stay until closed. */
	const tell = (problems: string[]) =>
		problems.length && withToast((t) => t.say([t.text, ...problems].filter(Boolean).join(' '), { sticky: true }));
	const saved = (result: SaveResult) => result === 'ok' || (warn(result === 'quota' ? 'quota' : 'refused'), false);

	// ---- views ------------------------------------------------------------------------------

	// Formatters are made once: building one per call costs more than all the rest of a render.
	// With its date and zone, as every time of a record ("2026-12-01 02:21 UTC+1"): Swedish
	// writes ISO dates, and its offset reads GMT+1.
	const clock = new Intl.DateTimeFormat('sv-SE', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'shortOffset',
	});
	const when = (t: number) => clock.format(t).replace('GMT', 'UTC');

	/** "✓ 2026-12-01 14:02 UTC+1 · AB" or "N/A: no CDN 2026-12-01 14:02 UTC+1" beside the step, drawn by CSS from an attribute:
	 * one attribute write per step keeps restoring a long run fast. */
	const stamp = (node: StepNode, s: StepState | undefined) => {
		const { row } = node;
		if (!s) return row.removeAttribute('data-stamp');
		row.dataset.stamp = `${s.status === 'na' ? `N/A${s.reason ? `: ${s.reason}` : ''}` : '✓'} ${when(s.t)}${s.by ? ` · ${s.by}` : ''}`;
	};

	const render = () => {
		const { state } = session;
		const readonly = Boolean(session.snapshot);
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
			if (!t.total) continue;
			const finished = isFinished(t);
			section.heading.querySelector(':scope > .rs-secprog')!.textContent = countText(t);
			section.el.dataset.finished = String(finished);
			const fold = section.heading.querySelector<HTMLButtonElement>(':scope > .rs-fold')!;
			if (fold.hidden === !finished) continue;
			fold.hidden = !finished;
			// A section that is no longer finished unfolds.
			if (!finished && section.el.classList.contains('rs-folded')) fold.click();
		}
		const all = tally(page.counted, state);
		progress.max = all.total;
		progress.value = all.done + all.na;
		progressText.textContent = countText(all);
		renderRunList();
		// The timeline is built when it is open: restoring a long run should not wait for it.
		if (timelineBox.open) renderTimeline();
		showValues();
	};

	// Until every run is read, the list shows the current one; a shared snapshot shows itself.
	const renderRunList = () => {
		const { snapshot } = session;
		const runs = snapshot ? [snapshot] : (session.runs ?? [session.run]);
		select.replaceChildren(
			...runs.map((r) => {
				const t = tally(page.counted, deriveState(r.events));
				const when = r.events.length ? `, ${ago(r.updated, session.now())}` : '';
				const option = new Option(`${r.name}${snapshot ? ' (shared)' : ''} — ${countText(t)}${when}`, r.id);
				option.selected = r === snapshot || r.id === session.run.id;
				return option;
			}),
		);
		select.disabled = Boolean(snapshot);
	};

	// The timeline is drawn by a module loaded when it is first opened.
	const renderTimeline = () =>
		void import('./timeline.ts').then((m) => m.renderTimeline(timeline, session.shown, (id) => page.steps.get(id)?.text));

	// As built, a page shows every {{NAME}} unset, which is right until a value is in use: the
	// code that fills values loads when the run has some, a variable has a default, or the
	// panel or a command's copy button is used.
	const panel = root.querySelector<HTMLDetailsElement>('[data-vars]');
	/** The step whose blank value led to the panel: Esc in the field returns to it. */
	let cameFrom: StepNode | undefined;
	let values: Promise<ValuesView> | undefined;
	const useValues = () => (values ??= import('../variables/values-panel.ts').then((m) => m.startValues(root, session, say)));
	// Once loaded, the panel follows the session itself.
	const showValues = () => {
		if (panel && !values && (session.shown.values || 'defaults' in panel.dataset)) void useValues();
	};

	session.subscribe(render);

	// ---- commands ---------------------------------------------------------------------------------

	/** Shows the current run first; the other runs are read when needed or when the page is idle. */
	const reload = (wanted?: string) => {
		const start = performance.now();
		const problem = session.load(wanted);
		performance.measure('runsheet-restore', { start });
		if (problem) say(problem);
		setTimeout(() => {
			session.all(tell);
			renderRunList();
		});
	};

	const open = (id: string) => {
		session.switchTo(id);
		announce(`Run “${session.run.name}” opened.`);
	};

	/** What puts these steps back as they are now: for an Undo. */
	const restoring = (ids: string[]): Omit<ProgressEvent, 't' | 'by'>[] =>
		ids.map((step) => {
			const s = session.state.get(step);
			if (!s) return { step, action: 'clear' };
			return s.status === 'done' ? { step, action: 'tick' } : { step, action: 'na', ...(s.reason ? { reason: s.reason } : {}) };
		});

	const apply = (events: Omit<ProgressEvent, 't' | 'by'>[], message: string, undoable = true) => {
		if (session.snapshot || !events.length) return;
		// A tick that changes several steps at once (a group's box) can be taken back.
		const back = undoable && events.length > 1 ? restoring(events.map((e) => e.step)) : undefined;
		const ok = saved(session.record(events));
		const all = tally(page.counted, session.state);
		if (ok && back) say(`${message.replace(/\.$/, '')}: ${events.length} steps changed.`, () => apply(back, 'Undone.', false));
		else if (ok) say('');
		announce(`${message} ${countText(all)}.`);
	};

	const targets = (node: StepNode) => (node.leaves.length ? node.leaves : [node.id]);
	const statusOf = (id: string) => session.state.get(id)?.status;

	const toggleTick = (node: StepNode) => {
		const ids = targets(node);
		const allDone = ids.every((id) => statusOf(id) === 'done');
		apply(
			ids.filter((id) => (statusOf(id) === 'done') === allDone).map((step) => ({ step, action: allDone ? 'untick' : 'tick' })),
			allDone ? `Unticked: ${node.text}.` : `Done: ${node.text}.`,
		);
	};

	const toggleNa = (node: StepNode) => {
		if (session.snapshot) return;
		const ids = targets(node);
		if (ids.every((id) => statusOf(id) === 'na')) {
			apply(
				ids.map((step) => ({ step, action: 'clear' })),
				`Not applicable cleared: ${node.text}.`,
			);
			return;
		}
		const reason = prompt(`Why does “${node.text}” not apply? (optional)`, '');
		if (reason === null) return;
		const open = ids.filter((id) => statusOf(id) !== 'na');
		apply(
			open.map((step) => ({ step, action: 'na', ...(reason.trim() ? { reason: reason.trim().slice(0, 200) } : {}) })),
			`Not applicable: ${node.text}.`,
		);
	};

	const nextOpen = () => {
		const id = page.counted.find((c) => !session.state.has(c));
		if (!id) return announce('Every step is done or not applicable.');
		const node = page.steps.get(id)!;
		for (let el: HTMLElement | null = node.el; el; el = el.parentElement?.closest('section.rs-folded') ?? null)
			el.classList.remove('rs-folded');
		node.el.scrollIntoView({ block: 'center' });
		node.box.focus({ preventScroll: true });
		markArrived(node.el);
	};

	if (panel) {
		panel.querySelector('fieldset')!.disabled = false;
		panel.addEventListener('input', (event) => {
			// Saved at once, not when the panel's code has loaded: a value typed just before
			// leaving the page is kept. Secret values are never saved.
			const input = event.target as HTMLInputElement;
			const { run } = session;
			if (!session.snapshot && !('secret' in input.dataset)) {
				const given = { ...run.values };
				const value = cleanValue(input.value);
				if (value) given[input.dataset.varInput!] = value;
				else delete given[input.dataset.varInput!];
				saved(session.keep({ ...run, values: given, updated: session.now() }));
			}
			void useValues().then((v) => v.input(input));
		});
	}

	// The run menu's actions load on first use: ticking needs none of them.
	const ui: PageUi = { root, page, say, announce, open };
	// Fetched as the hand reaches for the menu, so that on a slow network the action still
	// runs within the click that chose it.
	let menuModule: typeof import('./run-actions.ts') | undefined;
	const menu = () =>
		import('./run-actions.ts').then((m) => {
			if (!menuModule) m.setUp(session, ui);
			return (menuModule = m);
		});
	for (const type of ['pointerenter', 'focusin', 'toggle']) $('.rs-menu').addEventListener(type, () => void menu(), { once: true });
	const openShare = () => location.hash.startsWith('#share=') && void menu().then((m) => m.openShare(session, ui));
	const actions: Record<string, () => void | Promise<void>> = {
		next: nextOpen,
		shortcuts: () => shortcuts.showModal(),
		// The page's own link to its sheet (a rollback page's prints its part), as the server wrote it,
		// base path included; the run goes with it.
		print: () => {
			const sheet = new URL(root.querySelector<HTMLAnchorElement>('a[data-sheet-link]')!.href);
			sheet.searchParams.set('run', session.run.id);
			location.href = sheet.href;
		},
	};
	const act = (name: string) =>
		actions[name]
			? actions[name]()
			: menuModule
				? menuModule.runAction(name, session, ui)
				: menu().then((m) => m.runAction(name, session, ui));

	// ---- events ----------------------------------------------------------------------------------

	root.addEventListener('change', (event) => {
		if (event.target === select) return open(select.value);
		const target = event.target as HTMLInputElement;
		if (target.matches('[data-import-file]')) {
			const file = target.files?.[0];
			target.value = '';
			if (file) void menu().then((m) => m.importFile(session, ui, file));
			return;
		}
		const node = target.matches('.rs-check') ? page.steps.get(target.closest<HTMLElement>('[data-step]')!.dataset.step!) : undefined;
		if (node) toggleTick(node);
	});

	root.addEventListener('click', (event) => {
		// A command's copy button: say what in it still needs a value.
		const copied = (event.target as HTMLElement).closest<HTMLElement>('[data-rs-template]');
		if (copied) void useValues().then((v) => v.copied(copied));
		// A value still to give, where a step or command needs it: its field, in the opened panel.
		// Esc there comes back to this step.
		const blank = (event.target as HTMLElement).closest<HTMLElement>('.rs-var:not([data-state="ok"])');
		const field = blank && panel?.querySelector<HTMLInputElement>(`[data-var-input="${blank.dataset.var}"]`);
		if (field) {
			cameFrom = page.steps.get(blank.closest<HTMLElement>('[data-step]')?.dataset.step ?? '');
			panel!.open = true;
			field.focus();
		}
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

	// The whole row of a step is its touch target: a tap on its text or beside it ticks the box,
	// as a label would (the text cannot be a <label>: Pagefind leaves labels out of the index).
	root.addEventListener('click', (event) => {
		const target = event.target as HTMLElement;
		const row = target.closest<HTMLElement>('.rs-step-row');
		if (!row || target.closest('a, button, input, select, summary, code, kbd, .rs-var') || !getSelection()?.isCollapsed) return;
		const box = row.querySelector<HTMLInputElement>(':scope > .rs-check');
		if (box && !box.disabled) {
			box.click();
			box.focus({ preventScroll: true });
		}
	});

	// Another tab saved this runbook's runs: show the same thing here.
	addEventListener('storage', (event) => {
		if (event.key === null || event.key.startsWith(runPrefix(runbook))) reload(session.run.id);
	});
	addEventListener('hashchange', openShare);

	const focused = (): StepNode | undefined => {
		const el = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-step]');
		return el ? page.steps.get(el.dataset.step!) : undefined;
	};
	const keys: KeyHandlers = {
		move: (by) => {
			const visible = page.order.filter((id) => page.steps.get(id)!.el.offsetParent !== null);
			const current = focused();
			const index = current ? visible.indexOf(current.id) : -1;
			const next = page.steps.get(visible[Math.min(Math.max(index + by, 0), visible.length - 1)]!);
			if (!next) return;
			next.box.focus();
			next.el.scrollIntoView({ block: 'nearest' });
			markArrived(next.el);
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
		undo: () => void toast?.undo(),
		help: () => shortcuts.showModal(),
		leaveField: (field) => {
			if (!root.contains(field)) return;
			field.blur();
			(cameFrom ?? page.steps.get(page.counted.find((c) => !session.state.has(c)) ?? page.order[0]!))?.box.focus();
			cameFrom = undefined;
		},
	};
	// Single-key shortcuts: their code comes with the first key pressed; keys pressed until it is
	// there are handled when it comes, in order.
	let early: KeyboardEvent[] | undefined;
	const firstKey = (event: KeyboardEvent) => {
		if (early) return void early.push(event);
		early = [event];
		void import('./keyboard.ts').then((m) => {
			removeEventListener('keydown', firstKey);
			m.bindKeys(keys);
			for (const key of early!) m.onKey(key, keys);
		});
	};
	addEventListener('keydown', firstKey);

	// ---- start -------------------------------------------------------------------------------------

	// Beside Starlight's "Skip to content": the first open step is otherwise some fifty Tab
	// presses away, past the header, the sidebar and the run bar.
	const skip = $<HTMLAnchorElement>('[data-skip-link]');
	skip.addEventListener('click', (event) => {
		event.preventDefault();
		nextOpen();
	});
	const toFirstOpen = () => {
		skip.href = `#${page.counted.find((c) => !session.state.has(c)) ?? page.order[0] ?? ''}`;
	};
	session.subscribe(toFirstOpen);
	(document.querySelector('.sl-skip-link') ?? document.body.firstElementChild)?.after(skip);
	skip.hidden = false;

	root.classList.add('rs-js');
	bar.hidden = false;
	timelineBox.hidden = false;
	timelineBox.addEventListener('toggle', () => timelineBox.open && renderTimeline());
	if (!session.store.persistent) warn('memory');
	// A live run's sync comes with the run menu's code.
	session.subscribe(() => session.run.live && menu());
	reload();
	// The values panel opens on a wide screen while a value the page needs is missing; on a phone
	// it stays folded, its summary saying how many are missing, and the first step comes first.
	const missing = [...(panel?.querySelectorAll<HTMLInputElement>('[data-var-input]:not([data-shell])') ?? [])].some(
		(input) => input.dataset.default === undefined && !session.shown.values?.[input.dataset.varInput!],
	);
	if (panel && missing && matchMedia(WIDE).matches) panel.open = true;
	// Opening the list reads every run first, so it always shows them all.
	select.addEventListener('focus', () => {
		if (session.runs) return;
		session.all(tell);
		renderRunList();
	});

	// `?run=INC-2291`: that run, opened or offered to be started; `?live=…`: a live run joined
	// (with the run menu's code, which also follows a live run: it loads for one).
	if (location.search) void menu().then((m) => m.openWanted(session, ui, tell));
	openShare();
}
