import type { EntryRules } from '../../model/progress/check.ts';
import type { PageSteps } from './dom-steps.ts';
import type { Messages } from './messages.ts';

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
	/** The page's messages: `saved` warns when a save did not go through. */
	messages: Messages;
}

/** What a teammate's run is checked against here: now, and this runbook's steps and their former ids. */
export function entryRules(ui: PageUi, now: number): EntryRules {
	const former = JSON.parse(ui.root.querySelector('[data-former-ids]')?.textContent || '{}') as Record<string, string>;
	return { now, steps: new Set([...ui.page.order, ...Object.keys(former)]) };
}
