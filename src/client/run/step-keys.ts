import { markArrived } from '../page/arrival.ts';
import { nextOpen } from './commands.ts';
import { stepIdOf, type PageSteps, type StepNode } from './dom-steps.ts';
import { bindKeys, onKey, type KeyHandlers } from './keyboard.ts';
import type { RunSession } from './session.ts';

/**
 * What each single key does on a runbook page (keyboard.ts reads the keys): j / k move between
 * the steps, x and a tick and mark N/A the step that has focus, n goes to the next open step,
 * u undoes, ? lists them, Esc leaves a value's field for the steps. Loaded with the first key
 * pressed (loaders.ts), with the keys pressed until then.
 */
export interface StepActions {
	tick(node: StepNode): void;
	na(node: StepNode): void;
	next(): void;
	undo(): void;
}

export function startKeys(root: HTMLElement, page: PageSteps, session: RunSession, doing: StepActions, early: KeyboardEvent[]): void {
	const focused = (): StepNode | undefined => {
		const id = stepIdOf(document.activeElement);
		return id ? page.steps.get(id) : undefined;
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
			if (node) doing.tick(node);
		},
		na: () => {
			const node = focused();
			if (node) doing.na(node);
		},
		next: doing.next,
		undo: doing.undo,
		help: () => void import('./shortcuts-dialog.ts').then((m) => m.showShortcuts(root)),
		leaveField: (field) => {
			if (!root.contains(field)) return;
			field.blur();
			page.steps.get(nextOpen(session, page.counted) ?? page.order[0]!)?.box.focus();
		},
	};
	bindKeys(keys);
	for (const key of early) onKey(key, keys);
}
