import { quoted, type ConventionRead } from './edits.ts';
import type { SourceLine } from './lines.ts';

/**
 * MDX's ESM at the top level (`import Tabs from '@theme/Tabs';`, `export const x = …`), as
 * Docusaurus reads `.md` and `.mdx` files: code for the site's build, not text for a reader, so it
 * goes, with a note. Only a block that starts at the margin, after a blank line, with the syntax of
 * an import or export: a sentence that starts with "Import" or "export" is prose and stays.
 */
const BINDINGS = String.raw`(?:type\s+)?(?:[\w$]+|\*\s*as\s+[\w$]+|\{[^}]*\}|[\w$]+\s*,\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+))`;
const IMPORT = new RegExp(String.raw`^import\s+(?:${BINDINGS}\s*from\s*)?['"][^'"\n]+['"]\s*;?\s*$`);
const EXPORT = /^export\s+(?:const|let|var|function|async\s+function|class|default|type|interface)\s|^export\s*[{*]/;

export function mdxEsm(lines: readonly SourceLine[], frontMatterEnd: number): ConventionRead {
	const out: ConventionRead = { edits: [], notes: [] };
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.code || line.start < frontMatterEnd || !/^(?:import|export)\s/.test(line.text)) continue;
		if (i > 0 && lines[i - 1]!.text.trim() && lines[i - 1]!.start >= frontMatterEnd) continue;
		// The block runs to the next blank line, as MDX reads it.
		let end = i;
		while (end + 1 < lines.length && lines[end + 1]!.text.trim() && !lines[end + 1]!.code) end++;
		const block = lines
			.slice(i, end + 1)
			.map((l) => l.text)
			.join('\n');
		if (!(line.text.startsWith('import') ? block.split(/\n(?=import\s)/).every((one) => IMPORT.test(one)) : EXPORT.test(line.text)))
			continue;
		// Blank lines in its place: the lines below keep their numbers.
		out.edits.push({ start: line.start, end: lines[end]!.start + lines[end]!.text.length, text: '\n'.repeat(end - i) });
		out.notes.push(
			`line ${i + 1}: MDX ${line.text.startsWith('import') ? 'import' : 'export'} removed (code for the site's build, not text): ${quoted(block)}`,
		);
		i = end;
	}
	return out;
}
