import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fillTemplate } from '../schema/template.ts';

/**
 * The plain text of inline Markdown (a step's text, a title): what a reader sees of it, for
 * headings, labels, the table of contents, link texts and the JSON catalog. Raw HTML counts as
 * its text (pages show it as text too); images count for nothing (a page shows a picture, not
 * words); a `{{NAME}}` reads as it does on a page without values (`{{NAME}}`, or `$NAME` for a
 * shell variable).
 */
const parser = unified().use(remarkParse).use(remarkGfm);

function textOf(node: Nodes): string {
	switch (node.type) {
		case 'text':
		case 'inlineCode':
		case 'html':
			return node.value;
		case 'break':
			return '\n';
		case 'image':
		case 'imageReference':
		case 'definition':
			return '';
		default:
			if (!('children' in node)) return '';
			// Blocks (paragraphs, list items) on lines of their own, as a page sets them.
			return node.children
				.map((child) => textOf(child as Nodes))
				.join(node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' ? '\n' : '');
	}
}

/**
 * True when Markdown cannot read anything but the text itself in `markdown`: one line, no
 * character that starts or ends markup (emphasis, code, links, HTML, entities, escapes, tables,
 * `{{NAME}}`), no list or heading marker in front, nothing GFM would make a link of. Most step
 * texts are such; for them the parser is skipped (it was 5 % of a build's rendering time).
 */
export function isPlainInline(markdown: string): boolean {
	return /^[^\\`*_[\]<>&!~|{}#\n\r\t]*$/.test(markdown) && /^[\p{L}("']/u.test(markdown) && !/www\.|:\/\/|@/i.test(markdown);
}

// Asked for several times per step (text, labels, sheets, links): 1.4 s of a 1,000-runbook build
// before it was kept.
const cache = new Map<string, string>();

export function plainText(markdown: string): string {
	if (isPlainInline(markdown)) return markdown.trim();
	let text = cache.get(markdown);
	if (text === undefined) cache.set(markdown, (text = fillTemplate(textOf(parser.parse(markdown) as Root).trim(), () => undefined)));
	return text;
}
