import type { PageSteps } from './dom-steps.ts';
import type { PageUi } from './page-ui.ts';
import type { RunSession } from './session.ts';
import type { StepActions } from './step-keys.ts';

/**
 * The run page's code that a visit may never need, each fetched once, when first wanted: the
 * values panel when a value is in use, the run menu's actions as the hand reaches for the menu,
 * the keys with the first key pressed, the timeline when it is opened (the toast comes with the
 * first message: messages.ts). Only these lines come with the page, which stays within its 8 KB
 * (tests/e2e/progress-budgets.spec.ts).
 */

/** The values panel, which follows the session once loaded. */
export function valuesLoader(root: HTMLElement, session: RunSession, say: (text: string) => void) {
	let values: Promise<import('../variables/values-panel.ts').ValuesView> | undefined;
	return () => (values ??= import('../variables/values-panel.ts').then((m) => m.startValues(root, session, say)));
}

/**
 * The run menu's actions, set up (the menu's behaviour, following live runs) when they first come.
 * `act` runs an action within the click that chose it once they are there (a prompt, the
 * clipboard): they are fetched as the hand reaches for the menu.
 */
export function menuLoader(session: RunSession, ui: PageUi) {
	let menu: typeof import('./run-actions.ts') | undefined;
	const load = () =>
		import('./run-actions.ts').then((m) => {
			if (!menu) m.setUp(session, ui);
			return (menu = m);
		});
	return {
		load,
		act: (name: string) => (menu ? menu.runAction(name, session, ui) : load().then((m) => m.runAction(name, session, ui))),
	};
}

/** The single keys: their code comes with the first key pressed; keys pressed until it is there
 * are handled when it comes, in order. */
export function keysOnFirstPress(root: HTMLElement, page: PageSteps, session: RunSession, doing: StepActions): void {
	let early: KeyboardEvent[] | undefined;
	const firstKey = (event: KeyboardEvent) => {
		if (early) return void early.push(event);
		early = [event];
		void import('./step-keys.ts').then((m) => {
			removeEventListener('keydown', firstKey);
			m.startKeys(root, page, session, doing, early!);
		});
	};
	addEventListener('keydown', firstKey);
}

/** The run's timeline, drawn by a module loaded when it is first opened. */
export function drawTimeline(list: HTMLOListElement, session: RunSession, page: PageSteps): void {
	void import('./timeline.ts').then((m) => m.renderTimeline(list, session.shown, (id) => page.steps.get(id)?.text));
}
