import { cleanValue } from '../../model/variable-value.ts';
import { nextOpen, toggleTick, undo, type Outcome } from './commands.ts';
import { stepIdOf } from './dom-steps.ts';
import { keysOnFirstPress, menuLoader } from './loaders.ts';
import type { Messages } from './messages.ts';
import type { PageUi } from './page-ui.ts';
import type { RunSession } from './session.ts';
import type { StepActions } from './step-keys.ts';

/**
 * The run page's controls, wired to the commands (commands.ts) and to the code that loads when
 * first wanted (loaders.ts): the boxes, the step rows, the N/A and fold buttons, the run bar's
 * actions, the values panel's fields, the keys, the skip link; and another tab's saves.
 */
export interface RunPage extends PageUi {
	session: RunSession;
	messages: Messages;
	/** The values panel's code, loaded on first use. */
	values(): Promise<import('../variables/values-panel.ts').ValuesView>;
	select: HTMLSelectElement;
	panel: HTMLDetailsElement | null;
}

/** Wires the controls; returns the run menu's code, loaded as the hand reaches for the menu. */
export function wireEvents(p: RunPage): ReturnType<typeof menuLoader> {
	const { root, page, session } = p;
	const doing = stepActions(p);
	const menu = menuLoader(session, p);
	wireClicks(p, doing, menu);
	tapRows(root);
	keysOnFirstPress(root, page, session, doing);
	// Beside Starlight's "Skip to content": the first open step is otherwise some fifty Tab
	// presses away, past the header, the sidebar and the run bar.
	const skip = root.querySelector<HTMLAnchorElement>('[data-skip-link]')!;
	skip.addEventListener('click', (event) => {
		event.preventDefault();
		doing.next();
	});
	session.subscribe(() => {
		skip.href = `#${nextOpen(session, page.counted) ?? page.order[0] ?? ''}`;
	});
	(document.querySelector('.sl-skip-link') ?? document.body.firstElementChild)?.after(skip);
	skip.hidden = false;
	return menu;
}

/** The page's questions (the initials, why a step does not apply), asked in its own dialog, and N/A with them. */
const questions = () => import('./questions.ts');

/** The commands on a step of the page, and what they did shown: a warning when it was not saved,
 * an Undo for a change of several steps, the new count for screen readers. */
function stepActions({ session, page, messages }: RunPage): StepActions {
	const { counted } = page;
	const show = (done: Outcome | undefined): void => {
		if (!done) return;
		const ok = messages.saved(done.saved);
		const { undoable } = done;
		if (ok && undoable) messages.say(undoable.message, () => show(undo(session, counted, undoable.back)));
		else if (ok) messages.say('');
		messages.announce(done.announce);
	};
	return {
		tick: (node) => {
			show(toggleTick(session, counted, node));
			// A browser without initials may be asked for them (questions.ts), after the tick is kept.
			if (!session.operator()) void questions().then((m) => m.afterTick(session, messages, node));
		},
		na: (node) => void questions().then((m) => m.markNa(session, counted, node, show)),
		// The next open step, unfolded, in view, focused and highlighted.
		next: () => {
			const id = nextOpen(session, counted);
			if (!id) return messages.announce('Every step is done or not applicable.');
			const node = page.steps.get(id)!;
			for (let el: HTMLElement | null = node.el; el; el = el.parentElement?.closest('section.rs-folded') ?? null)
				el.classList.remove('rs-folded');
			node.el.scrollIntoView({ block: 'center' });
			node.box.focus({ preventScroll: true });
			// The highlight's code comes when first wanted, with the arrival's (page/arrival.ts).
			void import('../page/arrival.ts').then((m) => m.markArrived(node.el));
		},
		undo: messages.undo,
	};
}

/** The boxes, the N/A and fold buttons, the run bar's and menu's actions, the values' fields and blanks. */
function wireClicks(p: RunPage, doing: StepActions, menu: ReturnType<typeof menuLoader>): void {
	const { root, page, session, messages, select, panel, values } = p;
	// Fetched as the hand reaches for the menu, so that on a slow network the action still runs
	// within the click that chose it.
	for (const type of ['pointerenter', 'focusin', 'toggle'])
		root.querySelector('.rs-menu')!.addEventListener(type, () => void menu.load(), { once: true });

	root.addEventListener('change', (event) => {
		if (event.target === select) return p.open(select.value);
		const target = event.target as HTMLInputElement;
		const node = target.matches('.rs-check') ? page.steps.get(stepIdOf(target)!) : undefined;
		if (node) doing.tick(node);
	});

	root.addEventListener('click', (event) => {
		// A command's copy button: say what in it still needs a value.
		const copied = (event.target as HTMLElement).closest<HTMLElement>('[data-rs-template]');
		if (copied) void values().then((v) => v.copied(copied));
		// A value still to give, where a step or command needs it: a field right there (in-place.ts),
		// standing for the panel's. Enter or Esc there comes back to this step.
		const blank = (event.target as HTMLElement).closest<HTMLElement>('.rs-var:not([data-state="ok"])');
		const field = blank && panel?.querySelector<HTMLInputElement>(`[data-var-input="${blank.dataset.var}"]`);
		if (field) {
			const back = page.steps.get(stepIdOf(blank) ?? '')?.box;
			void values().then((v) => v.inPlace(blank, field, back));
		}
		const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], .rs-na');
		if (!target) return;
		const action = target.dataset.action;
		// N/A names its step by where it is, as the box does.
		if (!action) {
			const node = page.steps.get(stepIdOf(target)!);
			if (node) doing.na(node);
			return;
		}
		if (action === 'fold') {
			const section = target.closest('section')!;
			const folded = section.classList.toggle('rs-folded');
			target.setAttribute('aria-expanded', String(!folded));
			target.textContent = folded ? 'Unfold' : 'Fold';
			return;
		}
		target.closest('details')?.removeAttribute('open');
		// Every other action is the run menu's (run-actions.ts).
		if (action === 'next') doing.next();
		else void menu.act(action);
	});

	// A value typed is saved at once, not when the panel's code has loaded: a value typed just
	// before leaving the page is kept. Secret values are never saved.
	if (!panel) return;
	panel.querySelector('fieldset')!.disabled = false;
	panel.addEventListener('input', (event) => {
		const input = event.target as HTMLInputElement;
		const { run } = session;
		if (!session.snapshot && !('secret' in input.dataset)) {
			const given = { ...run.values };
			const value = cleanValue(input.value);
			if (value) given[input.dataset.varInput!] = value;
			else delete given[input.dataset.varInput!];
			messages.saved(session.keep({ ...run, values: given, updated: session.now() }));
		}
		void values().then((v) => v.input(input));
	});
}

/** The whole row of a step is its touch target: a tap on its text or beside it ticks the box,
 * as a label would (the text cannot be a <label>: Pagefind leaves labels out of the index). */
function tapRows(root: HTMLElement): void {
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
}
