import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isPlainInline, plainText } from '../../../src/model/text.ts';
import { renderInline, renderMarkdown } from '../../../src/render/markdown.ts';
import { PROMETHEUS_CORPUS } from '../../support/fixtures.ts';

const CORPUS = PROMETHEUS_CORPUS;

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

describe('text with nothing for Markdown to read skips the parser', () => {
	// Every line of real runbooks (the bundled ones, the public corpus) and lines written to be
	// close calls: for each one taken as plain, Markdown itself must read one paragraph of exactly
	// that text, so skipping the parser changes nothing on any page.
	const parse = unified().use(remarkParse).use(remarkGfm);
	const readsAsItself = (line: string) => {
		const root = parse.parse(line) as Root;
		const paragraph = root.children[0];
		return (
			root.children.length === 1 &&
			paragraph?.type === 'paragraph' &&
			paragraph.children.length === 1 &&
			paragraph.children[0]!.type === 'text' &&
			paragraph.children[0].value === line.trim()
		);
	};
	const files = [
		...readdirSync('content/runbooks', { recursive: true, encoding: 'utf8' }).map((f) => join('content/runbooks', f)),
		...readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).map((f) => join(CORPUS, f)),
	].filter((f) => /\.(ya?ml|md)$/.test(f));
	const lines = new Set<string>();
	for (const file of files) {
		for (const raw of readFileSync(file, 'utf8').split('\n')) {
			// A YAML value or a Markdown line, as a step text or title would hold it.
			const line = raw.replace(/^\s*(?:- )?(?:[A-Za-z]+: )?/, '').replace(/^"(.*)"$/, '$1');
			if (line.trim()) lines.add(line);
		}
	}
	const close = [
		'Restart the pods',
		'Check the "payments" queue (it drains in 5 minutes)',
		'see www.example.com for the status',
		'open https://example.com',
		'mail oncall@example.com',
		'1. first',
		'2) second',
		'- a bullet',
		'+ a bullet',
		'# heading',
		'    indented code',
		'Set {{VERSION}}',
		'R&D approves',
		'a <b> tag',
		'~~struck~~',
		'a | table | row',
		'Note: trailing spaces  ',
		'Ends with a backslash\\',
		'Use the [link]',
		'An *emphasis*',
		'an _underscore_',
		'Bang! image',
	];

	it('takes most lines of real runbooks as plain', () => {
		const plain = [...lines].filter(isPlainInline).length;
		expect(plain / lines.size).toBeGreaterThan(0.3);
	});
	for (const [name, set] of [
		['real runbooks', [...lines]],
		['close calls', close],
	] as const) {
		it(`takes a line as plain only when Markdown reads it as itself: ${name}`, () => {
			const wrong = set.filter((line) => isPlainInline(line) && !readsAsItself(line));
			expect(wrong).toEqual([]);
		});
	}
	it('gives the same page text and HTML as the parser for plain lines', () => {
		for (const line of close.filter(isPlainInline)) {
			expect(renderInline(line)).toBe(
				renderMarkdown(line)
					.trim()
					.replace(/^<p>|<\/p>$/g, ''),
			);
			expect(plainText(line)).toBe(line.trim());
		}
	});
	it('leaves the close calls with markup to the parser', () => {
		expect(close.filter(isPlainInline)).toEqual([
			'Restart the pods',
			'Check the "payments" queue (it drains in 5 minutes)',
			'Note: trailing spaces  ',
		]);
	});
});
