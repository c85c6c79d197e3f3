import type { PageSteps } from './dom-steps.ts';

/**
 * What the run menu's actions (run-actions.ts) and a live run (live.ts) need of the page beside
 * its run session: a module of its own, so that neither has to import the other for it.
 */
export interface PageUi {
	root: HTMLElement;
	page: PageSteps;
	say(text: string, undo?: () => void): void;
	announce(text: string): void;
	/** Opens a run and says so. */
	open(id: string): void;
}
