import type { ProgressEvent } from '../../model/progress/run.ts';
import { countText, tally } from '../../model/progress/summary.ts';
import type { RunSession } from './session.ts';
import type { SaveResult } from './storage.ts';

/**
 * What a reader does to the steps of a run: tick, N/A (na.ts, loaded with the questions N/A asks), undo, and which step is the next open one.
 * Functions over the run session alone (a step comes as its id, text and sub-steps, a question
 * as `ask`), which record through the session and return what they did: the page says it
 * (page-events.ts) and the views draw it (they follow the session). Unit-tested without a page.
 */

/** A change asked of the run: the session adds the time and the operator's initials. */
export type Change = Omit<ProgressEvent, 't' | 'by'>;

/** A step as the commands see it: a group's box acts on its counted sub-steps (`leaves`). */
export interface Target {
	readonly id: string;
	readonly text: string;
	readonly leaves: readonly string[];
}

/** What a command did. */
export interface Outcome {
	saved: SaveResult;
	/** For a screen reader: what was done, and how far the run is. */
	announce: string;
	/** A change of several steps at once can be taken back: what to say, and the changes that undo it. */
	undoable?: { message: string; back: Change[] } | undefined;
}

export const targets = (step: Target) => (step.leaves.length ? step.leaves : [step.id]);
export const statusOf = (session: RunSession, id: string) => session.state.get(id)?.status;

/** What puts these steps back as they are now: for an Undo. */
export function restoring(session: RunSession, ids: readonly string[]): Change[] {
	return ids.map((step) => {
		const s = session.state.get(step);
		if (!s) return { step, action: 'clear' };
		return s.status === 'done' ? { step, action: 'tick' } : { step, action: 'na', ...(s.reason ? { reason: s.reason } : {}) };
	});
}

/**
 * Records the changes in the current run; nothing while a shared run is on view or when nothing
 * changes. `counted` are the page's counted steps: the count said afterwards is theirs.
 */
export function apply(
	session: RunSession,
	counted: readonly string[],
	changes: Change[],
	message: string,
	undoable = true,
): Outcome | undefined {
	if (session.snapshot || !changes.length) return undefined;
	// A tick that changes several steps at once (a group's box) can be taken back.
	const back =
		undoable && changes.length > 1
			? restoring(
					session,
					changes.map((c) => c.step),
				)
			: undefined;
	const saved = session.record(changes);
	return {
		saved,
		announce: `${message} ${countText(tally(counted, session.state))}.`,
		undoable: back && { message: `${message.replace(/\.$/, '')}: ${changes.length} steps changed.`, back },
	};
}

/** A step's box: ticks it (a group: its sub-steps not yet done), or unticks it when all are done. */
export function toggleTick(session: RunSession, counted: readonly string[], step: Target): Outcome | undefined {
	const ids = targets(step);
	const allDone = ids.every((id) => statusOf(session, id) === 'done');
	return apply(
		session,
		counted,
		ids.filter((id) => (statusOf(session, id) === 'done') === allDone).map((id) => ({ step: id, action: allDone ? 'untick' : 'tick' })),
		allDone ? `Unticked: ${step.text}.` : `Done: ${step.text}.`,
	);
}

/** Takes back what an Undo offered (itself not undoable). */
export function undo(session: RunSession, counted: readonly string[], back: Change[]): Outcome | undefined {
	return apply(session, counted, back, 'Undone.', false);
}

/** The first counted step neither done nor N/A, in page order. */
export function nextOpen(session: RunSession, counted: readonly string[]): string | undefined {
	return counted.find((id) => !session.state.has(id));
}
