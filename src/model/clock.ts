/**
 * The clock of monitoring checks: "Hour 4" is due four hours after the deployment, a daily check
 * every day. The deployment time is when the last step before the first timed check was ticked,
 * so a page opened later computes the same state from the stored ticks, with no server.
 */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Within this of its time a check is "due now", neither early nor late. */
export const DUE_WINDOW = 5 * 60_000;
/** A repeat without an end is shown for this many occurrences at most. */
const MAX_REPEATS = 60;

export interface Timing {
	due?: string | undefined;
	every?: string | undefined;
}

/** "1h" -> 3,600,000; undefined for anything else. */
export function durationMs(text: string): number | undefined {
	const match = /^(\d+)(m|h|d|w)$/.exec(text.trim());
	return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/** When a check comes due, in ms after the deployment, in order. */
export function dueOffsets(timing: Timing): number[] {
	if (timing.due) {
		const at = durationMs(timing.due);
		return at === undefined ? [] : [at];
	}
	if (!timing.every) return [];
	const [period, span] = timing.every.split(' for ').map(durationMs);
	if (!period) return [];
	const count = span ? Math.floor(span / period) : MAX_REPEATS;
	return Array.from({ length: Math.min(count, MAX_REPEATS) }, (_, i) => (i + 1) * period);
}

/** "40 min", "2 h", "1 h 30 min", "3 d". */
export function spanText(ms: number): string {
	const minutes = Math.round(Math.abs(ms) / 60_000);
	if (minutes < 60) return `${minutes} min`;
	if (minutes < 48 * 60) {
		const h = Math.floor(minutes / 60);
		const m = minutes % 60;
		return m && h < 10 ? `${h} h ${m} min` : `${Math.round(minutes / 60)} h`;
	}
	return `${Math.round(minutes / 1440)} d`;
}

/** How the schedule reads without a run: "1 h after deployment", "every 4 h for 24 h". */
export function timingText(timing: Timing): string | undefined {
	if (timing.due) {
		const at = durationMs(timing.due);
		return at === undefined ? undefined : `${spanText(at)} after deployment`;
	}
	if (!timing.every) return undefined;
	const [period, span] = timing.every.split(' for ').map(durationMs);
	if (!period) return undefined;
	return `every ${spanText(period)}${span ? ` for ${spanText(span)}` : ''} after deployment`;
}

export type DueState =
	| { kind: 'done' }
	| { kind: 'upcoming'; at: number; in: number }
	| { kind: 'now'; at: number }
	| { kind: 'overdue'; at: number; by: number };

/**
 * Where a check stands at `now`: done, due in a while, due now, or overdue. A single check is
 * done once ticked; a repeating one is measured against its latest occurrence, which a tick
 * from when it came due (or later) answers, and then against its next.
 */
export function dueState(timing: Timing, deployedAt: number, now: number, doneAt?: number): DueState {
	const times = dueOffsets(timing).map((offset) => deployedAt + offset);
	if (!times.length || (timing.due && doneAt !== undefined)) return { kind: 'done' };
	let index = Math.max(
		0,
		times.findLastIndex((t) => t - DUE_WINDOW <= now),
	);
	if (timing.every && doneAt !== undefined && doneAt >= times[index]! - DUE_WINDOW) index++;
	const at = times[index];
	if (at === undefined) return { kind: 'done' };
	if (now < at - DUE_WINDOW) return { kind: 'upcoming', at, in: at - now };
	if (now <= at + DUE_WINDOW) return { kind: 'now', at };
	return { kind: 'overdue', at, by: now - at };
}

/** "due in 40 min", "due now", "overdue by 2 h"; nothing for a check that is done. */
export function dueText(state: DueState): string | undefined {
	if (state.kind === 'upcoming') return `due in ${spanText(state.in)}`;
	if (state.kind === 'now') return 'due now';
	if (state.kind === 'overdue') return `overdue by ${spanText(state.by)}`;
	return undefined;
}

/**
 * When the deployment was done: the latest tick among the steps before the first timed check
 * (ids in page order). Undefined until one of them is ticked: the clock has not started.
 */
export function deploymentTime(stepsBefore: readonly string[], tickedAt: (id: string) => number | undefined): number | undefined {
	let latest: number | undefined;
	for (const id of stepsBefore) {
		const t = tickedAt(id);
		if (t !== undefined && (latest === undefined || t > latest)) latest = t;
	}
	return latest;
}
