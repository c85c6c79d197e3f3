import { applyEdits, type TrackedText } from '../tracked-edits.ts';
import { docusaurusAdmonitions } from './docusaurus.ts';
import type { ConventionRead, TextEdit } from './edits.ts';
import { erbTags } from './erb.ts';
import { footnotes } from './footnotes.ts';
import { gitlabToc } from './gitlab.ts';
import { jekyllLiquid } from './liquid.ts';
import { sourceLines, type SourceLine } from './lines.ts';
import { mdxEsm } from './mdx.ts';

/**
 * The site generators' own syntax in a document's text, read as each tool reads it before (or
 * beside) Markdown: Jekyll's Liquid, Middleman's ERB, MDX's imports, Docusaurus admonitions,
 * GitLab's table-of-contents marker, footnotes. One pass over the text as written, its edits
 * tracked (so `--pin` still finds its places), with a note for each thing that is not read.
 * A new convention goes here: a reader in its own module, one line below.
 */
export interface SiteMarkup extends TrackedText {
	/** What was not read or was removed, by line ("line 4: Liquid tag … is not read …"). */
	notes: string[];
}

export function readSiteMarkup(text: string): SiteMarkup {
	// Cheap tests first: most documents use none of these, and are not split into lines for nothing.
	if (!/:::|\{[%{]|<%|\[\^|\[\[_TOC_\]\]|\[TOC\]|^(?:import|export)\s/m.test(text))
		return { text, original: (offset) => offset, notes: [] };
	const matter = /^(?:---|\+\+\+)\n[\s\S]*?\n(?:---|\+\+\+)(?:\n|$)/.exec(text)?.[0].length ?? 0;
	// Whole lines first (markers, blocks), then what is inside lines, read again on the lines as
	// mended: a Liquid link in an admonition's body is read too. Line counts never change, so a
	// note's line number is the source's.
	const blocks = apply(text, matter, (lines) => [gitlabToc(lines), mdxEsm(lines, matter), docusaurusAdmonitions(lines)]);
	const inline = apply(blocks.text, matter, (lines) => [jekyllLiquid(lines), erbTags(lines), footnotes(lines)]);
	return { text: inline.text, original: (offset) => blocks.original(inline.original(offset)), notes: [...blocks.notes, ...inline.notes] };
}

function apply(text: string, matter: number, readers: (lines: SourceLine[]) => ConventionRead[]): SiteMarkup {
	// Front matter is no one's text: read as if it were code.
	const lines = sourceLines(text).map((line) => (line.start < matter ? { ...line, code: true } : line));
	const reads = readers(lines);
	// Two readers never change the same characters; if they did, the first one's edit is kept.
	const edits: TextEdit[] = [];
	for (const edit of reads.flatMap((read) => read.edits).sort((a, b) => a.start - b.start || a.end - b.end)) {
		const last = edits.at(-1);
		if (last && edit.start < last.end) continue;
		edits.push(edit);
	}
	const notes = reads.flatMap((read) => read.notes);
	if (!edits.length) return { text, original: (offset) => offset, notes };
	return { ...applyEdits(text, edits), notes };
}
