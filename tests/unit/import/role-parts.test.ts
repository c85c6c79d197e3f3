import { describe, expect, it } from 'vitest';
import { proposeRoleParts } from '../../../src/import/role-parts.ts';

describe('roles tied to parts', () => {
	it('are proposed from the words a role and a part share, not from words every position has, and never for the lead', () => {
		const parts = [
			{ id: 'pre-deployment', title: 'Pre-Deployment Checklist' },
			{ id: 'database-migration', title: 'Database Migration' },
			{ id: 'security-hardening', title: 'Security Hardening' },
			{ id: 'sign-off', title: 'Sign-Off' },
		];
		const roles = proposeRoleParts(
			[
				{ id: 'security-lead', title: 'Security Lead' },
				{ id: 'deployment-manager', title: 'Deployment Manager' },
				{ id: 'dba', title: 'Database Admin' },
				{ id: 'security-review', title: 'Security Review' },
				{ id: 'product-owner', title: 'Product Owner' },
			],
			parts,
		);
		expect(roles).toEqual([
			{ id: 'security-lead', title: 'Security Lead' },
			{ id: 'deployment-manager', title: 'Deployment Manager' },
			{ id: 'dba', title: 'Database Admin', parts: ['database-migration'] },
			{ id: 'security-review', title: 'Security Review', parts: ['security-hardening'] },
			{ id: 'product-owner', title: 'Product Owner' },
		]);
	});
});
