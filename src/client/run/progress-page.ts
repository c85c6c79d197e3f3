import { readSteps } from './dom-steps.ts';
import { drawTimeline, valuesLoader } from './loaders.ts';
import { pageMessages } from './messages.ts';
import { addStepControls } from './step-controls.ts';
import { wireEvents } from './page-events.ts';
import { drawProgress } from './run-bar.ts';
import { drawRunList } from './run-list.ts';
import { asides, runPrefix } from './run-store.ts';
import { RunSession } from './session.ts';
import { drawSteps } from './step-views.ts';
import { openStore } from './storage.ts';

/**
 * Starts a runbook page's run: its session (session.ts), the views that draw what the session
 * holds whenever it changes (step-views.ts, run-bar.ts, run-list.ts, the timeline and the values
 * panel through loaders.ts), and the controls that call its commands (page-events.ts,
 * commands.ts). Returns the session, for the code that comes later (the monitoring clock).
 */
/** Wider than a phone: Starlight's own breakpoint for its sidebar. */
const WIDE = '(min-width: 50rem)';

export function startProgress(root: HTMLElement): RunSession {
	const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
	const page = readSteps(root);
	const session = new RunSession(root.dataset.runbook!, openStore());
	const messages = pageMessages($('[data-status]'), $('[data-announce]'));
	const { say, announce, tell } = messages;
	const open = (id: string) => {
		session.switchTo(id);
		announce(`Run “${session.run.name}” opened.`);
	};
	const select = $<HTMLSelectElement>('[data-run-select]');
	const progress = $<HTMLProgressElement>('[data-progress]');
	const progressText = $('[data-progress-text]');
	const panel = root.querySelector<HTMLDetailsElement>('[data-vars]');
	const timelineBox = $<HTMLDetailsElement>('[data-timeline]');
	const timeline = () => drawTimeline($('[data-timeline-list]'), session, page);
	const values = valuesLoader(root, session, say);
	const ui = { root, page, say, announce, open, session, messages, values, select, panel };

	session.subscribe(() => {
		drawSteps(page, session);
		drawProgress(progress, progressText, page, session);
		drawRunList(select, page, session);
		// The timeline is built when it is open: restoring a long run should not wait for it.
		if (timelineBox.open) timeline();
		// As built, a page shows every {{NAME}} unset, which is right until a value is in use: the
		// code that fills values loads when the run has some, a variable has a default, or the
		// panel or a command's copy button is used. Once loaded, the panel follows the session.
		if (panel && (session.shown.values || 'defaults' in panel.dataset)) void values();
	});
	const menu = wireEvents(ui);

	/** Shows the current run first; the other runs are read when needed or when the page is idle. */
	const reload = (wanted?: string) => {
		const start = performance.now();
		const problem = session.load(wanted);
		performance.measure('runsheet-restore', { start });
		if (problem) say(problem);
		setTimeout(() => {
			session.all(tell);
			drawRunList(select, page, session);
			// Saved runs kept aside as unreadable: what of them is valid comes back (run-actions.ts).
			if (asides.length) void menu.load().then((m) => m.recover(session, ui));
		});
	};
	// Another tab saved this runbook's runs: show the same thing here. So too when the page comes
	// back from the browser's back-forward cache, which no storage event reaches: its run may have
	// been saved meanwhile (on the runbook's rollback page), and a tick here would save the run as
	// this page last had it, dropping those ticks.
	addEventListener('storage', (event) => {
		// No key: the storage was cleared.
		if (!event.key || event.key.startsWith(runPrefix(session.runbook))) reload(session.run.id);
	});
	addEventListener('pageshow', (event) => event.persisted && reload(session.run.id));
	const openShare = () => location.hash.startsWith('#share=') && void menu.load().then((m) => m.openShare(session, ui));
	addEventListener('hashchange', openShare);

	addStepControls(page);
	root.classList.add('rs-js');
	$('[data-runbar]').hidden = false;
	timelineBox.hidden = false;
	timelineBox.addEventListener('toggle', () => timelineBox.open && timeline());
	if (!session.store.persistent) messages.warn('memory');
	// A live run's sync comes with the run menu's code.
	session.subscribe(() => session.run.live && menu.load());
	// A box ticked before this script ran (a slow network shows the steps first) is drawn over by
	// the run restored: unless the run has it done (a group's box: all its sub-steps), it is ticked
	// again, by a click, as any tick is: now, or with a link's run (`?run=`) once that is open. The
	// browser restores no box's state (autocomplete="off", render/steps.ts): a box checked here is
	// the reader's.
	const early = root.querySelectorAll<HTMLInputElement>('.rs-check:checked');
	const tickEarly = () => {
		for (const box of early) if (!box.checked) box.click();
	};
	reload();
	if (!location.search) tickEarly();
	// The values panel opens on a wide screen while a value the page needs is missing; on a phone
	// it stays folded, its summary saying how many are missing, and the first step comes first.
	if (
		panel &&
		matchMedia(WIDE).matches &&
		[...panel.querySelectorAll<HTMLInputElement>('[data-var-input]:not([data-shell])')].some(
			(input) => input.dataset.default === undefined && !session.shown.values?.[input.dataset.varInput!],
		)
	)
		panel.open = true;
	// Opening the list reads every run first, so it always shows them all.
	select.addEventListener('focus', () => {
		if (session.runs) return;
		session.all(tell);
		drawRunList(select, page, session);
	});

	// `?run=INC-2291`: that run, opened or offered to be started; `?live=…`: a live run joined
	// (with the run menu's code, which also follows a live run: it loads for one).
	if (location.search) void menu.load().then((m) => m.openWanted(session, ui, tell, tickEarly));
	openShare();
	return session;
}
