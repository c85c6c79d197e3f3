import { addDays, runbookReview } from '../../review.ts';
import type { LintContext } from '../context.ts';
import type { RawFinding } from '../types.ts';

/** How far ahead a coming review is announced. */
export const DUE_SOON_DAYS = 30;

/** Someone answers for the runbook, and someone checks it against reality on time. */
export function ownership(context: LintContext): RawFinding[] {
	const { runbook, today } = context;
	const findings: RawFinding[] = [];
	if (!runbook.owners.length)
		findings.push({
			rule: 'missing-owner',
			path: ['owners'],
			message: 'no owner: nobody is asked when this runbook is wrong',
			fix: 'add `owners: ["Payments on-call"]` (a team, or people)',
		});
	const review = runbookReview(runbook, context.reviewEveryDays, today);
	if (!runbook.lastReviewed)
		findings.push({
			rule: 'review-overdue',
			path: ['lastReviewed'],
			message: 'never reviewed: nobody has checked it against the system since it was written or imported',
			fix: `walk through it against the system, then set \`lastReviewed: ${today}\``,
		});
	else if (review.overdue)
		findings.push({
			rule: 'review-overdue',
			path: ['lastReviewed'],
			message: `the review was due on ${review.due} (every ${review.everyDays} days since ${runbook.lastReviewed})`,
			fix: `walk through it against the system, then set \`lastReviewed: ${today}\``,
		});
	else if (review.due && review.due <= addDays(today, DUE_SOON_DAYS))
		findings.push({
			rule: 'review-due-soon',
			path: ['lastReviewed'],
			message: `the review falls due on ${review.due}, within ${DUE_SOON_DAYS} days`,
			fix: 'plan the review with the owners before then',
		});
	return findings;
}
