/**
 * The page's messages, as toasts stacked at the foot of the screen: they cover a little of the
 * page for a few seconds and never push the steps or grow the run bar (on a phone the run bar is
 * most of what stays on screen). Two messages raised together are both shown, each with its own
 * time, the newest at the bottom: a later one never replaces one not yet read. A message with an
 * Undo stays longer; a warning that the run cannot be kept stays until closed. Pointing at them
 * or focusing one holds them all.
 *
 * The stack is a polite live region that is on the page from the start (RunBar.astro), and each
 * message is added to it as an element of its own: a screen reader reads every message, not only
 * the last one.
 */
export interface SayOptions {
	/** Offers an Undo button (and the `u` key) while the message shows. */
	undo?: (() => void) | undefined;
	/** Stays until closed: a problem the reader must not miss. */
	sticky?: boolean | undefined;
}

export interface Toast {
	/** Shows a message; an empty one withdraws the Undo offers (the run has changed since). */
	say(text: string, options?: SayOptions): void;
	/** A warning that stays until closed. */
	warn(kind: Warning): void;
	/** Runs the newest Undo still offered; false when there was none. */
	undo(): boolean;
}

/** The warnings that stay until closed: what is not kept must not be missed. */
export const WARNINGS = {
	memory: 'Progress cannot be saved in this browser (storage is off or blocked): ticks last until you leave this page.',
	quota: 'Not saved: this browser’s storage is full. Ticks stay on screen until you leave; export the run or delete old runs.',
	refused: 'Not saved: this browser refused to store the run. Ticks stay on screen until you leave; export the run or delete old runs.',
};
export type Warning = keyof typeof WARNINGS;

/** How long a message shows: long enough to read twice at 3 a.m., short enough not to linger. */
export const TOAST_MS = 6000;
export const TOAST_UNDO_MS = 10000;

interface Message {
	el: HTMLElement;
	text: string;
	undo: (() => void) | undefined;
	undoButton: HTMLButtonElement | undefined;
	sticky: boolean;
	timer?: ReturnType<typeof setTimeout>;
	/** Where the reader was when the message came (the box just ticked): Undo and Close return there. */
	from: HTMLElement | null;
}

const button = (text: string, onClick: () => void, label?: string) => {
	const b = Object.assign(document.createElement('button'), { type: 'button', className: 'rs-button', textContent: text });
	if (label) b.setAttribute('aria-label', label);
	b.addEventListener('click', onClick);
	return b;
};

export function createToast(stack: HTMLElement): Toast {
	const shown: Message[] = [];
	let held = false;

	const remove = (m: Message) => {
		const at = shown.indexOf(m);
		if (at < 0) return;
		shown.splice(at, 1);
		clearTimeout(m.timer);
		// Its buttons are going: focus goes back where the reader was, not to the page's top.
		if (m.el.contains(document.activeElement)) m.from?.focus({ preventScroll: true });
		// Out of the way of screen readers and clicks at once; out of the page after the fade.
		m.el.inert = true;
		m.el.setAttribute('aria-hidden', 'true');
		m.el.classList.add('rs-toast-out');
		setTimeout(() => m.el.remove(), 250);
	};
	const schedule = (m: Message, ms: number) => {
		clearTimeout(m.timer);
		if (!m.sticky && !held) m.timer = setTimeout(() => remove(m), ms);
	};
	const hold = (on: boolean) => {
		held = on;
		for (const m of shown) {
			if (on) clearTimeout(m.timer);
			else schedule(m, 2500);
		}
	};
	const withdraw = (m: Message) => {
		m.undo = undefined;
		m.undoButton?.remove();
	};
	const runUndo = (m: Message) => {
		const fn = m.undo;
		if (!fn) return false;
		remove(m);
		fn();
		return true;
	};
	// The stack is held while the pointer is on a message (the gaps between them let clicks through).
	stack.addEventListener('pointerover', () => hold(true));
	stack.addEventListener('pointerout', (event) => hold(stack.contains(event.relatedTarget as Node | null)));
	stack.addEventListener('focusin', () => hold(true));
	stack.addEventListener('focusout', (event) => hold(stack.contains(event.relatedTarget as Node | null)));

	const toast: Toast = {
		say(text, options = {}) {
			// An empty message withdraws what could be undone: the run has changed since.
			if (!text) return shown.forEach(withdraw);
			const { undo, sticky = false } = options;
			// Only the newest change can be taken back: an older Undo would bring back what came after.
			if (undo) shown.forEach(withdraw);
			// The same message again (a warning at every tick) is not stacked twice: it comes again, newest.
			const same = shown.find((m) => m.text === text);
			const focused = shown.find((m) => m.el.contains(document.activeElement));
			const from = focused ? focused.from : (document.activeElement as HTMLElement | null);
			if (same) {
				shown.splice(shown.indexOf(same), 1);
				clearTimeout(same.timer);
				same.el.remove();
			}
			const el = Object.assign(document.createElement('div'), { className: 'rs-toast' });
			const m: Message = { el, text, undo, undoButton: undefined, sticky, from };
			el.append(Object.assign(document.createElement('p'), { textContent: text }));
			if (undo) el.append((m.undoButton = button('Undo', () => runUndo(m))));
			if (sticky) el.append(button('×', () => remove(m), 'Close message'));
			shown.push(m);
			stack.append(el);
			schedule(m, undo ? TOAST_UNDO_MS : TOAST_MS);
		},
		warn: (kind) => toast.say(WARNINGS[kind], { sticky: true }),
		undo() {
			const m = shown.findLast((s) => s.undo);
			return m ? runUndo(m) : false;
		},
	};
	return toast;
}
