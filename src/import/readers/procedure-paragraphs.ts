import type { Paragraph, RootContent } from 'mdast';
import type { Step } from '../../schema/step.ts';
import { afterStepLabel } from '../classify.ts';
import { type ImportContext, linkTexts } from '../context.ts';
import { holdsProcedures, introducesStep } from '../procedures.ts';
import { openSection } from '../sinks.ts';

/**
 * Steps written as paragraphs in any section that holds procedures (response-steps.ts reads
 * Diagnosis and Mitigation, where more is a step): "**Step 3:** Reboot the node", and a sentence
 * ending in a colon over the code block it introduces ("To label the node, run:"). The block
 * joins the step (code.ts, through lastStep); the prose after it stays under it, in order
 * (sinks.ts). Anything else is left to the paragraph reader. False: not a step.
 */
export function readProcedureParagraph(ctx: ImportContext, node: Paragraph, next: RootContent | undefined): boolean {
	if (ctx.sink && (!ctx.sink.section || !holdsProcedures(ctx.sink.kind))) return false;
	const written = ctx.inlineSource(node.children);
	const labelled = afterStepLabel(written);
	// A lone bold label over a block ("**Solution:**") titles the block's step in code.ts.
	const boldLabel = /^\*\*[^*]+\*\*:?$/.test(written);
	const introduces = next?.type === 'code' && !boldLabel && introducesStep(labelled ?? written, next.lang, next.value);
	if (labelled === undefined && !introduces) return false;
	// Above the first heading (a page's introduction), the step opens a section that the next heading closes.
	if (!ctx.sink) openSection(ctx, 'Steps', 'checklist', 1, true);
	const sink = ctx.sink!;
	const section = sink.section!;
	// "**Step 1: Install the package**": the label's bold closes after the words.
	let text = (labelled || written).replace(/^([^*]*)\*\*$/, '$1').trim();
	if (introduces) text = text.replace(/\s*:\s*$/, '');
	const pin = ctx.pinOf(text, node.position?.start.line);
	const end = node.position!.end.offset!;
	const step: Step = { id: ctx.idFor(pin.id, linkTexts(pin.text), 'step', pin.id ? undefined : end), text: pin.text };
	sink.steps.push(step);
	ctx.stepsInProse.add(section);
	// What follows a labelled step or a colon belongs to it: the next code block is its command.
	ctx.lastStep = next?.type === 'code' ? step : undefined;
	return true;
}
