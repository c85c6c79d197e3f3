import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ImportedRunbook } from './types.ts';

/**
 * A stub left where a runbook used to be: "This alert has been moved to [X](x.md)", "Moved to
 * [X](x.md)". When the target is in the folder it answers the alert, so the stub becomes a
 * redirect to it (its id a former id of the target, its alerts the target's), never a second
 * runbook that `/alerts/<Name>/` would ask the responder to choose between.
 */

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const MOVED = /\b(?:has been |have been |was |is )?moved\s+(?:to|into|under)\b/i;
/** MOVED as it may be written, markup between the letters: what the text of a stub holds, and more. */
const MOVED_WRITTEN = /m[\W_]*o[\W_]*v[\W_]*e[\W_]*d[\W_]+(?:t[\W_]*o|i[\W_]*n[\W_]*t[\W_]*o|u[\W_]*n[\W_]*d[\W_]*e[\W_]*r)(?![a-z0-9])/i;
/** Beyond this many words besides its title, a document says more than where it went. */
const STUB_WORDS = 40;

/** The link a stub points to, or undefined when the document is more than a "moved to" note. */
export function movedTo(markdown: string): string | undefined {
	// The text of a stub says "moved to" (into, under), whatever its markup (`**Mo**ved to`): a
	// document that does not is no stub, and is not parsed again (a sixth of an import's time, on
	// documents of 50 KB).
	if (!MOVED_WRITTEN.test(markdown)) return undefined;
	const tree = parser.parse(markdown) as Root;
	let words = 0;
	let link: string | undefined;
	let moved = false;
	for (const node of tree.children) {
		if (node.type === 'yaml' || (node.type as string) === 'toml' || node.type === 'html') continue;
		if (node.type === 'heading' && node.depth === 1) continue;
		if (node.type === 'code' || node.type === 'table') return undefined;
		const text = toString(node);
		words += text.split(/\s+/).filter(Boolean).length;
		if (MOVED.test(text)) {
			moved = true;
			visit(node, 'link', (child) => {
				link ??= child.url;
			});
		}
	}
	return moved && words <= STUB_WORDS ? link : undefined;
}

/** The target takes the stub's address and alerts; the stub's own runbook is not written. */
export function redirectStub(target: ImportedRunbook, stub: { id: string; runbook: ImportedRunbook }): void {
	target.formerIds = [...new Set([...(target.formerIds ?? []), stub.id, ...(stub.runbook.formerIds ?? [])])];
	const alerts = [...new Set([...(target.alerts ?? []), ...(stub.runbook.alerts ?? [])])];
	if (alerts.length) target.alerts = alerts;
}
