import type { SaveResult } from './storage.ts';
import type { Toast, Warning } from './toast.ts';

/**
 * What the run page says: messages on the toast, warnings that stay until closed, and a line for
 * screen readers alone after each command. The toast's code, and the words of its warnings, come
 * with the first message: most visits tick boxes and say nothing.
 */
export interface Messages {
	/** A message, with an Undo when `undo` is given; '' withdraws the Undo offers (the run changed). */
	say(text: string, undo?: () => void): void;
	warn(kind: Warning): void;
	/** Problems reading saved runs: they stay until closed. */
	tell(problems: string[]): void;
	/** Said to screen readers only (the page shows the change itself). */
	announce(text: string): void;
	/** Whether a save went through; warns when it did not. */
	saved(result: SaveResult): boolean;
	/** The `u` key: the newest Undo offered, if any. */
	undo(): void;
}

export function pageMessages(stack: HTMLElement, announcer: HTMLElement): Messages {
	let toast: Toast | undefined;
	let loading: Promise<Toast> | undefined;
	const withToast = (fn: (t: Toast) => void) =>
		void (loading ??= import('./toast.ts').then((m) => (toast = m.createToast(stack)))).then(fn);
	const warn = (kind: Warning) => withToast((t) => t.warn(kind));
	return {
		// Nothing to withdraw before the first message: the toast is not fetched for that.
		say: (text, undo) => void ((text || loading) && withToast((t) => t.say(text, { undo }))),
		warn,
		tell: (problems) => void (problems.length && withToast((t) => t.say(problems.join(' '), { sticky: true }))),
		announce: (text) => {
			announcer.textContent = text;
		},
		saved: (result) => result === 'ok' || (warn(result === 'quota' ? 'quota' : 'refused'), false),
		undo: () => void toast?.undo(),
	};
}
