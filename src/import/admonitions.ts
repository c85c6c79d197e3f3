import type { Paragraph, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * MkDocs (Material) admonitions, `!!! danger "Before expanding"` over a block indented by four
 * spaces, as the callout quotes the pages render (`> [!danger] Before expanding`, see
 * src/render/callouts.ts). Markdown itself reads the indented block as code: a warning would
 * become a command to copy.
 */

/** The marker line and the indented or blank lines under it. */
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z]+)(?:[ \t]+"([^"]*)")?[ \t]*\n((?:(?: {4}|\t)[^\n]*(?:\n|$)|[ \t]*\n)*)/gm;

const parser = unified().use(remarkParse);

/** Where admonitions start: only where a paragraph starts, never inside a code block. */
export function admonitionStarts(markdown: string): Set<number> {
	const starts = new Set<number>();
	if (!/^(?:!!!|\?\?\?)/m.test(markdown)) return starts;
	visit(parser.parse(markdown) as Root, 'paragraph', (node: Paragraph) => {
		const at = node.position?.start.offset;
		if (at !== undefined && /^(?:!!!|\?\?\?)/.test(markdown.slice(at, at + 3))) starts.add(at);
	});
	return starts;
}

/** One admonition as a callout quote; the blank lines after it stay, so what follows is apart. */
export function admonitionAsCallout(type: string, title: string | undefined, body: string): string {
	const trailing = /\n*$/.exec(body)![0];
	const lines = body
		.slice(0, body.length - trailing.length)
		.split('\n')
		.map((line) => line.replace(/^(?: {4}|\t)/, ''));
	const head = `> [!${type}]${title?.trim() ? ` ${title.trim()}` : ''}`;
	// A blank line after it at least: a line right under a quote would continue it.
	return `${[head, ...lines.map((line) => (line.trim() ? `> ${line}` : '>'))].join('\n')}${'\n'.repeat(Math.max(2, trailing.length))}`;
}

export { ADMONITION };
