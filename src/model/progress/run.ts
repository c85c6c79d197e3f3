/**
 * The run model: a run is an append-only log of events (tick, untick, N/A, clear) keyed on step
 * ids. What is done is derived from the log, so the log is also the audit trail, and rewording,
 * moving, adding or removing steps in the runbook never disturbs another step's state.
 */

import type { ProgressEvent, RecordEntry } from '../../schema/progress.ts';

// The entries of a run's log are the format's (src/schema/progress.ts, their zod schemas); types only,
// so the page's code never carries zod.
export type { Action, ProgressEvent, RecordEntry } from '../../schema/progress.ts';

export interface Run {
	id: string;
	name: string;
	created: number;
	updated: number;
	events: ProgressEvent[];
	/** The run's variable values by name (never secret ones: those are not kept). */
	values?: Record<string, string>;
	/** The record fields as filled in, oldest first: the last entry of a field is its value. */
	record?: RecordEntry[];
	/** Times of this run are shown in UTC rather than where the reader is. */
	utc?: boolean;
	/** The room of a live run (synced with others through the site's sync server). */
	live?: string;
}

export type StepStatus = 'done' | 'na';

export interface StepState {
	status: StepStatus;
	t: number;
	by?: string;
	reason?: string;
}

export const DEFAULT_RUN_ID = 'default';
export const DEFAULT_RUN_NAME = 'Default run';

export function newRun(id: string, name: string, now: number): Run {
	return { id, name, created: now, updated: now, events: [] };
}

/** The state of every step that is done or N/A, from the log. */
export function deriveState(events: readonly ProgressEvent[]): Map<string, StepState> {
	const state = new Map<string, StepState>();
	for (const e of events) {
		if (e.action === 'tick') state.set(e.step, { status: 'done', t: e.t, ...(e.by ? { by: e.by } : {}) });
		else if (e.action === 'na')
			state.set(e.step, { status: 'na', t: e.t, ...(e.by ? { by: e.by } : {}), ...(e.reason ? { reason: e.reason } : {}) });
		else state.delete(e.step);
	}
	return state;
}

/** Appends events (a parent tick is several) and bumps the run's last activity. */
export function record(run: Run, events: ProgressEvent[]): Run {
	if (!events.length) return run;
	return { ...run, events: [...run.events, ...events], updated: Math.max(run.updated, ...events.map((e) => e.t)) };
}
