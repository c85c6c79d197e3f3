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
