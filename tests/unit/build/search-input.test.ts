import { describe, expect, it } from 'vitest';
import { indexedMarkup } from '../../../src/build/search-input.ts';

describe('what the search index reads of a page', () => {
	it('keeps headings’ ids and takes out every other element’s, the rest of the tag as it was', () => {
		const html =
			'<main data-pagefind-body><h2 id="restore">Restore</h2><ul><li><div class="rs-step-text" id="a"><p>Stop <code>api</code></p></div>' +
			'<input type="checkbox" aria-labelledby="a"><a class="rs-anchor" href="#a" aria-labelledby="_step a"></a></li></ul>' +
			'<h3 id="b">B</h3><h6 class="x" id="f">F</h6><hr id="r"><section id="c" data-id="keep" hidden></section><p title="&quot;x&quot;" id="d">x</p></main>';
		expect(indexedMarkup(html)).toBe(
			'<main data-pagefind-body><h2 id="restore">Restore</h2><ul><li><div class="rs-step-text"><p>Stop <code>api</code></p></div>' +
				'<input type="checkbox" aria-labelledby="a"><a class="rs-anchor" href="#a" aria-labelledby="_step a"></a></li></ul>' +
				'<h3 id="b">B</h3><h6 class="x" id="f">F</h6><hr><section data-id="keep" hidden></section><p title="&quot;x&quot;">x</p></main>',
		);
	});

	it('leaves text that reads like an id as it is, and a tag whose earlier value holds a ">"', () => {
		const html =
			'<p>Set id="primary" in <code>&lt;div id="q"&gt;</code> $&amp; $1</p><pre><code><span> id="x"</span></code></pre><p data-x="a > b" id="d">$& $1</p>';
		expect(indexedMarkup(html)).toBe(html);
	});

	it('returns a page without ids unchanged', () => {
		const html = '<!doctype html><html lang="en"><body><main><h1>T</h1><p>Identity is kept.</p></main></body></html>';
		expect(indexedMarkup(html)).toBe(html);
	});
});
