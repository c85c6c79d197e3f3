import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Callouts as teams write them in Markdown: GitHub's alerts and Obsidian's callouts, a quote whose
 * first line is a marker (`> [!WARNING]`, `> [!danger] Before expanding`). The importer turns
 * MkDocs admonitions (`!!! danger "Title"`) into the same form. On a page they must read as a
 * warning, not as a quote that starts with "[!WARNING]": the text a responder must not miss.
 */

export type CalloutVariant = 'note' | 'tip' | 'important' | 'caution' | 'danger';

/** The marker's word (GitHub's five, Obsidian's and MkDocs' types) to a variant and its label. */
const TYPES: Record<string, CalloutVariant> = {
	note: 'note',
	info: 'note',
	abstract: 'note',
	summary: 'note',
	todo: 'note',
	question: 'note',
	help: 'note',
	faq: 'note',
	example: 'note',
	quote: 'note',
	cite: 'note',
	tip: 'tip',
	hint: 'tip',
	success: 'tip',
	check: 'tip',
	done: 'tip',
	important: 'important',
	warning: 'caution',
	caution: 'caution',
	attention: 'caution',
	danger: 'danger',
	error: 'danger',
	failure: 'danger',
	fail: 'danger',
	missing: 'danger',
	bug: 'danger',
};

// GitHub's CAUTION is its strongest (red); Obsidian's and MkDocs' caution is a warning's synonym.
const GITHUB_CAUTION = 'CAUTION';

const MARKER = /^\s*\[!([A-Za-z]+)\][+-]?[ \t]*([^\n]*)(?:\n|$)/;

/** What a quote's first line says it is, or undefined for a plain quote. */
export function calloutOf(firstLine: string): { variant: CalloutVariant; title: string; rest: string } | undefined {
	const match = MARKER.exec(firstLine);
	if (!match) return undefined;
	const word = match[1]!;
	const variant = word === GITHUB_CAUTION ? 'danger' : TYPES[word.toLowerCase()];
	if (!variant) return undefined;
	const title = match[2]!.trim() || word[0]!.toUpperCase() + word.slice(1).toLowerCase();
	return { variant, title, rest: firstLine.slice(match[0].length) };
}

const isElement = (node: ElementContent | undefined, tag: string): node is Element => node?.type === 'element' && node.tagName === tag;

/**
 * Rehype: `<blockquote><p>[!WARNING] …` to `<div class="rs-callout rs-callout--caution" role="note">` with
 * a title. Runs after sanitising: the element and classes it adds are Runsheet's own, the title is
 * text, and the quote's content stays as sanitised.
 */
export function rehypeCallouts() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'blockquote' || !parent || index === undefined) return;
			const first = node.children.find((child) => child.type === 'element');
			if (!isElement(first, 'p')) return;
			const lead = first.children[0];
			if (lead?.type !== 'text') return;
			const callout = calloutOf(lead.value);
			if (!callout) return;
			const rest: ElementContent[] = callout.rest
				? [{ type: 'text', value: callout.rest } satisfies Text, ...first.children.slice(1)]
				: first.children.slice(1);
			// A line break right after the marker line starts the body: it is not part of it.
			while (rest[0] && (isElement(rest[0], 'br') || (rest[0].type === 'text' && !rest[0].value.trim()))) rest.shift();
			// What followed the marker's paragraph, and the rest of that paragraph first.
			const body = node.children.slice(node.children.indexOf(first) + 1);
			if (rest.length) body.unshift({ ...first, children: rest }, { type: 'text', value: '\n' });
			const aside: Element = {
				type: 'element',
				tagName: 'div',
				// A note, not an aside: inside the page's main landmark it is part of the text, read
				// in order, its title first.
				properties: { className: ['rs-callout', `rs-callout--${callout.variant}`], role: 'note' },
				children: [
					{
						type: 'element',
						tagName: 'p',
						properties: { className: ['rs-callout-title'] },
						children: [{ type: 'text', value: callout.title }],
					},
					{ type: 'text', value: '\n' },
					...body,
				],
			};
			parent.children[index] = aside;
		});
	};
}
