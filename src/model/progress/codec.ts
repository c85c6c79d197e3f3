import type { Action, ProgressEvent, RecordEntry, Run } from './run.ts';

/**
 * How a run is written to localStorage, and how older formats move forward. Events are stored as
 * short arrays ([time, step, action, by, reason]) so hundreds of runs stay small.
 *
 * v1 was the first prototype's format: `{ v: 1, name, checked: { [stepId]: time } }` (ticks only,
 * no history); it migrates to v2 as one tick event per checked step.
 */
export const FORMAT_VERSION = 2;

const ACTION_CODES: Record<Action, string> = { tick: 'x', untick: 'o', na: 'n', clear: 'c' };
/** A map, not an object: looking up whatever a stored event holds never reaches a prototype or turns it into text. */
export const CODE_ACTIONS = new Map(Object.entries(ACTION_CODES).map(([a, c]) => [c, a as Action]));

type StoredEvent = [number, string, string, string?, string?];

interface StoredRunV2 {
	v: 2;
	name: string;
	created: number;
	updated: number;
	events: StoredEvent[];
	/** Added within v2: older pages ignore it, and a run without values omits it. */
	values?: Record<string, string>;
	/** Added within v2, as values: the record fields as written (kept as they are: a page that
	 * only ticks carries them through untouched, and they are only ever shown as text). */
	record?: RecordEntry[];
	utc?: boolean;
}

export function encodeRun(run: Run): string {
	// Every other field of the run (its record, its UTC setting...) is written as it is: a page
	// that does not use one carries it through, so ticking never drops what the sheet wrote.
	const { id: _id, events, values, ...kept } = run;
	const stored: StoredRunV2 = {
		v: 2,
		...kept,
		events: events.map((e) => {
			const out: StoredEvent = [e.t, e.step, ACTION_CODES[e.action]];
			if (e.by || e.reason) out.push(e.by ?? '');
			if (e.reason) out.push(e.reason);
			return out;
		}),
	};
	if (values && Object.keys(values).length) stored.values = values;
	return JSON.stringify(stored);
}

export type DecodeResult = { ok: true; run: Run; migrated: boolean } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A time a page can show: a number a date can hold (beyond ±8.64e15 ms, none does, and showing one throws). */
const isTime = (t: unknown): t is number => typeof t === 'number' && Math.abs(t) <= 8.64e15;

function decodeEvent(raw: unknown): ProgressEvent | undefined {
	if (!Array.isArray(raw) || !isTime(raw[0]) || typeof raw[1] !== 'string') return undefined;
	const action = CODE_ACTIONS.get(raw[2]);
	if (!action) return undefined;
	const event: ProgressEvent = { t: raw[0], step: raw[1], action };
	if (typeof raw[3] === 'string' && raw[3]) event.by = raw[3];
	if (typeof raw[4] === 'string' && raw[4]) event.reason = raw[4];
	return event;
}

/** Variable values: names to text; anything else in a stored run is dropped, not trusted. */
function decodeValues(raw: unknown): Record<string, string> | undefined {
	if (!isRecord(raw)) return undefined;
	const values: Record<string, string> = {};
	for (const [name, value] of Object.entries(raw))
		if (/^[A-Z][A-Z0-9_]*$/.test(name) && typeof value === 'string' && value) values[name] = value;
	return Object.keys(values).length ? values : undefined;
}

export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
	1: (old) => {
		const checked = isRecord(old.checked) ? old.checked : {};
		const events = Object.entries(checked)
			.filter((entry): entry is [string, number] => typeof entry[1] === 'number')
			.sort((a, b) => a[1] - b[1])
			.map(([step, t]) => [t, step, 'x']);
		const times = events.map((e) => e[0] as number);
		const created = typeof old.created === 'number' ? old.created : Math.min(Date.now(), ...times);
		return { v: 2, name: old.name, created, updated: Math.max(created, ...times), events };
	},
};

/**
 * Reads a stored run as a page starts; anything it cannot show is reported, never guessed at (the
 * run is then kept aside, and the check of what comes from outside recovers what of it is valid:
 * run-actions.ts). Strict and small: it comes with every runbook page.
 */
export function decodeRun(id: string, text: string): DecodeResult {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'not valid JSON' };
	}
	if (!isRecord(parsed) || typeof parsed.v !== 'number') return { ok: false, reason: 'not a Runsheet run' };
	let d: Record<string, unknown> = parsed;
	if ((d.v as number) > FORMAT_VERSION) return { ok: false, reason: `written by a newer Runsheet (format ${d.v as number})` };
	let migrated = false;
	while ((d.v as number) < FORMAT_VERSION) {
		const step = MIGRATIONS[d.v as number];
		if (!step) return { ok: false, reason: `format ${d.v as number} is unknown` };
		d = step(d);
		migrated = true;
	}
	if (typeof d.name !== 'string' || !isTime(d.created) || !isTime(d.updated) || !Array.isArray(d.events)) {
		return { ok: false, reason: 'missing fields' };
	}
	// The record is shown as text only (the sheet, the timeline, the exports), but shown it must be, with its time.
	const entry = (r: unknown) =>
		isTime((r as Partial<RecordEntry> | null)?.t) &&
		typeof (r as RecordEntry).field === 'string' &&
		typeof (r as RecordEntry).value === 'string';
	if (!((d.record ?? []) as unknown[]).every?.(entry)) return { ok: false, reason: 'the record is malformed' };
	const events: ProgressEvent[] = [];
	for (const raw of d.events) {
		const event = decodeEvent(raw);
		if (!event) return { ok: false, reason: 'an event is malformed' };
		events.push(event);
	}
	// Fields of the run this page does not check (record, utc) come back as they were written.
	const { v: _v, values: rawValues, ...kept } = d;
	const run = { ...kept, id, events } as Run;
	const values = decodeValues(rawValues);
	if (values) run.values = values;
	return { ok: true, migrated, run };
}
