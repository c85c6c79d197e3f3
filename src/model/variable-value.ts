/**
 * NOT_IN_A_LINE and RUN_LIMITS.value (src/schema/run-limits.ts), written out: this comes with every
 * runbook page, the format's limits do not (a unit test holds the two to the same).
 */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f]+/g;
const VALUE_MAX = 500;

/**
 * Keeps a typed value to one line of text: a value is data, never a second command line. A
 * module of its own so the runbook page's start-up code gets this alone, not the template code.
 * A value from outside (a link, a file, a live run) is held to the same: one that this would
 * change is not taken (src/model/progress/check.ts).
 */
export function cleanValue(input: string): string {
	// Cut, then trimmed: what this returns, it returns unchanged (a value read back is held to that).
	return input.replace(BREAKS, ' ').slice(0, VALUE_MAX).trim();
}
