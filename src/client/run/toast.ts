/**
 * The page's messages, as a toast at the foot of the screen: it covers a little of the page for a
 * few seconds and never pushes the steps or grows the run bar (on a phone the run bar is most of
 * what stays on screen). A message with an Undo stays longer; a warning that the run cannot be
 * kept stays until closed. Pointing at it or focusing it holds it.
 */
export interface SayOptions {
	/** Offers an Undo button (and the `u` key) while the message shows. */
	undo?: (() => void) | undefined;
	/** Stays until closed: a problem the reader must not miss. */
	sticky?: boolean | undefined;
}

export interface Toast {
	say(text: string, options?: SayOptions): void;
	/** Runs the offered undo, if any is still offered; false when there was none. */
	undo(): boolean;
	readonly text: string;
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

export function createToast(el: HTMLElement): Toast {
	const textEl = el.querySelector<HTMLElement>('[data-toast-text]')!;
	const undoButton = el.querySelector<HTMLButtonElement>('[data-toast-undo]')!;
	const closeButton = el.querySelector<HTMLButtonElement>('[data-toast-close]')!;
	let undo: (() => void) | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let sticky = false;
	let held = false;
	// Where the reader was when the message came (the box just ticked): Undo returns there.
	let from: HTMLElement | null = null;

	const hide = () => {
		clearTimeout(timer);
		undo = undefined;
		el.classList.add('rs-toast-out');
		// The fade, then out of the way of screen readers and clicks.
		timer = setTimeout(() => {
			el.hidden = true;
			textEl.textContent = '';
		}, 250);
	};
	const schedule = (ms: number) => {
		clearTimeout(timer);
		if (!sticky && !held) timer = setTimeout(hide, ms);
	};
	const hold = (on: boolean) => {
		held = on;
		if (!on && !el.hidden) schedule(2500);
		else clearTimeout(timer);
	};
	el.addEventListener('pointerenter', () => hold(true));
	el.addEventListener('pointerleave', () => hold(el.contains(document.activeElement)));
	el.addEventListener('focusin', () => hold(true));
	el.addEventListener('focusout', (event) => hold(el.contains(event.relatedTarget as Node | null)));
	closeButton.addEventListener('click', hide);
	undoButton.addEventListener('click', () => void toast.undo());

	const toast: Toast = {
		say(text, options = {}) {
			// An empty message clears what shows, but not a warning: that waits to be closed.
			if (!text) return void (sticky || el.hidden || hide());
			clearTimeout(timer);
			undo = options.undo;
			if (!el.contains(document.activeElement)) from = document.activeElement as HTMLElement | null;
			sticky = Boolean(options.sticky);
			textEl.textContent = text;
			undoButton.hidden = !undo;
			closeButton.hidden = !sticky;
			el.classList.remove('rs-toast-out');
			el.hidden = false;
			schedule(undo ? TOAST_UNDO_MS : TOAST_MS);
		},
		undo() {
			const fn = undo;
			if (!fn) return false;
			const hadFocus = el.contains(document.activeElement);
			hide();
			fn();
			// The button is going: focus goes back where the reader was, not to the page's top.
			if (hadFocus) from?.focus({ preventScroll: true });
			return true;
		},
		get text() {
			return el.hidden ? '' : (textEl.textContent ?? '');
		},
	};
	return toast;
}
