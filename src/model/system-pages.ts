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
