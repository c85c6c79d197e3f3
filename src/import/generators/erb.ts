import { quoted, type ConventionRead } from './edits.ts';
import { withoutInlineCode, type SourceLine } from './lines.ts';

/**
 * Middleman's ERB (`<%= partial "x" %>`, `<% if … %>`) in `.md.erb` and `.html.md.erb` files: Ruby
 * that Middleman runs when it builds. Not run here: kept as text (Markdown shows it as written),
 * each named by its line so that the team sees what the page lacks. Never inside code.
 */
export function erbTags(lines: readonly SourceLine[]): ConventionRead {
	const notes: string[] = [];
	lines.forEach((line, i) => {
		if (line.code || !line.text.includes('<%')) return;
		for (const match of withoutInlineCode(line.text).matchAll(/<%(?!%)[\s\S]*?(?:%>|$)/g))
			notes.push(
				`line ${i + 1}: ERB ${quoted(line.text.slice(match.index, match.index + match[0].length))} is not run (Middleman runs it when it builds); kept as text`,
			);
	});
	return { edits: [], notes };
}
