import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normaliseSource } from '../import-checklist.ts';

/**
 * What a source document holds, read as a person reads it: its prose (headings, paragraphs, list
 * items, table cells, inline code), its code blocks, and whether it holds a procedure. It is
 * measured independently of how the importer reads the document, so that it can judge it.
 */
export interface SourceFigures {
	prose: string[];
	codeBlocks: { line: number; lang: string; value: string }[];
	/** What makes it a procedure, when it is one: the first sign found. */
	procedure?: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** A node's text as its reader sees it (an image's alt text is not). */
const text = (node: Nodes) => toString(node, { includeImageAlt: false });

/** What introduces an example or output rather than something to do. */
const SHOWS =
	/\b(?:e\.g\.|for example|for instance|examples?|output|looks? like|similar to|will (?:be )?(?:see|seen|print|printed|log|logged|show|shown|return|returned)|you should see|result is|as follows)\b/i;

const NUMBERED_HEADING = /^(?:step\s*\d+\b|\d+[.)]\s)/i;
const BOLD_STEP = /^step\s*\d+\b/i;

export function sourceFigures(markdown: string): SourceFigures {
	const tree = parser.parse(normaliseSource(markdown).text) as Root;
	const figures: SourceFigures = { prose: [], codeBlocks: [] };
	const procedure = (why: string) => (figures.procedure ??= why);
	const walk = (node: Nodes, parent?: Nodes, index = 0): void => {
		// Front matter (YAML, TOML) and raw HTML are not prose.
		if (node.type === 'html' || node.type === 'yaml' || (node.type as string) === 'toml') return;
		switch (node.type) {
			case 'code':
				figures.codeBlocks.push({ line: node.position?.start.line ?? 0, lang: node.lang ?? '', value: node.value });
				if (parent && 'children' in parent && index > 0) {
					const before = parent.children[index - 1] as Nodes;
					// A sentence that shows what something looks like ("for example:", "the output is:") introduces
					// no procedure: what follows is output or an example, never a step (issue 34).
					if (before.type === 'paragraph' && /:\s*$/.test(text(before)) && !SHOWS.test(text(before)))
						procedure('"…:" followed by a code block');
				}
				return;
			case 'text':
			case 'inlineCode':
				figures.prose.push(node.value);
				return;
			case 'heading':
				if (NUMBERED_HEADING.test(text(node))) procedure(`numbered heading "${text(node).slice(0, 40)}"`);
				break;
			case 'strong':
				if (BOLD_STEP.test(text(node))) procedure(`bold step label "${text(node).slice(0, 40)}"`);
				break;
			case 'listItem':
				if (typeof node.checked === 'boolean') procedure('task list');
				break;
			case 'list':
				if (node.ordered && node.children.length >= 2) procedure('ordered list');
				break;
		}
		if ('children' in node) (node.children as Nodes[]).forEach((child, i) => walk(child, node, i));
	};
	walk(tree);
	return figures;
}
