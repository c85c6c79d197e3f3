import { gunzipSync } from 'node:zlib';
import { addAttribute } from 'astro/runtime/server/index.js';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindFilter, searchFilterValue } from '../../../src/model/search-filters.ts';

afterAll(() => pagefind.close());

/**
 * The filters Pagefind's own indexer keeps of a page whose `<dd>`s carry `data-pagefind-filter`
 * as components/MetaItem.astro writes it (Astro's own attribute rendering), one per name.
 */
async function indexedFilters(names: readonly string[]): Promise<Record<string, string[]>> {
	const { index } = await pagefind.createIndex({});
	if (!index) throw new Error('Pagefind did not start');
	const items = names.map((name) => `<dd${addAttribute(pagefindFilter('system', name), 'data-pagefind-filter')}>${name}</dd>`).join('');
	await index.addHTMLFile({
		url: '/a/',
		content: `<!doctype html><html lang="en"><body><main><h1>A</h1><dl>${items}</dl></main></body></html>`,
	});
	const { files } = await index.getFiles();
	const fragment = files!.find((file) => file.path.startsWith('fragment/'))!;
	// A fragment: gzip of "pagefind_dcd" and the page's JSON.
	const data = JSON.parse(gunzipSync(fragment.content).subarray('pagefind_dcd'.length).toString('utf8')) as {
		filters: Record<string, string[]>;
	};
	await index.deleteIndex();
	return data.filters;
}

describe('filter values in the search index', () => {
	it('are escaped, so that Pagefind’s search box, which draws them as HTML, shows them as text', () => {
		expect(searchFilterValue('Sys<img src=x onerror=alert(1)>')).toBe('Sys&lt;img src=x onerror=alert(1)&gt;');
		expect(searchFilterValue('R&D "core" it\'s')).toBe('R&amp;D &quot;core&quot; it&#39;s');
		expect(searchFilterValue('  Payments \n API ')).toBe('Payments API');
		expect(searchFilterValue('YogaFlow')).toBe('YogaFlow');
	});

	it('are what Pagefind’s indexer keeps of the page, markup or entities written as text included', async () => {
		const names = [
			'Sys<img src=x onerror=alert(1)>',
			// Entities written as text: Pagefind decodes filter values twice, which made markup of these.
			'Sys&lt;img src=x onerror=alert(2)&gt;',
			'R&D "core" it\'s',
			'Payments  API',
			'A, B: c[d]',
		];
		const kept = (await indexedFilters(names)).system!;
		expect([...kept].sort()).toEqual(names.map(searchFilterValue).sort());
		for (const value of kept) expect(value).not.toMatch(/[<>]/);
	});
});
