/**
 * The rollback finder, /rollback/ (src/routes/rollback/index.astro): every rollback procedure of
 * every runbook, by system and technique; on a site that lists systems (model/system-pages.ts),
 * every system, each row leading to the system's page with its procedures.
 */
import { getCollection } from 'astro:content';
import { rollbackContent } from '../../model/rollback.ts';
import { TECHNIQUE_IDS } from '../../schema/techniques.ts';
import { catalogPageData } from './catalog-page.ts';

async function finderData() {
	const runbooks = await getCollection('runbooks');
	const rows = runbooks
		.flatMap((entry) => {
			const rollback = rollbackContent(entry.data.sections);
			return (rollback?.procedures ?? []).map((procedure) => ({ id: entry.id, runbook: entry.data, procedure }));
		})
		.sort((a, b) => a.runbook.system.localeCompare(b.runbook.system) || a.runbook.title.localeCompare(b.runbook.title));
	const used = new Set(rows.flatMap((r) => r.procedure.techniques));
	const systems = [...new Set(rows.map((r) => r.runbook.system))].sort((a, b) => a.localeCompare(b));
	const { bySystem } = await catalogPageData();
	return {
		rows,
		systems,
		techniques: TECHNIQUE_IDS.filter((t) => used.has(t)),
		runbookCount: new Set(rows.map((r) => r.id)).size,
		// Pages the search index holds, about: each runbook's page and rollback page.
		searchPages: runbooks.length * 2,
		bySystem,
		// Listed instead of the procedures where the site lists systems: what each system holds, in
		// the rows' order (by system).
		systemRows: bySystem
			? [...Map.groupBy(rows, (r) => r.runbook.system)].map(([system, own]) => {
					const techniques = new Set(own.flatMap((r) => r.procedure.techniques));
					return {
						system,
						procedures: own.length,
						steps: own.reduce((sum, r) => sum + r.procedure.steps, 0),
						techniques: TECHNIQUE_IDS.filter((t) => techniques.has(t)),
					};
				})
			: [],
	};
}

// Read by the finder and by every system page: made once a build. The dev server
// loads this module again when a runbook changes (tests/package/package.test.ts).
let made: ReturnType<typeof finderData> | undefined;
export function rollbackFinderData(): ReturnType<typeof finderData> {
	return (made ??= finderData());
}
