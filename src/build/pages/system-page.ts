/**
 * A system's own page, /systems/<slug>/ (src/routes/systems/[slug].astro), on a site that lists
 * systems (model/system-pages.ts): the system's runbooks as the catalog lists them, its rollback
 * procedures as the finder lists them and its runbooks' alerts as /alerts/ lists them. A smaller
 * site has none.
 */
import { getCollection } from 'astro:content';
import { alertEntries, alertSource, alertsOfSystems, type AlertEntry } from '../../model/alerts.ts';
import { systemPages, type SystemPage } from '../../model/system-pages.ts';
import { catalogPageData } from './catalog-page.ts';
import { rollbackFinderData } from './rollback-finder.ts';

export async function systemPagePaths() {
	const { systems, bySystem } = await catalogPageData();
	if (!bySystem) return [];
	return systemPages(systems.map((s) => s.system)).map((page) => ({ params: { slug: page.slug }, props: { page } }));
}

// The procedures by system, grouped once for every system page.
let proceduresBySystem: Promise<Map<string, Awaited<ReturnType<typeof rollbackFinderData>>['rows']>> | undefined;

// Every alert, read once for every system page.
let alerts: Promise<AlertEntry[]> | undefined;

export async function systemPageData({ page }: { page: SystemPage }) {
	proceduresBySystem ??= rollbackFinderData().then(({ rows }) => Map.groupBy(rows, (r) => r.runbook.system));
	alerts ??= getCollection('runbooks').then((runbooks) => alertEntries(runbooks.map(alertSource)));
	const [{ systems }, procedures, everyAlert] = await Promise.all([catalogPageData(), proceduresBySystem, alerts]);
	const names = new Set(page.systems);
	const groups = systems.filter((s) => names.has(s.system));
	return {
		title: page.systems.join(', '),
		groups,
		procedures: page.systems.flatMap((system) => procedures.get(system) ?? []),
		alerts: alertsOfSystems(everyAlert, names),
		runbookCount: groups.reduce((sum, g) => sum + g.runbooks.length, 0),
	};
}
