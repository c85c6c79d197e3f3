import type { Definition, ImageReference, LinkReference, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { applyEdits, type TrackedText } from './tracked-edits.ts';

/**
 * Reference-style links and images (`[the runbook][1]`, `[Grafana]`, `![graph][g]`, with
 * `[1]: ../node/NodeFilesystemSpaceFillingUp.md` further down) written as the inline links they
 * stand for, and their definitions taken out. The importer cuts a document into steps and notes,
 * and a reference cut off from its definition is plain text: "Refer to the [NodeFilesystem…][1]
 * runbook" with nothing to click. Inline, a link travels with its text, and links between documents
 * are followed like any other.
 */

const parser = unified().use(remarkParse).use(remarkGfm);
/** A line that may be a definition (a label and a colon), at the top level, in a quote or in a list item: else nothing is parsed. */
const HAS_DEFINITION = /^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\[[^\]\n]+\]:/m;

export function inlineReferenceLinks(markdown: string): TrackedText {
	if (!HAS_DEFINITION.test(markdown)) return applyEdits(markdown, []);
	const tree = parser.parse(markdown) as Root;
	const definitions = new Map<string, Definition>();
	const edits: Edit[] = [];
	visit(tree, 'definition', (node: Definition) => {
		// The first definition of a label wins, as in CommonMark.
		if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
		// Its text goes; its line stays, empty (in a quote or a list, the line's marker stays with it).
		edits.push({ ...span(node), text: '' });
	});
	const references: Edit[] = [];
	visit(tree, ['linkReference', 'imageReference'], (node) => {
		const reference = node as LinkReference | ImageReference;
		const definition = definitions.get(reference.identifier);
		if (!definition) return;
		const target = destination(definition);
		if (reference.type === 'imageReference') {
			references.push({ ...span(reference), text: `![${escapeLabel(reference.alt ?? '')}](${target})` });
			return;
		}
		const children = reference.children as Nodes[];
		const label = children.length ? { start: span(children[0]!).start, end: span(children.at(-1)!).end } : undefined;
		references.push({ ...span(reference), text: '', label, target });
	});
	// A link's label may hold an image reference (a badge): written inline inside the link's text.
	for (const reference of references) {
		if (reference.target === undefined) continue;
		const { label } = reference;
		const inside = label ? references.filter((other) => other !== reference && other.start >= label.start && other.end <= label.end) : [];
		const text = label
			? applyEdits(
					markdown.slice(label.start, label.end),
					inside.map((other) => ({ ...other, start: other.start - label.start, end: other.end - label.start })),
				).text
			: '';
		reference.text = `[${text}](${reference.target})`;
		for (const other of inside) other.nested = true;
	}
	edits.push(...references.filter((reference) => !reference.nested));
	edits.sort((a, b) => a.start - b.start);
	return applyEdits(markdown, edits);
}

interface Edit {
	start: number;
	end: number;
	text: string;
	/** A link's text, written again with the references inside it inline. */
	label?: { start: number; end: number } | undefined;
	target?: string;
	nested?: boolean;
}

function span(node: Nodes): { start: number; end: number } {
	return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/** A destination as an inline link writes it: in angle brackets when it holds spaces or parentheses. */
function destination({ url, title }: Definition): string {
	const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>\n]/g, encodeURIComponent)}>` : url;
	return title ? `${target} "${title.replace(/(["\\])/g, '\\$1')}"` : target;
}

function escapeLabel(text: string): string {
	return text.replace(/([[\]\\])/g, '\\$1');
}
