import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/model/text.ts';
import { renderInline } from '../../../src/render/markdown.ts';

/** What the page shows of inline HTML, as text: the rendered HTML without its tags, entities decoded. */
const shown = (markdown: string) =>
	renderInline(markdown)
		.replace(/<[^>]+>/g, '')
		.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.trim();

describe('the plain text of inline Markdown (headings, labels, the contents, the JSON catalog)', () => {
	const cases = [
		'Backup & **Rollback** `<tag>`',
		'Check [the dashboard](https://example.com/d?a=1&b=2) and _then_ ~~wait~~ go',
		'Run <script>alert(1)</script> as text',
		'Escaped \\*stars\\* and &amp; entities &copy;',
		'kubectl -n `{{$NAMESPACE}}` get pod {{POD}}',
		'A line  \nbreak',
	];
	for (const markdown of cases) {
		it(`is what the page shows: ${JSON.stringify(markdown)}`, () => expect(plainText(markdown)).toBe(shown(markdown)));
	}
	it('reads a variable as a page without values shows it, and an image as nothing', () => {
		expect(plainText('Get `{{$POD}}` for {{VERSION}} ![graph](g.png)')).toBe('Get $POD for {{VERSION}}');
	});
});
