/** What a runbook's review says: when it falls due, and whether that day has passed. */
interface Reviewed {
	review: { due?: string; overdue: boolean };
}

/**
 * The reviews the catalog lists, by due date: every reviewed runbook (the page shows the overdue
 * ones, its script the others once their day comes, as the site may not be rebuilt daily). On a
 * site that lists systems (model/system-pages.ts) the `atMost` longest overdue and the `atMost`
 * next to fall due: at 10,000 runbooks, 6,000 of them overdue, the list alone was 1.6 MB of the
 * catalog. Each system's page gives every runbook's review.
 */
export function reviewsListed<T extends Reviewed>(runbooks: readonly T[], bySystem?: { atMost: number }): T[] {
	const due = runbooks.filter((r) => r.review.due).sort((a, b) => a.review.due!.localeCompare(b.review.due!));
	if (!bySystem) return due;
	const { atMost } = bySystem;
	return [...due.filter((r) => r.review.overdue).slice(0, atMost), ...due.filter((r) => !r.review.overdue).slice(0, atMost)];
}
