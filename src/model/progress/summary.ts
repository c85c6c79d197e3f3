import type { StepState } from './run.ts';

/** Counted steps of a part of a runbook (a section, or the whole) and how far they are. */
export interface Tally {
	done: number;
	na: number;
	total: number;
}

export function tally(stepIds: readonly string[], state: ReadonlyMap<string, StepState>): Tally {
	let done = 0;
	let na = 0;
	for (const id of stepIds) {
		const s = state.get(id)?.status;
		if (s === 'done') done++;
		else if (s === 'na') na++;
	}
	return { done, na, total: stepIds.length };
}

/**
 * The one way a count is written: in the run bar, the run list, a section's badge, a shared
 * snapshot and the exports, so that no two places seem to disagree ("8/113 done · 1 N/A").
 */
export function countText(t: Tally): string {
	return `${t.done}/${t.total} done${t.na ? ` · ${t.na} N/A` : ''}`;
}

/** Finished means nothing left open: every step done or N/A. */
export function isFinished(t: Tally): boolean {
	return t.total > 0 && t.done + t.na === t.total;
}

/** "all", "some" or "none": what a parent step shows of its sub-steps. */
export function mixedState(t: Tally): 'all' | 'some' | 'none' {
	if (isFinished(t)) return 'all';
	return t.done + t.na > 0 ? 'some' : 'none';
}

/** "2 minutes ago" style, for the run list. */
export function ago(then: number, now: number): string {
	const s = Math.round((now - then) / 1000);
	if (s < 45) return 'just now';
	const m = Math.round(s / 60);
	if (m < 60) return `${m} min ago`;
	const h = Math.round(m / 60);
	if (h < 24) return `${h} h ago`;
	return `${Math.round(h / 24)} d ago`;
}
