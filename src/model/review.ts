/** Review dates are plain calendar dates (YYYY-MM-DD), compared in UTC so every reader agrees. */

const DAY = 86_400_000;

export interface ReviewStatus {
	/** The date the next review is due; none for a runbook never reviewed (an import, until someone checks it). */
	due?: string;
	overdue: boolean;
	everyDays: number;
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function isoDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}

/** Due `everyDays` after the last review; overdue from the due date on. */
export function reviewStatus(lastReviewed: string, everyDays: number, today: string): ReviewStatus {
	const due = addDays(lastReviewed, everyDays);
	return { due, overdue: today >= due, everyDays };
}

/** A runbook's review: its own interval, or the site's default. Never reviewed: nothing is due yet, and it says so. */
export function runbookReview(
	runbook: { lastReviewed?: string | undefined; reviewEveryDays?: number | undefined },
	defaultDays: number,
	today: string,
): ReviewStatus {
	const everyDays = runbook.reviewEveryDays ?? defaultDays;
	return runbook.lastReviewed ? reviewStatus(runbook.lastReviewed, everyDays, today) : { overdue: false, everyDays };
}

/** What the page and the catalog say where a runbook does not know its own version. */
export const UNVERSIONED = 'unversioned';
/** … and where it was never reviewed. */
export const NOT_REVIEWED = 'not reviewed yet';
