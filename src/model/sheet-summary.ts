import type { StepState } from './progress/run.ts';

/**
 * What a filled sign-off sheet says of its run as a whole: each group row's box from its
 * sub-steps, and the summary line on the first page (done, N/A, open, by whom, when printed).
 */

interface StepTree {
	id: string;
	steps?: readonly StepTree[] | undefined;
}

/**
 * The steps a run counts in a list, as the runbook page counts them (client/run/dom-steps.ts):
 * those without sub-steps, at any depth; a group counts through its sub-steps, and the steps of a
 * "do one of" option are not counted (the step that holds the options is).
 */
export function countedSteps(steps: readonly StepTree[] | undefined): string[] {
	return (steps ?? []).flatMap((step) => (step.steps?.length ? countedSteps(step.steps) : [step.id]));
}

/** What a row prints in its box, initials and time columns. */
export interface RowMark {
	status: 'done' | 'na';
	/** When the last of its steps was ticked. */
	t: number;
	/** Everyone who ticked them, in order of first tick. */
	by: string[];
}

/**
 * A group row's mark from its counted sub-steps: done when every one is done or N/A and at least
 * one is done; N/A when every one is N/A (nothing was done, so the group was not); no mark while
 * any is open. The run page shows a group checked in both cases (client/run/step-views.ts); paper
 * keeps the difference, as it does for a single step.
 */
export function groupMark(leaves: readonly string[], state: ReadonlyMap<string, StepState>): RowMark | undefined {
	const states = leaves.map((id) => state.get(id));
	if (!states.length || states.some((s) => !s)) return undefined;
	const marks = states as StepState[];
	const sorted = [...marks].sort((a, b) => a.t - b.t);
	return {
		status: marks.some((s) => s.status === 'done') ? 'done' : 'na',
		t: sorted.at(-1)!.t,
		by: [...new Set(sorted.flatMap((s) => (s.by ? [s.by] : [])))],
	};
}

export interface SheetSummary {
	done: number;
	na: number;
	open: number;
	/** Initials with how many steps each ticked (done or N/A), most first. */
	by: { initials: string; steps: number }[];
	/** Steps ticked by a browser that had no initials. */
	anonymous: number;
}

/** The counts of the summary line over the counted steps printed. */
export function sheetSummary(counted: readonly string[], state: ReadonlyMap<string, StepState>): SheetSummary {
	const summary: SheetSummary = { done: 0, na: 0, open: 0, by: [], anonymous: 0 };
	const by = new Map<string, number>();
	for (const id of counted) {
		const s = state.get(id);
		if (!s) {
			summary.open++;
			continue;
		}
		if (s.status === 'done') summary.done++;
		else summary.na++;
		if (s.by) by.set(s.by, (by.get(s.by) ?? 0) + 1);
		else summary.anonymous++;
	}
	// Most steps first; equal counts in the order their initials first appear on the sheet.
	summary.by = [...by].map(([initials, steps]) => ({ initials, steps })).sort((a, b) => b.steps - a.steps);
	return summary;
}

/** "12 done · 1 N/A · 30 open, of 43 steps · ticked by JD (12), AB (1)": the first half of the summary line. */
export function summaryText(s: SheetSummary): string {
	const total = s.done + s.na + s.open;
	const who = [...s.by.map((b) => `${b.initials} (${b.steps})`), ...(s.anonymous ? [`no initials (${s.anonymous})`] : [])];
	return `${s.done} done · ${s.na} N/A · ${s.open} open, of ${total} step${total === 1 ? '' : 's'}${who.length ? ` · ticked by ${who.join(', ')}` : ''}`;
}
