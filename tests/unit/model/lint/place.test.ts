import { describe, expect, it } from 'vitest';
import { findingPlace } from '../../../../src/model/lint/place.ts';

describe('where a finding is, as a page says it', () => {
	const runbook = {
		owners: [],
		sections: [{ id: 'restore', title: 'Restore **now**', steps: [{ id: 'stop', text: 'Stop `writes`', commands: [{ code: 'x' }] }] }],
	};
	it('the innermost step or section on the path, by id and words', () => {
		expect(findingPlace(runbook, ['sections', 0, 'steps', 0, 'commands', 0, 'code'])).toEqual({ id: 'stop', label: 'Stop writes' });
		expect(findingPlace(runbook, ['sections', 0, 'steps'])).toEqual({ id: 'restore', label: 'Restore now' });
	});
	it('nothing for the runbook itself', () => {
		expect(findingPlace(runbook, ['owners'])).toEqual({});
	});
});
