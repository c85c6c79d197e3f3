/**
 * The catalog, /runbooks/ (src/routes/runbooks/index.astro): every runbook by system, each system
 * with what its folder's index file says of it, and the reviews that fall due.
 */
import { getCollection } from 'astro:content';
import { folderIndexes, systemSummaries } from '../content/folders.ts';
import { folderPage } from '../../model/catalog.ts';
import { countSteps, runbookKind } from '../../model/outline.ts';
import { systemAnchor, systemSlug } from '../../model/paths.ts';
import { isoDay, runbookReview } from '../../model/review.ts';
import { reviewsListed } from '../../model/reviews-listed.ts';
import { listsSystems } from '../../model/system-pages.ts';
import { contentDir, settings } from '../context.ts';

/** On a site that lists systems: how many overdue reviews the catalog lists, and how many to come (model/reviews-listed.ts). */
const REVIEWS_AT_MOST = 50;

async function catalogData() {
	const today = isoDay(new Date());
	const runbooks = (await getCollection('runbooks'))
		.map((entry) => ({
			id: entry.id,
			data: entry.data,
			steps: countSteps(entry.data),
			review: runbookReview(entry.data, settings.reviewEveryDays, today),
		}))
		.sort(
			(a, b) =>
				a.data.system.localeCompare(b.data.system) ||
				(a.data.order ?? Infinity) - (b.data.order ?? Infinity) ||
				a.data.title.localeCompare(b.data.title),
		);
	const summaries = systemSummaries(folderIndexes(contentDir));
	const groups = Map.groupBy(runbooks, (r) => r.data.system);
	const systems = [...groups].map(([system, group]) => {
		// The folder's index, when it is a page of its own (a README handbook, a playbook's shared parts).
		const page = folderPage(group);
		return {
			system,
			anchor: systemAnchor(system),
			slug: systemSlug(system),
			summary: summaries.get(system),
			...(page ? { page } : {}),
			runbooks: group,
		};
	});
	const bySystem = listsSystems(runbooks.length, settings.systemPagesFrom);
	const byDue = reviewsListed(runbooks, bySystem ? { atMost: REVIEWS_AT_MOST } : undefined);
	return {
		runbooks,
		systems,
		// "On this page" lists the systems while they are few; where the site lists systems (400 at
		// 10,000 runbooks) the filter box finds one, and the list, written twice (the desktop's and the
		// phone's), was 107 of the catalog's 255 KB.
		headings: bySystem ? [] : systems.map(({ system, anchor }) => ({ depth: 2, slug: anchor, text: system })),
		byDue,
		bySystem,
		overdueListed: byDue.filter((r) => r.review.overdue).length,
		overdue: runbooks.filter((r) => r.review.overdue).length,
		alertRunbooks: runbooks.filter((r) => runbookKind(r.data) === 'response').length,
		offline: settings.offline,
	};
}

// Read by the catalog, the home page and every system page: made once a build. The dev server
// loads this module again when a runbook changes (tests/package/package.test.ts).
let made: ReturnType<typeof catalogData> | undefined;
export function catalogPageData(): ReturnType<typeof catalogData> {
	return (made ??= catalogData());
}
