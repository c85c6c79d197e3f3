import type { Html, Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isPlainInline } from '../model/text.ts';
import { rehypeVariables } from './rehype-variables.ts';
import { rehypeBaseLinks } from './base-links.ts';
import { rehypeCallouts } from './callouts.ts';
import { remarkInlineHtml } from './inline-html.ts';
import { basePath } from '../model/paths.ts';

/**
 * Runbook text comes from files anyone may edit or import, so raw HTML in it is shown as text,
 * never interpreted (but for a few bare tags read as Markdown's own nodes: inline-html.ts), and the result is sanitised (no script, no event handlers, no javascript:
 * URLs) before it reaches a page.
 */
function remarkHtmlAsText() {
	return (tree: Root) => {
		visit(tree, 'html', (node: Html, index, parent) => {
			if (!parent || index === undefined) return;
			parent.children.splice(index, 1, { type: 'text', value: node.value });
		});
	};
}

const processor = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkInlineHtml)
	.use(remarkHtmlAsText)
	.use(remarkRehype)
	.use(rehypeSanitize)
	// After sanitising: the elements it adds are Runsheet's own, with the value as text only.
	.use(rehypeVariables)
	.use(rehypeCallouts)
	// Links between runbooks are written from the site's root; a site under a sub-path gets its base.
	.use(rehypeBaseLinks, { base: basePath() })
	.use(rehypeStringify)
	.freeze();

const cache = new Map<string, string>();

/** Block Markdown (notes: prose, lists, tables, quotes) to safe HTML. */
export function renderMarkdown(markdown: string): string {
	const cached = cache.get(markdown);
	if (cached !== undefined) return cached;
	const html = String(processor.processSync(markdown));
	cache.set(markdown, html);
	return html;
}

/** Inline Markdown (step text: code, bold, links) to safe HTML without a wrapping paragraph. */
export function renderInline(markdown: string): string {
	// Text with nothing for Markdown to read is its own HTML (no "<" or "&" to escape).
	if (isPlainInline(markdown)) return markdown.trim();
	const html = renderMarkdown(markdown).trim();
	const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
	return single && !single[1]!.includes('<p>') ? single[1]! : html;
}
