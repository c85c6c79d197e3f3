import { describe, expect, it } from 'vitest';
import type { StepState } from '../../../src/model/progress/run.ts';
import { countedSteps, groupMark, sheetSummary, summaryText } from '../../../src/model/sheet-summary.ts';

const done = (t: number, by?: string): StepState => ({ status: 'done', t, ...(by ? { by } : {}) });
const na = (t: number, by?: string): StepState => ({ status: 'na', t, reason: 'no CDN', ...(by ? { by } : {}) });

describe('the steps a filled sheet counts', () => {
	it('are those without sub-steps, at any depth, as the runbook page counts them; options’ steps are not', () => {
		const steps = [
			{ id: 'a' },
			{ id: 'group', steps: [{ id: 'b' }, { id: 'inner', steps: [{ id: 'c' }, { id: 'd' }] }] },
			{ id: 'pick', alternatives: [{ steps: [{ id: 'opt-1' }] }, { steps: [{ id: 'opt-2' }] }] },
		];
		expect(countedSteps(steps)).toEqual(['a', 'b', 'c', 'd', 'pick']);
		expect(countedSteps(undefined)).toEqual([]);
	});
});

describe('a group row', () => {
	const leaves = ['b', 'c', 'd'];
	it('prints as done once every sub-step is done, with the last time and everyone who ticked', () => {
		const state = new Map([
			['b', done(3000, 'AB')],
			['c', done(1000, 'JD')],
			['d', done(2000, 'AB')],
		]);
		expect(groupMark(leaves, state)).toEqual({ status: 'done', t: 3000, by: ['JD', 'AB'] });
	});
	it('prints as done when the rest are N/A, and as N/A when all are', () => {
		expect(
			groupMark(
				leaves,
				new Map([
					['b', done(1000)],
					['c', na(2000, 'JD')],
					['d', na(500)],
				]),
			),
		).toEqual({
			status: 'done',
			t: 2000,
			by: ['JD'],
		});
		expect(
			groupMark(
				leaves,
				new Map([
					['b', na(1000)],
					['c', na(2000)],
					['d', na(500)],
				]),
			)?.status,
		).toBe('na');
	});
	it('prints no mark while any sub-step is open', () => {
		expect(
			groupMark(
				leaves,
				new Map([
					['b', done(1000)],
					['c', done(2000)],
				]),
			),
		).toBeUndefined();
		expect(groupMark(leaves, new Map())).toBeUndefined();
		expect(groupMark([], new Map())).toBeUndefined();
	});
});

describe('the summary line', () => {
	it('counts done, N/A and open, and who ticked how many', () => {
		const state = new Map([
			['a', done(1, 'JD')],
			['b', done(2, 'AB')],
			['c', na(3, 'JD')],
			['d', done(4)],
			['x', done(5, 'ZZ')],
		]);
		const summary = sheetSummary(['a', 'b', 'c', 'd', 'e', 'f'], state);
		expect(summary).toEqual({
			done: 3,
			na: 1,
			open: 2,
			by: [
				{ initials: 'JD', steps: 2 },
				{ initials: 'AB', steps: 1 },
			],
			anonymous: 1,
		});
		expect(summaryText(summary)).toBe('3 done · 1 N/A · 2 open, of 6 steps · ticked by JD (2), AB (1), no initials (1)');
	});
	it('says nothing of who when nothing is ticked', () => {
		expect(summaryText(sheetSummary(['a'], new Map()))).toBe('0 done · 0 N/A · 1 open, of 1 step');
	});
});
