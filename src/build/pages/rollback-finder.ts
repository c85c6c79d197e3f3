/**
 * The rollback finder, /rollback/ (src/routes/rollback/index.astro): every rollback procedure of
 * every runbook, by system and technique.
 */
import { getCollection } from 'astro:content';
import { rollbackContent } from '../../model/rollback.ts';
import { TECHNIQUE_IDS } from '../../schema/techniques.ts';

export async function rollbackFinderData() {
	const runbooks = await getCollection('runbooks');
	const rows = runbooks
		.flatMap((entry) => {
			const rollback = rollbackContent(entry.data.sections);
			return (rollback?.procedures ?? []).map((procedure) => ({ id: entry.id, runbook: entry.data, procedure }));
		})
		.sort((a, b) => a.runbook.system.localeCompare(b.runbook.system) || a.runbook.title.localeCompare(b.runbook.title));
	const used = new Set(rows.flatMap((r) => r.procedure.techniques));
	return {
		rows,
		systems: [...new Set(rows.map((r) => r.runbook.system))].sort((a, b) => a.localeCompare(b)),
		techniques: TECHNIQUE_IDS.filter((t) => used.has(t)),
		runbookCount: new Set(rows.map((r) => r.id)).size,
		// Pages the search index holds, about: each runbook's page and rollback page.
		searchPages: runbooks.length * 2,
	};
}
