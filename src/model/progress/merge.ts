/**
 * Merging runs: two people working one incident each keep an event log; a teammate's share link,
 * JSON export or live copy is merged into this browser's run as the union of both logs.
 *
 * - An event is the same event when it has the same time, step, action, initials and reason, so
 *   merging a log twice adds nothing. A share link keeps times to the second: an event whose time
 *   is a whole second is matched to the second, so merging back a link made from this run, or
 *   later the JSON export of a run merged from a link, adds nothing either; a tick, an untick and
 *   a tick again within one second stay three events.
 * - The merged log is ordered by time, ties by the event's own key, so every browser that holds
 *   the same events derives the same state whatever order they arrived in.
 * - Conflicts: when both logs changed a step and they end differently, the latest event wins (it
 *   is last in the merged log), and the timeline keeps both.
 * - Record fields merge the same way (their last entry is their value). Variable values carry no
 *   time: a value this run lacks is taken, a value it has is kept.
 */
import { deriveState, type ProgressEvent, type RecordEntry, type Run, type StepState } from './run.ts';

/** What is merged into a run: a teammate's log and what they filled in. */
export interface Incoming {
	events: readonly ProgressEvent[];
	record?: readonly RecordEntry[] | undefined;
	values?: Readonly<Record<string, string>> | undefined;
}

export interface MergeResult {
	run: Run;
	/** Events, record entries and values this run did not have. */
	added: number;
	/** Steps whose state is not what it was before the merge. */
	changed: string[];
	/** Steps both logs changed that they left differently: decided by the latest event. */
	conflicts: string[];
	/** Values the incoming run gave differently, kept as this run has them. */
	keptValues: string[];
}

type Key<T> = (item: T, t?: number) => string;

/** The identity of an event across browsers (`t` replaces its time, to match it to the second). */
export const eventKey: Key<ProgressEvent> = (e, t = e.t) => [t, e.step, e.action, e.by ?? '', e.reason ?? ''].join('\u0000');

export const recordKey: Key<RecordEntry> = (r, t = r.t) => [t, r.field, r.value, r.by ?? ''].join('\u0000');

const second = (t: number) => Math.floor(t / 1000);

/** A time cut to the second (from a share link): matched to the second. */
const cut = (t: number) => t % 1000 === 0;

/** The union of two logs without repeats, in a merged order every browser agrees on. */
function union<T extends { t: number }>(ours: readonly T[], theirs: readonly T[], key: Key<T>): T[] {
	const exact = new Set<string>();
	const bySecond = new Set<string>();
	const cutBySecond = new Set<string>();
	const know = (item: T) => {
		const k = key(item, second(item.t));
		exact.add(key(item));
		bySecond.add(k);
		if (cut(item.t)) cutBySecond.add(k);
	};
	ours.forEach(know);
	const added = theirs.filter((item) => {
		const k = key(item, second(item.t));
		if (exact.has(key(item)) || cutBySecond.has(k) || (cut(item.t) && bySecond.has(k))) return false;
		know(item);
		return true;
	});
	if (!added.length) return [...ours];
	const keyed = [...ours, ...added].map((item) => ({ item, k: key(item) }));
	keyed.sort((a, b) => a.item.t - b.item.t || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
	return keyed.map((x) => x.item);
}

const same = (a: StepState | undefined, b: StepState | undefined) => a?.status === b?.status && a?.reason === b?.reason;

export function mergeRuns(run: Run, incoming: Incoming): MergeResult {
	const events = union(run.events, incoming.events, eventKey);
	const record = union(run.record ?? [], incoming.record ?? [], recordKey);
	let added = events.length - run.events.length + record.length - (run.record?.length ?? 0);

	const before = deriveState(run.events);
	const after = deriveState(events);
	const ourSteps = new Set(run.events.map((e) => e.step));
	const ourKeys = new Set(run.events.map((e) => eventKey(e)));
	const theirSteps = new Set(events.filter((e) => !ourKeys.has(eventKey(e))).map((e) => e.step));
	const theirs = deriveState(incoming.events);
	const changed = [...new Set([...before.keys(), ...after.keys()])].filter((step) => !same(before.get(step), after.get(step)));
	const conflicts = [...theirSteps].filter((step) => ourSteps.has(step) && !same(before.get(step), theirs.get(step)));

	const values = { ...run.values };
	const keptValues: string[] = [];
	for (const [name, value] of Object.entries(incoming.values ?? {})) {
		if (values[name] === undefined) {
			values[name] = value;
			added++;
		} else if (values[name] !== value) keptValues.push(name);
	}

	if (!added) return { run, added: 0, changed: [], conflicts: [], keptValues };
	const times = [...events.map((e) => e.t), ...record.map((r) => r.t)];
	const merged: Run = {
		...run,
		events,
		...(record.length ? { record } : {}),
		...(Object.keys(values).length ? { values } : {}),
		updated: Math.max(run.updated, ...times),
	};
	return { run: merged, added, changed, conflicts, keptValues };
}

/** What a merge did, in a sentence for the page. */
export function mergeSummary(result: MergeResult, from: string): string {
	if (!result.added && !result.changed.length) return `Nothing new from ${from}: this run has all of it already.`;
	const parts = [
		`Merged ${result.added} ${result.added === 1 ? 'entry' : 'entries'} from ${from}`,
		`${result.changed.length} ${result.changed.length === 1 ? 'step' : 'steps'} changed`,
	];
	if (result.conflicts.length)
		parts.push(
			`${result.conflicts.length} ${result.conflicts.length === 1 ? 'step was' : 'steps were'} changed by both: the latest change wins, the timeline keeps both`,
		);
	if (result.keptValues.length) parts.push(`values kept as this run has them: ${result.keptValues.join(', ')}`);
	return `${parts.join('; ')}.`;
}
