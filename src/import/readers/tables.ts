import type { Table } from 'mdast';
import type { Step } from '../../schema/step.ts';
import { listsAreSteps } from '../classify.ts';
import { type ImportContext, linkTexts } from '../context.ts';
import { inlineCommands } from '../response.ts';
import { cellCommands, isEmptyCell, tableColumns } from '../table-steps.ts';

/**
 * A table with an action column, in a section of steps: a step per row (see table-steps.ts for
 * which columns are the action, the command and the expected result). False leaves it as prose.
 */
export function readTableSteps(ctx: ImportContext, node: Table): boolean {
	const sink = ctx.sink;
	if (!sink?.section || node.children.length < 2) return false;
	const rows = node.children.map((row) => row.children.map((cell) => ctx.inlineSource(cell.children)));
	const [header, ...body] = rows;
	const columns = tableColumns(header!, body);
	if (!columns) return false;
	if (!listsAreSteps(sink.kind) && !(sink.kind === 'checklist' && columns.command !== undefined)) return false;
	for (const row of body) {
		const text = row[columns.action] ?? '';
		if (isEmptyCell(text)) continue;
		const step: Step = { id: ctx.idFor(undefined, linkTexts(text), 'step', undefined), text };
		const given = columns.command === undefined ? [] : cellCommands(row[columns.command] ?? '');
		const commands = given.length ? given.map((code) => ({ lang: 'bash', code })) : inlineCommands(text);
		if (commands.length) step.commands = commands;
		const expected = columns.expect === undefined ? '' : (row[columns.expect] ?? '');
		if (!isEmptyCell(expected)) step.expect = expected;
		const details = columns.others.filter((i) => !isEmptyCell(row[i] ?? '')).map((i) => `${header![i]!.replace(/:$/, '')}: ${row[i]}`);
		if (details.length) step.details = details;
		sink.steps.push(step);
	}
	ctx.lastStep = undefined;
	return true;
}
