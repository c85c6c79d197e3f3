import { z } from 'astro/zod';
import { ID_PATTERN, VARIABLE_NAME } from './names.ts';
import { ACTIONS, MAX_TIME, NOT_IN_A_LINE, NOT_IN_LINES, RUN_LIMITS } from './run-limits.ts';

/**
 * The entries of a run as they travel: ticks and N/A (events), the record fields written on the
 * sign-off sheet, and the run's values. Whatever comes from outside (a share link, a JSON file, a
 * merge, a live run's peers, a saved run the page cannot read as it starts) is held to these
 * schemas before a page takes it: initials, reasons, names and record text are cleaned as typing
 * cleans them, and an entry that still breaks them is left out and counted.
 *
 * The schemas are the format, and the types of the run model come from them. The browser checks
 * with plain code that keeps to them (src/model/progress/check.ts): zod alone is larger than a
 * runbook page's whole JavaScript budget. A unit test holds the two to the same answers
 * (tests/unit/model/progress/check.test.ts).
 */

/** What an entry is checked against besides its own form. */
export interface EntryRules {
	/**
	 * The time now, on this browser's clock: a later time (beyond a few minutes' allowance) is not
	 * valid. Absent: any time a date can hold, as in a run read back from storage, whose times
	 * this browser wrote (its clock may have been set back since).
	 */
	now?: number | undefined;
	/**
	 * The ids of the runbook's steps (and their former ids). Absent: any well-formed id, as in a run
	 * read back from storage, which keeps the steps that have left the runbook since.
	 */
	steps?: ReadonlySet<string> | undefined;
}

const time = (rules: EntryRules) =>
	z
		.number()
		.min(0)
		.max(Math.min(MAX_TIME, (rules.now ?? MAX_TIME) + RUN_LIMITS.aheadMs))
		.describe('Epoch milliseconds; not later than now, give or take a few minutes of another clock');

/** Initials as typed: letters and digits, at most 4, upper case (cleanInitials gives nothing else). */
export const initialsSchema = z
	.string()
	.min(1)
	.max(RUN_LIMITS.initials)
	.regex(/^[\p{L}\p{N}]+$/u)
	.refine((by) => by === by.toUpperCase(), { error: 'initials are upper case' })
	.describe('Operator initials');

/** One line of text as typed: no newline or other control character, no spaces around it. */
const line = (max: number) =>
	z
		.string()
		.min(1)
		.max(max)
		.refine((text) => !NOT_IN_A_LINE.test(text), { error: 'one line, no control characters' })
		.refine((text) => text === text.trim(), { error: 'no spaces around it' });

export const eventSchema = (rules: EntryRules) =>
	z.object({
		t: time(rules),
		step: z
			.string()
			.regex(ID_PATTERN)
			.refine((step) => !rules.steps || rules.steps.has(step), { error: 'a step this runbook does not have' })
			.describe('The step’s id'),
		action: z.enum(ACTIONS).describe('tick, untick, na (not applicable) or clear (N/A withdrawn)'),
		by: initialsSchema.optional(),
		reason: line(RUN_LIMITS.reason).optional().describe('Why a step does not apply (N/A only)'),
	});

export const recordEntrySchema = (rules: EntryRules) =>
	z.object({
		t: time(rules),
		field: z.string().regex(ID_PATTERN).describe('The record field’s id'),
		value: z
			.string()
			.max(RUN_LIMITS.recordValue)
			.refine((text) => !NOT_IN_LINES.test(text), { error: 'no control characters but newlines and tabs' })
			.refine((text) => text === text.trim(), { error: 'no spaces around it' })
			.describe('The text written; empty clears the field'),
		by: initialsSchema.optional(),
	});

/** A value of a run, as typed: one line, trimmed, never empty (cleanValue gives nothing else). */
export const valueSchema = z.tuple([z.string().regex(VARIABLE_NAME).describe('The variable’s name'), line(RUN_LIMITS.value)]);

/** A run's name, as asked for. */
export const runNameSchema = line(RUN_LIMITS.name);

export type Action = (typeof ACTIONS)[number];
/** A tick, untick, N/A or clear: when (epoch ms), which step, by whom, and why (N/A only). */
export type ProgressEvent = z.output<ReturnType<typeof eventSchema>>;
/** A record field filled in (the sheet's "Deployed by", "Status"...): who set it, when, to what. */
export type RecordEntry = z.output<ReturnType<typeof recordEntrySchema>>;
