import { describe, expect, it } from 'vitest';
import { reviewsListed } from '../../../src/model/reviews-listed.ts';

const runbook = (id: string, due?: string, overdue = false) => ({ id, review: { due, overdue } });
const RUNBOOKS = [
	runbook('later', '2027-03-01'),
	runbook('never'),
	runbook('old', '2026-01-01', true),
	runbook('soon', '2026-12-20'),
	runbook('older', '2025-06-01', true),
	runbook('oldest', '2025-01-01', true),
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('the reviews the catalog lists', () => {
	it('are every reviewed runbook, by due date, on a site that lists every runbook', () => {
		expect(ids(reviewsListed(RUNBOOKS))).toEqual(['oldest', 'older', 'old', 'soon', 'later']);
	});
	it('are the longest overdue and the next to fall due, each at most as many as given, where the site lists systems', () => {
		expect(ids(reviewsListed(RUNBOOKS, { atMost: 2 }))).toEqual(['oldest', 'older', 'soon', 'later']);
		expect(ids(reviewsListed(RUNBOOKS, { atMost: 1 }))).toEqual(['oldest', 'soon']);
	});
});
