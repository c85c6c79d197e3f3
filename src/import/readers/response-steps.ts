import type { Paragraph, RootContent } from 'mdast';
import type { Step } from '../../schema/step.ts';
import { afterStepLabel } from '../classify.ts';
import { type ImportContext, linkTexts } from '../context.ts';
import { asksForAction, inlineCommands, isInstruction } from '../response.ts';

/**
 * In diagnosis and mitigation, paragraphs are steps when they ask for something: one that
 * introduces a command ("Run the following command to get the health of etcd:" and a code
 * fence) is a step with that command; one whose every line is an instruction ("Check the
 * logs.", "Restart the pod.") is a step per line; one instruction is one step. Anything else
 * is prose (see sinks.ts: after a step it stays under that step). False: not a step here.
 */
export function readResponseStep(ctx: ImportContext, node: Paragraph, next: RootContent | undefined): boolean {
	const sink = ctx.sink;
	if (!sink?.section || !ctx.asksAreSteps(sink.kind)) return false;
	const written = ctx.inlineSource(node.children);
	const end = node.position!.end.offset!;
	// "**Step 3:** Reboot the node": a step by its own say, whatever its words.
	const labelled = afterStepLabel(written);
	const text = labelled ?? written;
	if (labelled) {
		// A code block right after it joins it.
		const introduces = next?.type === 'code';
		const step = responseStepFrom(ctx, text, node.position?.start.line, end, introduces);
		ctx.lastStep = introduces ? step : undefined;
		return true;
	}
	if (next?.type === 'code') {
		ctx.lastStep = responseStepFrom(ctx, text, node.position?.start.line, end, true);
		return true;
	}
	const lines = ctx.blockSource(node).split('\n');
	if (lines.length > 1 && lines.every(isInstruction)) {
		let offset = node.position!.start.offset!;
		for (const line of ctx.slice(offset, end).split('\n')) {
			offset += line.length + 1;
			ctx.lastStep = responseStepFrom(ctx, line.trim(), node.position?.start.line, offset - 1);
		}
		ctx.lastStep = undefined;
		return true;
	}
	if (asksForAction(text)) {
		responseStepFrom(ctx, text, node.position?.start.line, end);
		ctx.lastStep = undefined;
		return true;
	}
	return false;
}

/** A step from a paragraph or a line; one that introduces a command loses its colon ("… the health of etcd:"). */
function responseStepFrom(ctx: ImportContext, written: string, line: number | undefined, end: number, introducesCommand = false): Step {
	const pin = ctx.pinOf(written, line);
	if (introducesCommand) pin.text = pin.text.replace(/\s*:\s*$/, '');
	const words = linkTexts(pin.text);
	const step: Step = { id: ctx.idFor(pin.id, words, 'step', pin.id ? undefined : end), text: pin.text };
	// "Check the usage: `df -h /var/lib/storage`": the command, ready to copy, as in a bullet.
	const commands = introducesCommand ? [] : inlineCommands(pin.text);
	if (commands.length) step.commands = commands;
	ctx.sink!.steps.push(step);
	return step;
}
