import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { slug } from 'github-slugger';

/**
 * Wiki links, as Obsidian, Foam and wikis write them: `[[kafka-broker-down]]`,
 * `[[kafka-broker-down#Diagnosis|the broker runbook]]`, `![[lag-dashboard.png]]`. Written as the
 * Markdown links they stand for, so that links between documents are followed like any other;
 * a bare name is looked up by file name anywhere in the folder (see folder.ts).
 */
export const WIKI_LINK = /(!?)\[\[([^\]|#\n]*)(?:#([^\]|\n]*))?(?:\|([^\]\n]*))?\]\]/g;

const parser = unified().use(remarkParse);

/** Where code is (inline or fenced): a wiki link there is shown as written. */
export function codeRanges(markdown: string): [number, number][] {
	const ranges: [number, number][] = [];
	if (!markdown.includes('[[')) return ranges;
	visit(parser.parse(markdown) as Root, ['code', 'inlineCode'], (node) => {
		const { start, end } = node.position ?? {};
		if (start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
	});
	return ranges;
}

/** One wiki link as a Markdown link (or image). */
export function wikiLinkAsMarkdown(embed: string, target: string, heading: string | undefined, label: string | undefined): string {
	const name = target.trim();
	const file = !name || /\.[a-z0-9]+$/i.test(name) ? name : `${name}.md`;
	// A path in a wiki link starts at the folder's root.
	const path = file.includes('/') && !file.startsWith('/') ? `/${file}` : file;
	const anchor = heading?.trim() ? `#${slug(heading.trim())}` : '';
	const text = (label?.trim() || [name, heading?.trim()].filter(Boolean).join(' › ')).replace(/[[\]]/g, '');
	return `${embed ? '!' : ''}[${text}](<${path}${anchor}>)`;
}
