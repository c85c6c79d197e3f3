import type { Code } from 'mdast';
import type { Step } from '../../schema/step.ts';
import { firstComment, splitNumberedComments, splitOptionComments } from '../code-blocks.ts';
import type { ImportContext, Sink } from '../context.ts';
import { PROSE_KINDS } from '../response.ts';
import { commandsOf } from './list-steps.ts';

/**
 * A code block that is not inside a list item: the command of the step just before it, a step of
 * its own (or several, when its comments number steps or name options), or an example in prose.
 */
export function readCode(ctx: ImportContext, node: Code): void {
	const sink = ctx.sink;
	const lang = (node.lang ?? 'bash').toLowerCase();
	if (ctx.lastStep) {
		// A fence right after an item belongs to it (authors often forget to indent it).
		const alt = ctx.lastStep.alternatives?.at(-1);
		const target = alt ?? ctx.lastStep;
		(target.commands ??= []).push(...commandsOf(node));
		return;
	}
	// In a plain checklist a lone block is an illustration (a diagram, a config excerpt)
	// unless its comments number steps or name options; in procedures, rollbacks, checks
	// and known issues it is something to run. In prose (Meaning, Impact) it is an example.
	const structured = splitNumberedComments(node.value) ?? splitOptionComments(node.value);
	if (!sink || (sink.kind === 'checklist' && !sink.addCommands && !structured) || PROSE_KINDS.has(sink.kind)) {
		ctx.note(ctx.blockSource(node));
		return;
	}
	if (sink.addCommands && !splitNumberedComments(node.value) && sink.addCommands(commandsOf(node))) return;

	const options = splitOptionComments(node.value);
	if (options) {
		const step: Step = { id: ctx.ids.allocate(`${sink.title} options`), text: 'Do one of the following options.', alternatives: [] };
		for (const part of options) {
			step.alternatives!.push({ id: ctx.ids.allocate(part.title, 'option'), title: part.title, commands: [{ lang, code: part.code }] });
		}
		sink.steps.push(step);
		return;
	}
	const numbered = splitNumberedComments(node.value);
	if (numbered) {
		for (const part of numbered) {
			const step: Step = { id: ctx.ids.allocate(part.title, 'step'), text: part.title };
			if (part.code) step.commands = [{ lang, code: part.code }];
			sink.steps.push(step);
		}
		return;
	}
	const title = pendingLabel(sink) ?? firstComment(node.value) ?? `Run the ${sink.title} commands`;
	const step: Step = { id: ctx.ids.allocate(title, 'step'), text: title, commands: commandsOf(node) };
	sink.steps.push(step);
	// The step stands for this block only: a following fence is a new step.
}

/** A short bold label right before a code block ("**Solution:**") titles its step. */
function pendingLabel(sink: Sink): string | undefined {
	const notes = sink.section?.notes;
	const description = sink.section?.description;
	const candidate = notes?.at(-1) ?? (sink.section?.steps?.length ? undefined : description);
	const match = candidate && /^\*\*([^*]{1,60}?):?\*\*:?$/.exec(candidate.trim());
	if (!match) return undefined;
	if (notes?.at(-1) === candidate) notes.pop();
	else if (sink.section) delete sink.section.description;
	if (notes && !notes.length) delete sink.section!.notes;
	return `${match[1]!.trim()}: ${sink.title.replace(/^issue\s*:\s*/i, '')}`;
}
