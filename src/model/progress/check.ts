import { ID_PATTERN, VARIABLE_NAME } from '../../schema/names.ts';
import type { EntryRules } from '../../schema/progress.ts';
import { ACTIONS, MAX_TIME, RUN_LIMITS } from '../../schema/run-limits.ts';
import { cleanValue } from '../variable-value.ts';
import { cleanRecordValue } from './record.ts';
import type { Action, ProgressEvent, RecordEntry } from './run.ts';

/**
 * The one check of a run's entries that come from outside: a share link, a JSON file, a merge, a
 * live run's peers, and a saved run that the page could not read as it started (its valid entries
 * are recovered from the copy kept aside). Each entry is held to the format (src/schema/progress.ts,
 * whose zod schemas this code keeps to without loading zod: a unit test compares them): an event
 * of a known kind, on a step the runbook knows, at a time that is a time and not later than now
 * (give or take a few minutes of another clock); a record entry likewise; a value such as typing
 * gives (one line: a newline would add a line to a copied command). Initials, reasons, names and
 * record text are cleaned as typing cleans them. An entry that fails is left out and counted,
 * never guessed at: whoever took it in says how many.
 */

export type { EntryRules };

/** Initials as typed: letters and digits only, at most 4, upper case. */
export function cleanInitials(input: string): string {
	return input
		.replace(/[^\p{L}\p{N}]/gu, '')
		.slice(0, RUN_LIMITS.initials)
		.toUpperCase();
}

/** A run's name as asked for: one line, at most 80 characters. */
export const cleanName = (input: string) => cleanValue(input).slice(0, RUN_LIMITS.name).trim();

/** Why a step does not apply, as asked for: one line, at most 200 characters. */
const cleanReason = (input: string) => cleanValue(input).slice(0, RUN_LIMITS.reason).trim();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A time a page can show and order by: a number, not before 1970, not later than a date can hold or now allows. */
export const isTime = (t: unknown, rules: EntryRules): t is number =>
	typeof t === 'number' && t >= 0 && t <= Math.min(MAX_TIME, (rules.now ?? MAX_TIME) + RUN_LIMITS.aheadMs);

const isStep = (step: unknown, rules: EntryRules): step is string =>
	typeof step === 'string' && ID_PATTERN.test(step) && (!rules.steps || rules.steps.has(step));

/** Optional text, cleaned: absent, or a string (what cleaning leaves, if anything); anything else is not valid. */
function optional(text: unknown, clean: (s: string) => string): { ok: boolean; text?: string } {
	if (text === undefined) return { ok: true };
	if (typeof text !== 'string') return { ok: false };
	const cleaned = clean(text);
	return cleaned ? { ok: true, text: cleaned } : { ok: true };
}

/** An event as the format has it, or undefined. A new object: nothing else the input carried comes along. */
export function checkEvent(raw: unknown, rules: EntryRules): ProgressEvent | undefined {
	if (!isObject(raw)) return undefined;
	const { t, step, action } = raw;
	const by = optional(raw.by, cleanInitials);
	const reason = optional(raw.reason, cleanReason);
	if (!isTime(t, rules) || !isStep(step, rules) || !ACTIONS.includes(action as Action) || !by.ok || !reason.ok) return undefined;
	return { t, step, action: action as Action, ...(by.text ? { by: by.text } : {}), ...(reason.text ? { reason: reason.text } : {}) };
}

export function checkRecordEntry(raw: unknown, rules: EntryRules): RecordEntry | undefined {
	if (!isObject(raw)) return undefined;
	const { t, field, value } = raw;
	const by = optional(raw.by, cleanInitials);
	if (!isTime(t, rules) || typeof field !== 'string' || !ID_PATTERN.test(field) || typeof value !== 'string' || !by.ok) return undefined;
	return { t, field, value: cleanRecordValue(value), ...(by.text ? { by: by.text } : {}) };
}

/** A value as typing gives it (cleanValue changes nothing of it), under a variable's name: a value is never changed, only taken or not. */
export const isValue = (name: string, value: unknown): value is string =>
	VARIABLE_NAME.test(name) && typeof value === 'string' && value !== '' && cleanValue(value) === value;

/** What comes in: a run's entries (and its name) in any shape. */
export interface RawEntries {
	name?: unknown;
	events?: unknown;
	record?: unknown;
	values?: unknown;
}

/** The entries that passed (and the name, as typing gives one), and how many did not. */
export interface CheckedEntries {
	name?: string;
	events: ProgressEvent[];
	record?: RecordEntry[];
	values?: Record<string, string>;
	dropped: number;
}

export function checkEntries(raw: RawEntries, rules: EntryRules): CheckedEntries {
	let dropped = 0;
	/** The entries of a list that pass, up to the format's number of them. */
	const list = <T>(items: unknown, max: number, check: (item: unknown) => T | undefined): T[] => {
		if (items === undefined) return [];
		if (!Array.isArray(items)) return (dropped++, []);
		const kept: T[] = [];
		for (const item of items) {
			const ok = kept.length < max ? check(item) : undefined;
			if (ok) kept.push(ok);
			else dropped++;
		}
		return kept;
	};
	const events = list(raw.events, RUN_LIMITS.events, (e) => checkEvent(e, rules));
	const record = list(raw.record, RUN_LIMITS.record, (r) => checkRecordEntry(r, rules));
	// Values are names to text: anything else in their place is one entry not valid.
	const pairs = isObject(raw.values) ? Object.entries(raw.values) : raw.values === undefined ? undefined : null;
	const values = list(pairs, RUN_LIMITS.values, (pair) => {
		const [name, value] = pair as [string, unknown];
		return isValue(name, value) ? ([name, value] as const) : undefined;
	});
	// A name is cleaned as typing cleans one; one that leaves nothing is not valid.
	const name = raw.name === undefined ? undefined : typeof raw.name === 'string' ? cleanName(raw.name) : '';
	if (name === '') dropped++;
	return {
		...(name ? { name } : {}),
		events,
		...(record.length ? { record } : {}),
		...(values.length ? { values: Object.fromEntries(values) } : {}),
		dropped,
	};
}

/** "2 entries from the link were not valid and were left out" (a sentence's end is the caller's). */
export function notValid(count: number, from: string): string {
	const were = count === 1 ? 'was' : 'were';
	return `${count} ${count === 1 ? 'entry' : 'entries'} from ${from} ${were} not valid and ${were} left out`;
}
