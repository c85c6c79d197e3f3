/**
 * A system's own page, /systems/<slug>/ (src/routes/systems/[...part].astro), on a site that lists
 * systems (model/system-pages.ts): the system's runbooks as the catalog lists them, its rollback
 * procedures as the finder lists them and its runbooks' alerts as /alerts/ lists them. A system
 * with more than `runbooksPerSystemPage` runbooks has them on pages in turn (/systems/<slug>/2/),
 * each with its runbooks' procedures and alerts. A smaller site has none of these pages.
 */
import { alertEntries, alertSource } from '../../model/alerts.ts';
import { paths } from '../../model/paths.ts';
import { systemPages, systemPartParam, systemParts } from '../../model/system-pages.ts';
import { settings } from '../context.ts';
import { catalogPageData } from './catalog-page.ts';
import { rollbackFinderData } from './rollback-finder.ts';

/** Every part of every system page, each with the runbooks, procedures and alerts it lists: made once a build. */
async function systemPartsData() {
	const [{ systems, bySystem }, { rows }] = await Promise.all([catalogPageData(), rollbackFinderData()]);
	if (!bySystem) return [];
	const proceduresOf = Map.groupBy(rows, (r) => r.id);
	return systemPages(systems.map((s) => s.system)).flatMap((page) => {
		const names = new Set(page.systems);
		const groups = systems.filter((s) => names.has(s.system));
		const listed = groups.flatMap((g) => g.runbooks);
		const title = page.systems.join(', ');
		// The system's pages, each page linking them all.
		const partLinks = systemParts(listed.length, settings.runbooksPerSystemPage).map((part) => ({
			...part,
			href: paths.systemPage(page.slug, part.part),
		}));
		return partLinks.map((part) => {
			const own = listed.slice(part.from, part.to);
			return {
				title,
				slug: page.slug,
				part,
				partLinks,
				total: listed.length,
				// What the system's folders say of it, once, on its first page.
				groups: part.part === 1 ? groups : [],
				runbooks: own,
				procedures: own.flatMap((r) => proceduresOf.get(r.id) ?? []),
				// An alert answered on two parts is listed on each, with the runbooks there.
				alerts: alertEntries(own.map(alertSource)),
			};
		});
	});
}

let made: ReturnType<typeof systemPartsData> | undefined;
const partsData = () => (made ??= systemPartsData());

export async function systemPagePaths() {
	return (await partsData()).map((props) => ({ params: { part: systemPartParam(props.slug, props.part.part) }, props }));
}

/** What a part of a system's page shows: its title, counts, the links to the system's pages, its lists. */
export type SystemPartData = Awaited<ReturnType<typeof systemPartsData>>[number];

/**
 * Where the lists (/rollback/, /alerts/) send a reader for a system's procedures or alerts: the
 * first of its pages that lists some, at that part's heading.
 */
export async function systemSectionLinks(): Promise<Map<string, { rollback?: string; alerts?: string }>> {
	const links = new Map<string, { rollback?: string; alerts?: string }>();
	for (const { slug, part, procedures, alerts } of await partsData()) {
		const found = links.get(slug) ?? {};
		if (procedures.length && !found.rollback) found.rollback = `${part.href}#rollback`;
		if (alerts.length && !found.alerts) found.alerts = `${part.href}#alerts`;
		links.set(slug, found);
	}
	return links;
}
