import type { Run } from './run.ts';

/** Initials as typed: with the check of what comes from outside, which holds initials to them. */
export { cleanInitials } from './check.ts';

/*
 * Naming runs: what the run menu, a `?run=` link and the sign-off sheet need, apart from the run
 * model every runbook page loads (its code comes with the menu's).
 */

/** An id for a new run from its name, unique among `taken`. */
export function runIdFor(name: string, taken: Iterable<string>): string {
	const base =
		name
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'run';
	const used = new Set(taken);
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** Finds a run by the name or id a link gave (`?run=INC-2291`), ignoring case. */
export function findRun(runs: readonly Run[], wanted: string): Run | undefined {
	const w = wanted.trim().toLowerCase();
	return runs.find((r) => r.name.toLowerCase() === w) ?? runs.find((r) => r.id === w);
}
