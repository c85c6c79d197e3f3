import { systemSlug } from './paths.ts';

/**
 * Past a size, the catalog (/runbooks/) and the rollback finder (/rollback/) list systems, and
 * each system has a page of its own (/systems/<slug>/) with its runbooks and rollback procedures.
 * At 10,000 runbooks the two pages held every row: 9.4 and 10.8 MB of HTML, which a phone on a
 * slow network downloads and lays out before its reader can pick anything. The size is the
 * config's `systemPagesFrom`, counted in runbooks, so both pages change together.
 */
export function listsSystems(runbooks: number, systemPagesFrom: number): boolean {
	return runbooks >= systemPagesFrom;
}

/** A system page: its slug and the systems it holds (two names may share a slug: "CI" and "ci"). */
export interface SystemPage {
	slug: string;
	systems: string[];
}

/** The system pages of these systems' names, by slug, in the names' order. */
export function systemPages(systems: Iterable<string>): SystemPage[] {
	const bySlug = new Map<string, SystemPage>();
	for (const system of systems) {
		const slug = systemSlug(system);
		const found = bySlug.get(slug);
		if (!found) bySlug.set(slug, { slug, systems: [system] });
		else if (!found.systems.includes(system)) found.systems.push(system);
	}
	return [...bySlug.values()];
}

/**
 * One page of a system's runbooks. A system may hold thousands (a flat folder of alert pages is
 * one system), and its page would then be megabytes again: past `runbooksPerSystemPage` its
 * runbooks go on pages in turn, each with their own procedures and alerts. The first keeps the
 * system's address, the next are /systems/<slug>/2/ and on.
 */
export interface SystemPart {
	/** 1 for the system's own address. */
	part: number;
	parts: number;
	/** The runbooks it lists, by their place in the system's list: [from, to). */
	from: number;
	to: number;
}

/** The pages of a system of `runbooks` runbooks, `perPage` at most on each (one page when it has none). */
export function systemParts(runbooks: number, perPage: number): SystemPart[] {
	const parts = Math.max(1, Math.ceil(runbooks / perPage));
	return Array.from({ length: parts }, (_, i) => ({
		part: i + 1,
		parts,
		from: i * perPage,
		to: Math.min(runbooks, (i + 1) * perPage),
	}));
}

/** The route parameter of a system's page: its slug, then the part's number from the second on. */
export function systemPartParam(slug: string, part: number): string {
	return part === 1 ? slug : `${slug}/${part}`;
}

/** Which runbooks a page of a system lists, as its reader counts: "Runbooks 101 to 200 of 473", "Runbook 2". */
export function partRange({ from, to }: Pick<SystemPart, 'from' | 'to'>, total?: number): string {
	const n = (i: number) => i.toLocaleString('en');
	const of = total === undefined ? '' : ` of ${n(total)}`;
	return to - from === 1 ? `Runbook ${n(to)}${of}` : `Runbooks ${n(from + 1)} to ${n(to)}${of}`;
}
