import { describe, expect, it } from 'vitest';
import { listsSystems, systemPages } from '../../../src/model/system-pages.ts';

describe('system pages', () => {
	it('come from the configured number of runbooks on, not before', () => {
		expect(listsSystems(999, 1000)).toBe(false);
		expect(listsSystems(1000, 1000)).toBe(true);
		expect(listsSystems(5, 2)).toBe(true);
	});
	it('are one per slug, holding every system whose name gives it, in order', () => {
		expect(systemPages(['Payments', 'CI', 'ci', 'Payments', '!!!'])).toEqual([
			{ slug: 'payments', systems: ['Payments'] },
			{ slug: 'ci', systems: ['CI', 'ci'] },
			{ slug: 'other', systems: ['!!!'] },
		]);
	});
});
