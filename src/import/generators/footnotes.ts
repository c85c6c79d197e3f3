import type { ConventionRead, TextEdit } from './edits.ts';
import { withoutInlineCode, type SourceLine } from './lines.ts';

/**
 * Footnotes (`… 14+ [^1]`, `[^1]: Support for …`), as GitHub, MkDocs and Docusaurus render them: a
 * number in superscript where the note is referred to, and the note where it is written, after
 * the same number. A runbook's text is rendered piece by piece (a table here, a note there), so
 * Markdown's own footnotes would never meet their definitions: the marks are written out instead.
 * Numbered in the order they are first referred to, as GitHub numbers them.
 */
const DEFINITION = /^( {0,3})\[\^([^\]\s]+)\]:[ \t]?/;
const REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;

export function footnotes(lines: readonly SourceLine[]): ConventionRead {
	const defined = new Map<string, number>();
	lines.forEach((line, i) => {
		const match = !line.code && DEFINITION.exec(line.text);
		if (match) defined.set(match[2]!.toLowerCase(), i);
	});
	if (!defined.size) return { edits: [], notes: [] };
	const numbers = new Map<string, number>();
	const number = (label: string) => {
		if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
		return numbers.get(label)!;
	};
	const edits: TextEdit[] = [];
	lines.forEach((line, i) => {
		if (line.code) return;
		const visible = withoutInlineCode(line.text);
		const definition = DEFINITION.exec(visible);
		const from = definition ? definition[0].length : 0;
		for (const match of visible.slice(from).matchAll(REFERENCE)) {
			const label = match[1]!.toLowerCase();
			if (!defined.has(label)) continue;
			const start = line.start + from + match.index;
			edits.push({ start, end: start + match[0].length, text: `<sup>${number(label)}</sup>` });
		}
		if (definition && defined.get(definition[2]!.toLowerCase()) === i)
			edits.push({
				start: line.start + definition[1]!.length,
				end: line.start + definition[0].length,
				text: `<sup>${number(definition[2]!.toLowerCase())}</sup> `,
			});
	});
	return { edits: edits.sort((a, b) => a.start - b.start), notes: [] };
}
