/**
 * What the entries of a run may hold: the numbers and characters of the run's format, apart from
 * its zod schema (progress.ts) so that the browser's check of what comes from outside
 * (src/model/progress/check.ts) reads the same rules without loading zod.
 */

/** The last time a date can hold (+275760-09-13): a larger number is no time, and throws where one is shown. */
export const MAX_TIME = 8.64e15;

/**
 * What a one-line text (a value, a reason, initials, a name) never holds: control characters (a
 * newline or a carriage return would add a line to a copied command, an escape would drive the
 * terminal) and DEL.
 */
// eslint-disable-next-line no-control-regex
export const NOT_IN_A_LINE = /[\u0000-\u001f\u007f]/;

/** What a run's log records of a step. */
export const ACTIONS = ['tick', 'untick', 'na', 'clear'] as const;

export const RUN_LIMITS = {
	/** How far past this browser's clock a time may be: another responder's clock may run a little fast. */
	aheadMs: 5 * 60_000,
	/** A run's name, as asked for (run-actions.ts). */
	name: 80,
	/** Initials, as typed (cleanInitials). */
	initials: 4,
	/** Why a step does not apply, as asked for (na.ts, questions.ts). */
	reason: 200,
	/** A value, as typed (cleanValue). */
	value: 500,
	/** A record field, a line or a few (the sheet's text areas). */
	recordValue: 2000,
	/** Entries of one run: far more than any runbook's steps are ever ticked, far fewer than would stall a page. */
	events: 20_000,
	record: 2_000,
	values: 200,
} as const;

/** A live run's room: 128 random bits in URL-safe base64; up to 64 characters for rooms made elsewhere. */
export const ROOM = /^[\w-]{16,64}$/;

/** What a record field never holds: its text may run over lines and tabs, nothing else that controls. */
// eslint-disable-next-line no-control-regex
export const NOT_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f]/;
