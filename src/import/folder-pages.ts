import type { Root } from 'mdast';
import { posix } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readPlaybook } from './playbook.ts';

/**
 * The documents a folder's files make: a file is one document, a playbook (many alerts in one
 * file: playbook.ts) is one per alert plus its shared page, and a folder index that holds more
 * than a title and a summary (a README handbook, a playbook in `_index.md`) is a page too.
 */

/** A document to import: a file, or a part of one (`docs/sop/observatorium.md#ThanosCompactHalted`). */
export interface DocumentPart {
	path: string;
	/** The Markdown read into the runbook. */
	markdown: string;
	/** The file's text it comes from (what the import report measures): its whole text for a file. */
	source: string;
	/** The words its id is made from, when not the file name's: the alert's name, an index's folder. */
	stem?: string;
	/** For a playbook's alert, the file's path: the alert is of its shared page's system. */
	playbook?: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Whether an index file holds more than a title and a summary: anything but its front matter, its
 * H1, its first paragraph and comments. Such an index is a page of its own (its words would be on
 * none); one with a title and a summary only stays what it is, the folder's title and summary.
 */
export function isIndexPage(markdown: string): boolean {
	const tree = parser.parse(markdown) as Root;
	let h1 = false;
	let paragraph = false;
	for (const node of tree.children) {
		if ((node.type as string) === 'yaml' || (node.type as string) === 'toml') continue;
		if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) continue;
		if (node.type === 'heading' && node.depth === 1 && !h1) h1 = true;
		else if (node.type === 'paragraph' && !paragraph) paragraph = true;
		else return true;
	}
	return false;
}

/** A playbook's parts, by the file's path and the anchors of its alert headings. */
export type AlertAnchors = Map<string, Map<string, string>>;

/**
 * The documents of the files: each file as it is, or its parts when it is a playbook. `alertAt`
 * maps a file's path (lowercased) and an alert heading's anchor to the part that holds the alert,
 * so that links into the file by that anchor arrive on the alert's runbook.
 */
export function documentParts(files: readonly { path: string; markdown: string; index?: boolean }[]): {
	parts: DocumentPart[];
	alertAt: AlertAnchors;
} {
	const parts: DocumentPart[] = [];
	const alertAt: AlertAnchors = new Map();
	for (const file of files) {
		// An index page is named for its folder (`ci-runners`), not `readme` or `index` as every other one.
		const folder = posix.basename(posix.dirname(file.path));
		const stem = file.index && folder !== '.' ? { stem: folder } : {};
		const playbook = readPlaybook(file.markdown);
		if (!playbook) {
			parts.push({ path: file.path, markdown: file.markdown, source: file.markdown, ...stem });
			continue;
		}
		parts.push({ path: file.path, markdown: playbook.shared.markdown, source: playbook.shared.source, ...stem });
		const anchors = new Map<string, string>();
		for (const alert of playbook.alerts) {
			const path = `${file.path}#${alert.alerts[0]}`;
			parts.push({ path, markdown: alert.markdown, source: alert.source, stem: alert.alerts[0]!, playbook: file.path });
			for (const anchor of alert.anchors) anchors.set(anchor.toLowerCase(), path);
		}
		alertAt.set(file.path.toLowerCase(), anchors);
	}
	return { parts, alertAt };
}
