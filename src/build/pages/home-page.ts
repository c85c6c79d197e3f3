/**
 * The home page, / (src/routes/index.astro): the team's front door. Its systems with their
 * runbooks, the runbooks changed last, the reviews overdue and the alerts, each list short at any
 * size of the collection, with a link to all of it.
 */
import { getCollection } from 'astro:content';
import { alertEntries, alertSource } from '../../model/alerts.ts';
import { changedAt, lastChanged } from '../content/last-changed.ts';
import { catalogPageData } from './catalog-page.ts';
import { contentDir, settings } from '../context.ts';

/** How many items each list of the home page shows before its "all N" link. */
export const HOME_LIST = { systems: 12, runbooksPerSystem: 4, changed: 6, overdue: 5 } as const;

export async function homePageData() {
	const { runbooks, systems, byDue, overdue } = await catalogPageData();
	const entries = await getCollection('runbooks');
	const dates = lastChanged(contentDir);
	const changed = entries
		.flatMap((entry) => {
			const at = entry.filePath ? changedAt(dates, entry.filePath) : undefined;
			return at ? [{ id: entry.id, title: entry.data.title, system: entry.data.system, at }] : [];
		})
		.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
	const upcoming = byDue.filter((r) => !r.review.overdue);
	return {
		description: settings.description,
		runbookCount: runbooks.length,
		systemCount: systems.length,
		// The largest systems first: where most of the runbooks are.
		systems: [...systems]
			.sort((a, b) => b.runbooks.length - a.runbooks.length || a.system.localeCompare(b.system))
			.slice(0, HOME_LIST.systems)
			.map(({ system, runbooks: group }) => ({
				system,
				count: group.length,
				runbooks: group.slice(0, HOME_LIST.runbooksPerSystem).map(({ id, data }) => ({ id, title: data.title })),
			})),
		changed: changed.slice(0, HOME_LIST.changed),
		changedCount: changed.length,
		// The reviews due at build time that the list shows, and the next ones, which show themselves when due (client/reviews-due.ts).
		reviews: [...byDue.filter((r) => r.review.overdue).slice(0, HOME_LIST.overdue), ...upcoming.slice(0, HOME_LIST.overdue)].map(
			({ id, data, review }) => ({ id, title: data.title, due: review.due!, overdue: review.overdue }),
		),
		overdue,
		alertCount: alertEntries(entries.map(alertSource)).length,
	};
}
