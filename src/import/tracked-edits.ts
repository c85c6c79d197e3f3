/**
 * Text mended before it is read (line ends, link shortcodes, reference links …), with the way back:
 * where an offset of the mended text was in the text as written, so that `--pin` writes its
 * `{#id}` marks at the right place in the author's file.
 */
export interface TrackedText {
	text: string;
	original: (offset: number) => number;
}

/** Replaces each [start, end) of `text` by its new text; edits are sorted and do not overlap. */
export function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): TrackedText {
	const marks: { at: number; from: number }[] = [];
	let out = '';
	let last = 0;
	for (const edit of edits) {
		out += text.slice(last, edit.start) + edit.text;
		last = edit.end;
		marks.push({ at: out.length, from: last });
	}
	out += text.slice(last);
	return {
		text: out,
		// After the last edit before it, an offset is as far from that edit's end as in the old text.
		// Found by halving: a file of CRLF lines has an edit per line, and is asked once per pin.
		original: (offset) => {
			let low = 0;
			let high = marks.length;
			while (low < high) {
				const mid = (low + high) >>> 1;
				if (marks[mid]!.at <= offset) low = mid + 1;
				else high = mid;
			}
			const base = low ? marks[low - 1]! : { at: 0, from: 0 };
			return base.from + (offset - base.at);
		},
	};
}

/** A text with every match of `pattern` (a global expression) replaced, tracked. */
export function replaceTracked(text: string, pattern: RegExp, replacement: (match: RegExpExecArray) => string): TrackedText {
	return applyEdits(
		text,
		[...text.matchAll(pattern)].map((match) => ({
			start: match.index,
			end: match.index + match[0].length,
			text: replacement(match as RegExpExecArray),
		})),
	);
}
