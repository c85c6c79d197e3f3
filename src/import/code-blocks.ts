/**
 * Splitting a shell block whose comments number its steps ("# 1. Pull latest code") into one
 * command per step, so each can be ticked and linked on its own. The comment titles its step and
 * stays the first line of its command: a block copies as its source wrote it, comments included.
 */

export interface CodePart {
	title: string;
	code: string;
}

const NUMBERED_COMMENT = /^\s*(?:#|\/\/|--)\s*(\d+)[.)]\s+(.+?)\s*$/;
const OPTION_COMMENT = /^\s*(?:#|\/\/|--)\s*option\s+[a-z0-9]+\s*[:.)-]\s*(.+?)\s*$/i;

function split(code: string, marker: RegExp, titleGroup: number): CodePart[] | undefined {
	const lines = code.split('\n');
	const parts: { title: string; lines: string[] }[] = [];
	const lead: string[] = [];
	for (const line of lines) {
		const match = marker.exec(line);
		if (match) parts.push({ title: match[titleGroup]!, lines: [line] });
		else if (parts.length) parts.at(-1)!.lines.push(line);
		else lead.push(line);
	}
	if (parts.length < 2) return undefined;
	// Lines before the first marker (a shebang, a cd) belong with the first part.
	parts[0]!.lines.unshift(...lead.filter((l) => l.trim()));
	return parts.map((p) => ({ title: p.title, code: p.lines.join('\n').trim() }));
}

/** Parts numbered by comments, or undefined when the block is not numbered. */
export function splitNumberedComments(code: string): CodePart[] | undefined {
	return split(code, NUMBERED_COMMENT, 2);
}

/** Parts introduced by "# Option A: ..." comments, or undefined. */
export function splitOptionComments(code: string): CodePart[] | undefined {
	return split(code, OPTION_COMMENT, 1);
}

/** The first comment of a block, as a title for a step made of that block alone. */
export function firstComment(code: string): string | undefined {
	for (const line of code.split('\n')) {
		const match = /^\s*(?:#|\/\/|--)\s*(.+?)\s*$/.exec(line);
		if (match && !line.trim().startsWith('#!')) return match[1];
		if (line.trim()) return undefined;
	}
	return undefined;
}
