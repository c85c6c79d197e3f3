/**
 * The list of sign-off sheets, /signoff/ (src/routes/signoff/index.astro): every runbook by title;
 * on a site that lists systems (model/system-pages.ts), every system, whose page links each of its
 * runbooks' sheets.
 */
import { getCollection } from 'astro:content';
import { listsSystems } from '../../model/system-pages.ts';
import { settings } from '../context.ts';

export async function signoffIndexData() {
	const runbooks = (await getCollection('runbooks')).sort((a, b) => a.data.title.localeCompare(b.data.title));
	const bySystem = listsSystems(runbooks.length, settings.systemPagesFrom);
	const counts = Map.groupBy(runbooks, (r) => r.data.system);
	return {
		runbooks: bySystem ? [] : runbooks,
		systems: bySystem
			? [...counts].map(([system, group]) => ({ system, count: group.length })).sort((a, b) => a.system.localeCompare(b.system))
			: [],
	};
}
