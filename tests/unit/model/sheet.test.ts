import { describe, expect, it } from 'vitest';
import { onSheet, sheetHeader } from '../../../src/model/sheet.ts';

describe('sign-off sheets', () => {
	it('print a section with steps, a description, contacts or such a sub-section, not prose alone', () => {
		expect(onSheet({ steps: [{}] })).toBe(true);
		expect(onSheet({ description: 'Before you start' })).toBe(true);
		expect(onSheet({ contacts: [{}] })).toBe(true);
		expect(onSheet({ sections: [{}, { sections: [{ steps: [{}] }] }] })).toBe(true);
		expect(onSheet({})).toBe(false);
		expect(onSheet({ steps: [], sections: [{}] })).toBe(false);
	});
	it('say on every page which version of the runbook they are, or that it has none', () => {
		expect(sheetHeader('Payments deploy', '1.2.0')).toBe('Payments deploy · version 1.2.0');
		expect(sheetHeader('etcdMembersDown', undefined)).toBe('etcdMembersDown · unversioned');
	});
});
