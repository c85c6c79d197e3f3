/** Review dates are plain calendar dates (YYYY-MM-DD), compared in UTC so every reader agrees. */

const DAY = 86_400_000;

export interface ReviewStatus {
	/** The date the next review is due. */
	due: string;
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

/** A runbook's review: its own interval, or the site's default. */
export function runbookReview(runbook: { lastReviewed: string; reviewEveryDays?: number | undefined }, defaultDays: number, today: string): ReviewStatus {
	return reviewStatus(runbook.lastReviewed, runbook.reviewEveryDays ?? defaultDays, today);
}
