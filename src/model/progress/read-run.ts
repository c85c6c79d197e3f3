import { ROOM } from '../../schema/run-limits.ts';
import { checkEntries, isTime, type EntryRules } from './check.ts';
import { CODE_ACTIONS, FORMAT_VERSION, MIGRATIONS } from './codec.ts';
import type { Run } from './run.ts';

/** A run read with the check: `dropped` counts its entries that were not valid (left out), when there were any. */
export type ReadResult = { ok: true; run: Run; migrated: boolean; dropped?: number } | { ok: false; reason: string };

/** A stored event's array as an event's fields, for the check to judge. */
const fromStored = (raw: unknown) =>
	Array.isArray(raw)
		? { t: raw[0], step: raw[1], action: CODE_ACTIONS.get(raw[2]), by: raw[3] || undefined, reason: raw[4] || undefined }
		: undefined;

/**
 * A run in its stored (or exported) form, parsed, held to the check of what comes from outside
 * (check.ts): what is not valid is left out and counted, never a reason to refuse the rest; a run
 * without a name or a log is not read at all. For a JSON file, and for a saved run the page could
 * not read as it started (decodeRun, which is strict and small), from the copy kept aside.
 */
export function readRun(id: string, parsed: unknown, rules: EntryRules): ReadResult {
	// As decodeRun reads a run, apart from what the check decides.
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { v?: unknown }).v !== 'number')
		return { ok: false, reason: 'not a Runsheet run' };
	let d = parsed as Record<string, unknown>;
	if ((d.v as number) > FORMAT_VERSION) return { ok: false, reason: `written by a newer Runsheet (format ${String(d.v)})` };
	let migrated = false;
	while ((d.v as number) < FORMAT_VERSION) {
		const step = MIGRATIONS[d.v as number];
		if (!step) return { ok: false, reason: `format ${String(d.v)} is unknown` };
		d = step(d);
		migrated = true;
	}
	if (typeof d.name !== 'string' || !Array.isArray(d.events)) return { ok: false, reason: 'missing fields' };
	// Fields of the run this page does not know come back as they were written (a newer page's).
	const { v: _v, name, created, updated, events, values, record, utc, live, ...kept } = d;
	const checked = checkEntries({ name, events: events.map(fromStored), record, values }, rules);
	let { dropped } = checked;
	const times = [...checked.events, ...(checked.record ?? [])].map((e) => e.t);
	const run: Run = {
		...kept,
		id,
		name: checked.name ?? id,
		created: isTime(created, rules) ? created : (dropped++, times.reduce((a, b) => Math.min(a, b), rules.now ?? Date.now())),
		updated: 0,
		events: checked.events,
	};
	run.updated = isTime(updated, rules) ? updated : (dropped++, times.reduce((a, b) => Math.max(a, b), run.created));
	if (checked.values) run.values = checked.values;
	if (checked.record) run.record = checked.record;
	if (utc === true) run.utc = true;
	if (typeof live === 'string' && ROOM.test(live)) run.live = live;
	else if (live !== undefined) dropped++;
	return { ok: true, migrated, run, ...(dropped ? { dropped } : {}) };
}
