/**
 * The catalog, /runbooks/ (src/routes/runbooks/index.astro): every runbook by system, each system
 * with what its folder's index file says of it, and the reviews that fall due.
 */
import { getCollection } from 'astro:content';
import { folderIndexes, systemSummaries } from '../content/folders.ts';
import { folderPage } from '../../model/catalog.ts';
import { countSteps, runbookKind } from '../../model/outline.ts';
import { systemAnchor } from '../../model/paths.ts';
import { isoDay, runbookReview } from '../../model/review.ts';
import { contentDir, settings } from '../context.ts';

export async function catalogPageData() {
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
	const systems = [...new Set(runbooks.map((r) => r.data.system))].map((system) => {
		const group = runbooks.filter((r) => r.data.system === system);
		// The folder's index, when it is a page of its own (a README handbook, a playbook's shared parts).
		const page = folderPage(group);
		return { system, anchor: systemAnchor(system), summary: summaries.get(system), ...(page ? { page } : {}), runbooks: group };
	});
	return {
		runbooks,
		systems,
		headings: systems.map(({ system, anchor }) => ({ depth: 2, slug: anchor, text: system })),
		// Every reviewed runbook, by due date: the page shows the overdue ones, its script the others once due.
		byDue: runbooks.filter((r) => r.review.due).sort((a, b) => a.review.due!.localeCompare(b.review.due!)),
		overdue: runbooks.filter((r) => r.review.overdue).length,
		alertRunbooks: runbooks.filter((r) => runbookKind(r.data) === 'response').length,
		offline: settings.offline,
	};
}
