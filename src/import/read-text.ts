import { readFileSync, statSync } from 'node:fs';

/**
 * A runbook file's bytes as text, or why they are not: a file that is not UTF-8 (a Latin-1
 * `echo déjà`) is refused with its line named, never read with U+FFFD in place of its letters
 * (which a pinned file would then be written back with), and a file above the size limit is
 * refused before it is read.
 */
export type ReadText = { text: string } | { problem: string; line?: number };

/** A file's text, or why it is not read: too big (checked before reading), or not UTF-8. */
export function readTextFile(path: string, maxBytes: number): ReadText {
	const big = tooBig(statSync(path).size, maxBytes);
	return big ? { problem: big } : decodeUtf8(readFileSync(path));
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): ReadText {
	try {
		return { text: strict.decode(bytes) };
	} catch {
		const at = firstInvalidByte(bytes);
		let line = 1;
		let lineStart = 0;
		for (let i = 0; i < at; i++)
			if (bytes[i] === 0x0a) {
				line++;
				lineStart = i + 1;
			}
		const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
		return {
			line,
			problem: `line ${line}: not valid UTF-8 (byte 0x${byte} at column ${at - lineStart + 1}). Hint: save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8\`)`,
		};
	}
}

/** A size limit, in bytes, checked before a file is read. */
export function tooBig(size: number, limit: number): string | undefined {
	if (size <= limit) return undefined;
	const MB = 1024 * 1024;
	const bytes = (n: number) => (n < MB ? `${n} bytes` : `${(n / MB).toFixed(1)} MB (${n} bytes)`);
	return `${bytes(size)}, above the limit of ${bytes(limit)}. Hint: split it, or raise import.maxFileBytes in the settings`;
}

/** Where the first byte that does not start a well-formed UTF-8 sequence is (the decoder says only that there is one). */
function firstInvalidByte(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		// The second byte's range for each lead byte (no overlong forms, surrogates or code points above U+10FFFF).
		let need: number;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return i;
		for (let k = 1; k <= need; k++) {
			const next = bytes[i + k];
			if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
		}
		i += need + 1;
	}
	return bytes.length - 1;
}

/**
 * How deep Markdown may nest lists and block quotes. The parser and the tree walkers under the
 * importer recurse once per level: 10,000 levels ended in a RangeError (quotes) or ran for
 * minutes (`- - - …` on one line). Real runbooks nest a few levels.
 */
export const MAX_NESTING = 100;

/**
 * The first line that opens more than MAX_NESTING lists or quotes, as a problem naming it.
 * Counted from the markers and indentation at the start of each line (`> > -`, or a list indented
 * level by level): a level needs at least a marker or two columns of indentation, so this never
 * counts fewer levels than the parser would open, and stops at the first non-marker character.
 */
export function nestingProblem(markdown: string): { problem: string; line: number } | undefined {
	let line = 1;
	let at = 0;
	while (at < markdown.length) {
		let depth = 0;
		let columns = 0;
		let i = at;
		for (; i < markdown.length; i++) {
			const char = markdown.charCodeAt(i);
			if (char === 0x20) columns++;
			else if (char === 0x09) columns += 4;
			else if (char === 0x3e /* > */) depth++;
			else if ((char === 0x2d || char === 0x2a || char === 0x2b) /* - * + */ && isSpace(markdown.charCodeAt(i + 1))) depth++;
			else if (char >= 0x30 && char <= 0x39) {
				let j = i;
				while (j < markdown.length && j - i < 9 && markdown.charCodeAt(j) >= 0x30 && markdown.charCodeAt(j) <= 0x39) j++;
				const after = markdown.charCodeAt(j);
				if ((after === 0x2e || after === 0x29) /* . ) */ && isSpace(markdown.charCodeAt(j + 1))) {
					depth++;
					i = j;
				} else break;
			} else break;
			if (depth + Math.floor(columns / 2) > MAX_NESTING)
				return {
					line,
					problem: `line ${line}: lists or quotes nested more than ${MAX_NESTING} levels deep. Hint: flatten them; no reader follows a runbook that deep`,
				};
		}
		const end = markdown.indexOf('\n', i);
		if (end < 0) break;
		at = end + 1;
		line++;
	}
	return undefined;
}

const isSpace = (char: number) => char === 0x20 || char === 0x09 || char === 0x0a || char === 0x0d || Number.isNaN(char);

/** A Markdown file's text, or why it is not read: too big, not UTF-8, or nested too deep. */
export function readMarkdownFile(path: string, maxBytes: number): ReadText {
	const read = readTextFile(path, maxBytes);
	if (!('text' in read)) return read;
	return nestingProblem(read.text) ?? read;
}
