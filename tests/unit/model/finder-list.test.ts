import { describe, expect, it } from 'vitest';
import { rowsToShow } from '../../../src/model/finder-list.ts';

const ids = (shown: boolean[]) => shown.flatMap((show, i) => (show ? [i] : []));

describe('the rollback finder’s list', () => {
	it('shows every row that passes when not capped', () => {
		expect(ids(rowsToShow([true, false, true, true]))).toEqual([0, 2, 3]);
	});

	it('shows at most so many, in the list’s order', () => {
		const passes = Array.from({ length: 250 }, (_, i) => i % 2 === 0);
		expect(ids(rowsToShow(passes, { atMost: 100 }))).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
	});

	it('keeps the rows holding a step hit, however far down, and fills the rest in order', () => {
		const passes = Array.from({ length: 300 }, () => true);
		const shown = ids(rowsToShow(passes, { atMost: 5, first: new Set([250, 3]) }));
		expect(shown).toEqual([0, 1, 2, 3, 250]);
	});

	it('never shows a row that does not pass, even one asked for first', () => {
		expect(ids(rowsToShow([false, true, true], { atMost: 2, first: new Set([0]) }))).toEqual([1, 2]);
	});
});
