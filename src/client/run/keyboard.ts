/**
 * Keyboard use for a runbook page (listed to the reader from src/model/progress/shortcuts.ts). Single keys, never while typing in a field or with a
 * modifier held, so browser and screen-reader shortcuts keep working.
 */
export interface KeyHandlers {
	move(by: 1 | -1): void;
	tick(): void;
	na(): void;
	next(): void;
	help(): void;
}

function typing(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}

export function bindKeys(handlers: KeyHandlers): void {
	addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
		if (document.querySelector('dialog[open]')) return;
		const action = {
			j: () => handlers.move(1),
			k: () => handlers.move(-1),
			x: handlers.tick,
			a: handlers.na,
			n: handlers.next,
			'?': handlers.help,
		}[event.key];
		if (!action) return;
		event.preventDefault();
		action();
	});
}
