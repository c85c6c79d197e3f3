import { describe, expect, it } from 'vitest';
import { paths, systemAnchor } from '../../../src/model/paths.ts';
import { listsSystems, partRange, systemPages, systemPartParam, systemParts } from '../../../src/model/system-pages.ts';

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
	it('hold a system’s runbooks in pages of the size given, the last with the rest, and one page for a system of none', () => {
		expect(systemParts(250, 100)).toEqual([
			{ part: 1, parts: 3, from: 0, to: 100 },
			{ part: 2, parts: 3, from: 100, to: 200 },
			{ part: 3, parts: 3, from: 200, to: 250 },
		]);
		expect(systemParts(100, 100)).toEqual([{ part: 1, parts: 1, from: 0, to: 100 }]);
		expect(systemParts(0, 100)).toEqual([{ part: 1, parts: 1, from: 0, to: 0 }]);
	});
	it('keep the system’s address for its first page and number the next', () => {
		expect(systemPartParam('payments', 1)).toBe('payments');
		expect(systemPartParam('payments', 2)).toBe('payments/2');
		expect(paths.systemPage('payments', 1)).toBe(paths.systemPage('payments'));
		expect(paths.systemPage('payments', 3)).toMatch(/\/systems\/payments\/3\/?$/);
	});
	it('say which runbooks a page lists, one or several', () => {
		expect(partRange({ from: 100, to: 200 }, 473)).toBe('Runbooks 101 to 200 of 473');
		expect(partRange({ from: 1, to: 2 }, 2)).toBe('Runbook 2 of 2');
		expect(partRange({ from: 400, to: 473 })).toBe('Runbooks 401 to 473');
		expect(partRange({ from: 1200, to: 1300 }, 4711)).toBe('Runbooks 1,201 to 1,300 of 4,711');
	});
});
