import type { Nodes, Parent, Root, RootContent } from 'mdast';

/**
 * The few HTML tags Markdown writers lean on, drawn as what they are: `<br>` a line break,
 * `<kbd>Ctrl</kbd>`, `<sup>`, `<sub>` around text, and `<details><summary>Title</summary>` over
 * a block. Only bare tags (no attributes) are read, and read into Markdown's own nodes, never as
 * HTML; any other HTML is shown as the text it is. The sanitiser still runs after.
 */

/**
 * Inline tags read when bare: an opening and a closing tag in the same paragraph. Only those Markdown
 * has no way to write; `<b>` stays text, as any other HTML in runbook data does.
 */
const INLINE = new Set(['kbd', 'sup', 'sub']);
const BREAK = /^<br\s*\/?>$/i;
const OPEN = /^<([a-z]+)>$/i;
const CLOSE = /^<\/([a-z]+)>$/i;
const DETAILS_OPEN = /^<details(?:\s+open)?>\s*(?:<summary>([^<]*)<\/summary>)?\s*$/i;
const DETAILS_CLOSE = /^<\/details>$/i;

export function remarkInlineHtml() {
	return (tree: Root) => {
		readTagsIn(tree);
	};
}

function readTagsIn(node: Nodes): void {
	if (!('children' in node)) return;
	const parent = node as Parent;
	parent.children = readTags(parent.children);
	for (const child of parent.children) readTagsIn(child);
}

function readTags(children: RootContent[]): RootContent[] {
	const out: RootContent[] = [];
	for (let i = 0; i < children.length; i++) {
		const child = children[i]!;
		if (child.type !== 'html') {
			out.push(child);
			continue;
		}
		const value = child.value.trim();
		if (BREAK.test(value)) {
			out.push({ type: 'break' });
			continue;
		}
		const details = DETAILS_OPEN.exec(value);
		const tag = OPEN.exec(value)?.[1]?.toLowerCase();
		const close = details
			? children.findIndex((other, j) => j > i && other.type === 'html' && DETAILS_CLOSE.test(other.value.trim()))
			: tag && INLINE.has(tag)
				? children.findIndex((other, j) => j > i && other.type === 'html' && CLOSE.exec(other.value.trim())?.[1]?.toLowerCase() === tag)
				: -1;
		if (close < 0) {
			out.push(child);
			continue;
		}
		const inside = readTags(children.slice(i + 1, close));
		if (details) {
			const summary = details[1]?.trim();
			out.push(element('details', [...(summary ? [element('summary', [{ type: 'text', value: summary }])] : []), ...inside]));
		} else out.push(element(tag!, inside));
		i = close;
	}
	return out;
}

/** A node remark-rehype draws as the element named, with its children. */
function element(name: string, children: RootContent[]): RootContent {
	return { type: 'emphasis', children: children as never, data: { hName: name, hProperties: {} } } as RootContent;
}
