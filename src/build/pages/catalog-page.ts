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
import { listsSystems } from '../../model/system-pages.ts';
import { contentDir, settings } from '../context.ts';

/** How far ahead a site that lists systems lists the reviews falling due (see byDue). */
const DUE_AHEAD_DAYS = 30;

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
	// Every reviewed runbook, by due date: the page shows the overdue ones, its script the others once
	// due (the site may not be rebuilt daily). Where the site lists systems, those due within a month:
	// a row for every runbook grew the page with the site; each system’s page has the rest.
	const until = isoDay(new Date(Date.parse(today) + DUE_AHEAD_DAYS * 86_400_000));
	const byDue = runbooks
		.filter((r) => r.review.due && (!bySystem || r.review.overdue || r.review.due <= until))
		.sort((a, b) => a.review.due!.localeCompare(b.review.due!));
	return {
		runbooks,
		systems,
		headings: systems.map(({ system, anchor }) => ({ depth: 2, slug: anchor, text: system })),
		byDue,
		bySystem,
		overdue: runbooks.filter((r) => r.review.overdue).length,
		alertRunbooks: runbooks.filter((r) => runbookKind(r.data) === 'response').length,
		offline: settings.offline,
	};
}

// Read by the catalog, the home page and every system page: made once a build.
let made: ReturnType<typeof catalogData> | undefined;
export function catalogPageData(): ReturnType<typeof catalogData> {
	return (made ??= catalogData());
}
