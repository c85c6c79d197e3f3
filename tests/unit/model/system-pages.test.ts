import { describe, expect, it } from 'vitest';
import { systemAnchor } from '../../../src/model/paths.ts';
import { listsSystems, systemPages } from '../../../src/model/system-pages.ts';

describe('system pages', () => {
	it('come from the configured number of runbooks on, not before', () => {
		expect(listsSystems(999, 1000)).toBe(false);
		expect(listsSystems(1000, 1000)).toBe(true);
		expect(listsSystems(5, 2)).toBe(true);
	});
	it('are one per slug, holding every system whose name gives it, in order', () => {
		expect(systemPages(['Payments', 'CI', 'ci', 'Payments'])).toEqual([
			{ slug: 'payments', systems: ['Payments'] },
			{ slug: 'ci', systems: ['CI', 'ci'] },
		]);
	});
	it('are apart for names without a Latin letter, each under a slug of its own that stays the same', () => {
		const pages = systemPages(['Платежи', '決済', 'Склад', '!!!']);
		expect(pages.map((p) => p.systems)).toEqual([['Платежи'], ['決済'], ['Склад'], ['!!!']]);
		expect(new Set(pages.map((p) => p.slug)).size).toBe(4);
		for (const { slug } of pages) expect(slug).toMatch(/^s-[0-9a-z]+$/);
		expect(systemPages(['Платежи'])[0]!.slug).toBe(pages[0]!.slug);
		// The catalog's anchors stay what they were: a contract of links already given out.
		expect(systemAnchor('Платежи')).toBe('system-other');
	});
});
