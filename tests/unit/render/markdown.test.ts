import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from '../../../src/render/markdown.ts';

describe('inline Markdown from runbook data', () => {
	it('renders code, bold and links', () => {
		expect(renderInline('Set `DEBUG=False` in **production**, see [docs](https://example.com)')).toBe(
			'Set <code>DEBUG=False</code> in <strong>production</strong>, see <a href="https://example.com">docs</a>',
		);
	});
	it('shows raw HTML as text instead of interpreting it', () => {
		const html = renderInline('Run <script>alert(1)</script> and <img src=x onerror=alert(1)>');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
	});
	it('drops javascript: links', () => {
		const html = renderInline('[click](javascript:alert(1))');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('click');
	});
	it('does not add a paragraph around inline text', () => {
		expect(renderInline('plain')).toBe('plain');
	});
});

describe('block Markdown notes', () => {
	it('renders tables and quotes', () => {
		expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<table>');
		expect(renderMarkdown('> careful')).toContain('<blockquote>');
	});
	it('never lets HTML through', () => {
		expect(renderMarkdown('<div onclick="x()">hi</div>')).not.toMatch(/<div/);
	});
});

describe('callouts in notes', () => {
	it('turns a GitHub alert into a titled note, not a quote starting with its marker', () => {
		const html = renderMarkdown('> [!WARNING]\n> Never delete `/var/lib/data` by hand.');
		// Line breaks between elements do not matter.
		expect(html.replace(/\n/g, '')).toBe(
			'<div class="rs-callout rs-callout--caution" role="note"><p class="rs-callout-title">Warning</p><p>Never delete <code>/var/lib/data</code> by hand.</p></div>',
		);
	});
	it("takes a title after the marker (Obsidian's callouts, imported MkDocs admonitions)", () => {
		const html = renderMarkdown('> [!danger] Before expanding\n> Take a snapshot first.');
		expect(html).toContain('<div class="rs-callout rs-callout--danger" role="note"><p class="rs-callout-title">Before expanding</p>');
		expect(html).toContain('<p>Take a snapshot first.</p>');
		expect(html).not.toContain('[!danger]');
	});
	it("reads GitHub's CAUTION as its strongest and keeps a quote without a known marker a quote", () => {
		expect(renderMarkdown('> [!CAUTION]\n> Deletes every replica.')).toContain('rs-callout--danger');
		expect(renderMarkdown('> [!caution]\n> Slow on large tables.')).toContain('rs-callout--caution');
		expect(renderMarkdown('> [!SHRUG]\n> who knows')).toContain('<blockquote>');
		expect(renderMarkdown('> careful [!WARNING]')).toContain('<blockquote>');
	});
	it('keeps the title text only: markup in it is not interpreted', () => {
		const html = renderMarkdown('> [!NOTE] <img src=x onerror=alert(1)>\n> body');
		expect(html).not.toContain('<img');
		expect(html).toContain('rs-callout--note');
	});
});

describe('the few HTML tags Markdown writers use', () => {
	it('draws bare <br>, <kbd>, <sup> and <sub> as what they are, never as tags', () => {
		expect(renderInline('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then x<sup>2</sup> and H<sub>2</sub>O.<br />Next line')).toBe(
			'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then x<sup>2</sup> and H<sub>2</sub>O.<br>\nNext line',
		);
	});
	it('draws <details> with its <summary> over a block, in a list item too', () => {
		expect(renderMarkdown('<details>\n<summary>The old way</summary>\n\nRun `x`.\n\n</details>').replace(/\n/g, '')).toBe(
			'<details><summary>The old way</summary><p>Run <code>x</code>.</p></details>',
		);
		expect(renderMarkdown('- item\n  <details><summary>More</summary>\n\n  text\n\n  </details>').replace(/\n/g, '')).toContain(
			'<li><p>item</p><details><summary>More</summary><p>text</p></details></li>',
		);
	});
	it('shows a tag with attributes, or one never closed, as text', () => {
		const html = renderInline('<kbd onclick="steal()">x</kbd> and <sup>open');
		expect(html).toBe('&#x3C;kbd onclick="steal()">x&#x3C;/kbd> and &#x3C;sup>open');
	});
});
