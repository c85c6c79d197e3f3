/**
 * A Markdown text as lines, each with its offset and whether it is inside a fenced code block (or
 * is a fence): the site generators' own syntax (Liquid tags, `:::note`, `[[_TOC_]]`, `[^1]`) is
 * read outside code only, as their tools read it. Read line by line, without a Markdown parser: the
 * conventions are line-based, and a document is read once more at most.
 */
export interface SourceLine {
	start: number;
	text: string;
	/** Inside a fenced code block, or one of its fence lines. */
	code: boolean;
}

export function sourceLines(text: string): SourceLine[] {
	const lines: SourceLine[] = [];
	let fence: { char: string; length: number } | undefined;
	let start = 0;
	for (const line of text.split('\n')) {
		const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fence) {
			lines.push({ start, text: line, code: true });
			if (open && open[1]![0] === fence.char && open[1]!.length >= fence.length && !line.slice(open[0].length).trim()) fence = undefined;
		} else if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
			fence = { char: open[1]![0]!, length: open[1]!.length };
			lines.push({ start, text: line, code: true });
		} else lines.push({ start, text: line, code: false });
		start += line.length + 1;
	}
	return lines;
}

/** A line with its inline code spans blanked (same length), so a match there is not taken. */
export function withoutInlineCode(line: string): string {
	return line.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(`+)(?!`)[^`]\2(?!`)/g, (span) => ' '.repeat(span.length));
}
