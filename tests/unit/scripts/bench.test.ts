import { describe, expect, it } from 'vitest';
import { checkBudgets, combineRuns, formatTable, pageScripts, type SiteResult } from '../../../scripts/lib/bench.ts';

describe('which scripts a built page loads', () => {
	const chunks: Record<string, string> = {
		'/_astro/page.js': 'import"./shared.js";import{a}from"./util.js";const lazy=()=>import("../lazy.js");',
		'/_astro/shared.js': 'export const s=1;',
		'/_astro/util.js': 'import"./shared.js";export const a=2;',
		'/_astro/lazy.js': 'export default 3;',
	};
	it('follows static imports from module scripts and inline modules, not dynamic ones', () => {
		const html =
			'<script type="module" src="/_astro/page.js"></script><script>window.x=1</script><script type="application/json" data-former-ids>{"a":"b"}</script>';
		const scripts = pageScripts(html, (path) => chunks[path]);
		expect([...scripts.files].sort()).toEqual(['/_astro/page.js', '/_astro/shared.js', '/_astro/util.js']);
		expect(scripts.inline).toEqual(['window.x=1']);
	});
});

const result = (n: number, site: SiteResult['site'], seconds: number, htmlBytes: number, extra: Partial<SiteResult> = {}): SiteResult => ({
	n,
	site,
	seconds,
	peakMb: 600,
	diskMb: 1,
	pages: n,
	htmlBytes,
	htmlGzip: htmlBytes / 8,
	jsGzip: 8000,
	indexKb: 40,
	...extra,
});

describe('budgets', () => {
	it('says plainly which are met', () => {
		const budgets = checkBudgets([
			result(5, 'runsheet', 8, 190_000, { addedJsGzip: 7000 }),
			result(5, 'starlight', 5, 87_000),
			result(100, 'runsheet', 16, 190_000),
			result(100, 'starlight', 10, 100_000),
			result(1000, 'runsheet', 400, 200_000, { addedJsGzip: 7000, peakMb: 2100 }),
			result(1000, 'starlight', 500, 400_000),
		]);
		expect(budgets.map((b) => [b.met, b.name])).toEqual([
			[true, "build time per runbook at N = 1000 ≤ 0.9 × plain Starlight's per page"],
			[false, 'build time at N = 100 < 1.5 × plain Starlight'],
			[true, 'runbook page HTML at N = 1000 ≤ 1.1 × at N = 5'],
			[true, 'JavaScript Runsheet adds to a runbook page ≤ 8 KB gzipped'],
			[false, 'peak build memory at N = 1000 < 2 GB'],
		]);
		expect(checkBudgets([result(5, 'runsheet', 1, 100), result(100, 'runsheet', 1, 111)])[0]).toMatchObject({ met: false });
		// 0.9 × is the line: 460 s for 1,000 runbooks against 500 s is 0.92.
		expect(checkBudgets([result(1000, 'runsheet', 460, 1), result(1000, 'starlight', 500, 1)])[0]).toMatchObject({ met: false });
	});
	it('prints a table with the ratio per metric and size', () => {
		const table = formatTable([result(5, 'runsheet', 8, 2048), result(5, 'starlight', 4, 1024)]);
		expect(table).toContain('| build time (s) | 5 | 8.0 | 4.0 | 2.00 |');
		expect(table).toContain('| runbook page HTML (KB) | 5 | 2.0 | 1.0 | 2.00 |');
	});
});

describe('several builds of one site', () => {
	it('keep the fastest time and the highest memory peak, and every time', () => {
		expect(
			combineRuns([
				{ seconds: 90, peakMb: 1400 },
				{ seconds: 84, peakMb: 1500 },
				{ seconds: 88, peakMb: 1450 },
			]),
		).toEqual({ seconds: 84, peakMb: 1500, runs: [90, 84, 88] });
		expect(() => combineRuns([])).toThrow();
	});
});
