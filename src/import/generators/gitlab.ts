import type { ConventionRead } from './edits.ts';
import type { SourceLine } from './lines.ts';

/**
 * GitLab's `[[_TOC_]]` (and `[TOC]`) alone on a line: where GitLab puts the page's table of
 * contents. A runbook page has its own, so the marker goes; left in, it would read as a wiki link
 * or as text.
 */
export function gitlabToc(lines: readonly SourceLine[]): ConventionRead {
	const edits = lines
		.filter((line) => !line.code && /^ {0,3}(?:\[\[_TOC_\]\]|\[TOC\])\s*$/.test(line.text))
		.map((line) => ({ start: line.start, end: line.start + line.text.length, text: '' }));
	return { edits, notes: [] };
}
