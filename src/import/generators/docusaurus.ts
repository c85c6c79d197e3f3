import type { ConventionRead, TextEdit } from './edits.ts';
import type { SourceLine } from './lines.ts';

/**
 * Docusaurus admonitions: `:::note`, `:::info[Important]` (or the older `:::tip Title`) over lines
 * up to a closing `:::`, nested with more colons (`::::warning` around a `:::note`), their body
 * maybe indented (inside a list item, or by habit). Written as the callout quotes the pages render
 * (`> [!info] Important`, see src/render/callouts.ts), as MkDocs admonitions are (admonitions.ts);
 * left alone, the markers would show as text and an indented body as a command to copy.
 */
const OPEN = /^(\s*)(:{3,})([a-zA-Z]+)(?:\[([^\]\n]*)\]|[ \t]+([^\n{]*?))?\s*(?:\{[^}\n]*\})?\s*$/;
const CLOSE = /^(\s*)(:{3,})\s*$/;

interface Block {
	open: number;
	close: number;
	colons: number;
	indent: string;
	type: string;
	title: string;
}

const leading = (text: string) => /^[ \t]*/.exec(text)![0].length;

export function docusaurusAdmonitions(lines: readonly SourceLine[]): ConventionRead {
	const blocks: Block[] = [];
	const stack: Omit<Block, 'close'>[] = [];
	lines.forEach((line, i) => {
		if (line.code) return;
		const close = CLOSE.exec(line.text);
		if (close && stack.length) {
			// The innermost block this many colons closes (a `:::` may close a `::::` written sloppily).
			const at = stack.findLastIndex((block) => block.colons <= close[2]!.length);
			const index = at === -1 ? stack.length - 1 : at;
			const [opened] = stack.splice(index);
			blocks.push({ ...opened!, close: i });
			return;
		}
		const open = OPEN.exec(line.text);
		if (open)
			stack.push({
				open: i,
				colons: open[2]!.length,
				indent: open[1]!,
				type: open[3]!.toLowerCase(),
				title: (open[4] ?? open[5] ?? '').trim(),
			});
	});
	if (!blocks.length) return { edits: [], notes: [] };
	const outermost = blocks.filter(
		(block) => !blocks.some((other) => other !== block && other.open < block.open && other.close > block.close),
	);
	const edits: TextEdit[] = [];
	for (const outer of outermost) {
		const inner = blocks.filter((block) => block.open >= outer.open && block.close <= outer.close);
		const body = lines.slice(outer.open + 1, outer.close).filter((line) => line.text.trim());
		// The body's own indent goes (four spaces would make it code); the marker's stays, so a block in a list item stays in it.
		const strip = Math.min(...body.map((line) => leading(line.text)), Infinity);
		for (let i = outer.open; i <= outer.close; i++) {
			const line = lines[i]!;
			const depth = inner.filter((block) => block.open < i && block.close > i).length;
			const prefix = outer.indent + '> '.repeat(depth);
			const opened = inner.find((block) => block.open === i);
			const closed = inner.find((block) => block.close === i);
			let text: string;
			if (opened) text = `${prefix}> [!${opened.type}]${opened.title ? ` ${opened.title}` : ''}`;
			else if (closed) text = closed === outer ? '' : prefix.trimEnd();
			else {
				const rest = line.text.slice(Math.min(leading(line.text), strip === Infinity ? 0 : strip));
				text = rest.trim() ? prefix + rest : prefix.trimEnd();
			}
			if (text !== line.text) edits.push({ start: line.start, end: line.start + line.text.length, text });
		}
	}
	return { edits, notes: [] };
}
