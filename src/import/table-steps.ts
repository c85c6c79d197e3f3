/**
 * A procedure written as a table, as change plans often are: a row per step, with columns for
 * the action, its command and what confirms it (`| # | Action | Command | Expected |`). Which
 * column is which is read from the header; a table without an action column is not a procedure
 * (a list of dashboards, a severity matrix) and stays a note.
 */

export interface TableColumns {
	action: number;
	number?: number;
	command?: number;
	expect?: number;
	/** Any other column: said under the step as "Header: value". */
	others: number[];
}

const NUMBER = /^(?:#|no\.?|nr\.?|n°|num(?:ber)?|step|seq(?:uence)?|order)$/i;
const ACTION = /^(?:actions?|steps?|tasks?|what|what to do|description|instructions?|activit(?:y|ies)|procedure)$/i;
const COMMAND = /^(?:commands?|cmd|how|script|shell|cli)$/i;
const EXPECT = /^(?:expected(?: (?:result|output|outcome|state))?|expect|results?|outcome|success criteria|checks?|verif(?:y|ication))$/i;

const plain = (text: string) => text.replace(/[*_`]/g, '').replace(/:$/, '').trim();

/** Cells that say nothing: "", "-", "n/a", "none". */
export const isEmptyCell = (text: string) => /^(?:-+|–|—|n\/?a|none)?$/i.test(plain(text));

/** The columns of a table read as steps, or undefined when it has no action column. */
export function tableColumns(header: readonly string[], body: readonly (readonly string[])[]): TableColumns | undefined {
	const headers = header.map(plain);
	const numeric = (i: number) => body.every((row) => /^\d+[.)]?$/.test(plain(row[i] ?? '')) || isEmptyCell(row[i] ?? ''));
	const number = headers.findIndex((h, i) => NUMBER.test(h) && numeric(i));
	const action = headers.findIndex((h, i) => i !== number && ACTION.test(h));
	if (action < 0) return undefined;
	const find = (pattern: RegExp) => {
		const i = headers.findIndex((h, j) => j !== number && j !== action && pattern.test(h));
		return i < 0 ? undefined : i;
	};
	const command = find(COMMAND);
	const expect = find(EXPECT);
	const others = headers.map((_, i) => i).filter((i) => ![number, action, command, expect].includes(i));
	return {
		action,
		...(number >= 0 ? { number } : {}),
		...(command !== undefined ? { command } : {}),
		...(expect !== undefined ? { expect } : {}),
		others,
	};
}

/** The commands of a command cell: its code spans, else its text as one command. */
export function cellCommands(text: string): string[] {
	if (isEmptyCell(text)) return [];
	const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()).filter(Boolean);
	return spans.length ? spans : [text.replace(/\\\|/g, '|').trim()];
}
