import { describe, expect, it } from 'vitest';
import { onSheet, recordDefault, recordMeaning, releaseVariable, sheetHeader, signsPart } from '../../../src/model/sheet.ts';

describe('sign-off sheets', () => {
	it('print a section with steps, a description, contacts or such a sub-section, not prose alone', () => {
		expect(onSheet({ steps: [{}] })).toBe(true);
		expect(onSheet({ description: 'Before you start' })).toBe(true);
		// Contacts print once, in the sheet's own block: a section of contacts alone is no part.
		expect(onSheet({ contacts: [{}] } as never)).toBe(false);
		expect(onSheet({ sections: [{}, { sections: [{ steps: [{}] }] }] })).toBe(true);
		expect(onSheet({})).toBe(false);
		expect(onSheet({ steps: [], sections: [{}] })).toBe(false);
	});
	it('say on every page which version of the runbook they are, or that it has none', () => {
		expect(sheetHeader('Payments deploy', '1.2.0')).toBe('Payments deploy · version 1.2.0');
		expect(sheetHeader('etcdMembersDown', undefined)).toBe('etcdMembersDown · unversioned');
	});
});

describe('the record a sheet prints', () => {
	it('finds the release being deployed among the values, by the names teams give it', () => {
		expect(releaseVariable([{ name: 'DOMAIN' }, { name: 'VERSION' }, { name: 'PREVIOUS_VERSION' }])).toBe('VERSION');
		expect(releaseVariable([{ name: 'TAG' }, { name: 'RELEASE_VERSION' }])).toBe('RELEASE_VERSION');
		expect(releaseVariable([{ name: 'PREVIOUS_VERSION' }])).toBeUndefined();
		expect(releaseVariable(undefined)).toBeUndefined();
	});
	it('reads what each record field means, so the run can fill in only what it honestly knows', () => {
		const meaning = (label: string, type = 'text') => recordMeaning({ label, type });
		expect(meaning('Deployment Date', 'date')).toBe('date');
		expect(meaning('Deployed By')).toBe('by');
		expect(meaning('Deployment By')).toBe('by');
		expect(meaning('Release version')).toBe('release');
		expect(meaning('Version')).toBe('release');
		expect(meaning('Status', 'choice')).toBe('status');
		expect(meaning('Notes', 'lines')).toBe('other');
		const run = { day: '2026-12-01', operator: 'AB', release: '1.4.0' };
		expect(['date', 'by', 'release', 'status', 'other'].map((m) => recordDefault(m as never, run))).toEqual([
			'2026-12-01',
			'AB',
			'1.4.0',
			undefined,
			undefined,
		]);
	});
	it('asks a part printed alone to be signed by the roles tied to it, else by the first role only', () => {
		const roles = [{ title: 'Lead' }, { title: 'Security' }, { title: 'DBA', parts: ['database', 'rollback'] }];
		const signers = (part?: string) => roles.filter((role, i) => signsPart(role, i, part)).map((r) => r.title);
		expect(signers()).toEqual(['Lead', 'Security', 'DBA']);
		expect(signers('rollback')).toEqual(['Lead', 'DBA']);
		expect(signers('deploy')).toEqual(['Lead']);
	});
});
