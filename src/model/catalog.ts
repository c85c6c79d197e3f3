import type { CatalogEntry } from '../schema/catalog.ts';
import type { Runbook } from '../schema/runbook.ts';
import { absolute, paths } from './paths.ts';
import { sectionLinks } from './links.ts';
import { runbookReview } from './review.ts';
import { runbookKind } from './outline.ts';

export interface CatalogContext {
	/** The site's base URL, e.g. https://runbooks.example.com */
	base: string;
	today: string;
	defaultReviewDays: number;
	hasRollback: boolean;
	/** Whether /runbooks/<id>.json is published (the config's `runbookJson`). */
	runbookJson: boolean;
}

/** One runbook's entry in /runbooks.json: identity, review state and the URL of every step. */
export function catalogEntry(id: string, runbook: Runbook, context: CatalogContext): CatalogEntry {
	const at = (path: string) => absolute(context.base, path);
	const review = runbookReview(runbook, context.defaultReviewDays, context.today);
	return {
		id,
		title: runbook.title,
		system: runbook.system,
		kind: runbookKind(runbook),
		summary: runbook.summary,
		alerts: runbook.alerts ?? [],
		alertUrls: Object.fromEntries((runbook.alerts ?? []).map((name) => [name, at(paths.alert(name))])),
		...(runbook.severity ? { severity: runbook.severity } : {}),
		...(runbook.version ? { version: runbook.version } : {}),
		owners: runbook.owners,
		tags: runbook.tags,
		...(runbook.lastReviewed ? { lastReviewed: runbook.lastReviewed } : {}),
		review: { everyDays: review.everyDays, ...(review.due ? { due: review.due } : {}), overdueAtBuild: review.overdue },
		...(runbook.formerIds?.length ? { formerIds: runbook.formerIds } : {}),
		urls: {
			page: at(paths.runbook(id)),
			...(context.hasRollback ? { rollback: at(paths.rollback(id)) } : {}),
			signoff: at(paths.signoff(id)),
			...(context.runbookJson ? { data: at(paths.data(id)) } : {}),
		},
		sections: sectionLinks(id, runbook.sections).map(({ path, rollbackPath, steps, ...section }) => ({
			...section,
			url: at(path),
			...(rollbackPath ? { rollbackUrl: at(rollbackPath) } : {}),
			steps: steps.map(({ path: stepPath, rollbackPath: stepRollback, ...step }) => ({
				...step,
				url: at(stepPath),
				...(stepRollback ? { rollbackUrl: at(stepRollback) } : {}),
			})),
		})),
	};
}

/**
 * The runbook that is a folder's own page, among a system's: the one read from the folder's index
 * file (`README.md`, `_index.md`, `index.md`) when it held more than a title and a summary; the
 * folder nearest the top when several did. A playbook's alerts (`<file>#<alert>`) are not it.
 */
export function folderPage<T extends { id: string; data: Pick<Runbook, 'source'> }>(runbooks: readonly T[]): T | undefined {
	const pages = runbooks.filter(
		({ data }) => data.source && !data.source.includes('#') && /(^|\/)(_index|index|readme)\.md$/i.test(data.source),
	);
	return pages.sort((a, b) => a.data.source!.split('/').length - b.data.source!.split('/').length || a.id.localeCompare(b.id))[0];
}
