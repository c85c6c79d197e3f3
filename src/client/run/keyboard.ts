/**
 * Keyboard use for a runbook page (listed to the reader from src/model/progress/shortcuts.ts). Single keys, never while typing in a field or with a
 * modifier held, so browser and screen-reader shortcuts keep working.
 */
export interface KeyHandlers {
	move(by: 1 | -1): void;
	tick(): void;
	na(): void;
	next(): void;
	undo(): void;
	help(): void;
	/** Esc in a field of the page: back to the steps, so single keys work again. */
	leaveField(field: HTMLElement): void;
}

function typing(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}

export function bindKeys(handlers: KeyHandlers): void {
	addEventListener('keydown', (event) => onKey(event, handlers));
}

/** One key press: also the first ones, which loaded this module (loaders.ts) and are handled late. */
export function onKey(event: KeyboardEvent, handlers: KeyHandlers): void {
	if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
	if (document.querySelector('dialog[open]')) return;
	if (typing(event.target)) {
		// A select's own Esc closes its list; only a text field is left with Esc.
		if (event.key === 'Escape' && !(event.target instanceof HTMLSelectElement)) handlers.leaveField(event.target as HTMLElement);
		return;
	}
	const action = {
		j: () => handlers.move(1),
		k: () => handlers.move(-1),
		x: handlers.tick,
		a: handlers.na,
		n: handlers.next,
		u: handlers.undo,
		'?': handlers.help,
	}[event.key];
	if (!action) return;
	event.preventDefault();
	action();
}
