import type { Definition, Image, Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Links inside Markdown text, rewritten one by one: the rest of the text stays as written (no
 * re-formatting), only each destination changes, or a link whose target is gone gives way to
 * its text.
 */

/** What to do with one link: write another destination, or keep only its text. */
export type LinkDecision = { url: string } | { drop: true } | undefined;

const parser = unified().use(remarkParse).use(remarkGfm);

/** Whether a destination leaves the site (`https:`, `mailto:`, `//host`): never rewritten. */
export function isExternal(url: string): boolean {
	return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

export function rewriteMarkdownLinks(markdown: string, decide: (url: string) => LinkDecision): string {
	if (!markdown.includes('](') && !/^\s*\[[^\]]+\]:/m.test(markdown)) return markdown;
	const tree = parser.parse(markdown) as Root;
	const edits: { start: number; end: number; text: string }[] = [];
	visit(tree, ['link', 'image', 'definition'], (node) => {
		const target = node as Link | Image | Definition;
		const decision = decide(target.url);
		if (!decision) return;
		const start = target.position!.start.offset!;
		const end = target.position!.end.offset!;
		const source = markdown.slice(start, end);
		if ('drop' in decision) {
			// A link's text, an image's description; a definition nobody can follow goes.
			const text = target.type === 'link' ? textOf(markdown, target) : target.type === 'image' ? (target.alt ?? '') : '';
			edits.push({ start, end, text });
			return;
		}
		// The destination is written after "](" (links, images) or "]:" (definitions), maybe in <>.
		const after = target.type === 'definition' ? source.indexOf(']:') + 2 : source.lastIndexOf('](') + 2;
		const written = [target.url, `<${target.url}>`, encodeURI(target.url)]
			.map((form) => ({ form, at: source.indexOf(form, after) }))
			.find((f) => f.at >= after);
		if (!written) return;
		const url = written.form.startsWith('<') ? `<${decision.url}>` : decision.url;
		edits.push({ start: start + written.at, end: start + written.at + written.form.length, text: url });
	});
	return edits
		.sort((a, b) => b.start - a.start)
		.reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), markdown);
}

function textOf(markdown: string, link: Link): string {
	const first = link.children[0]?.position?.start.offset;
	const last = link.children.at(-1)?.position?.end.offset;
	return first === undefined || last === undefined ? '' : markdown.slice(first, last);
}
