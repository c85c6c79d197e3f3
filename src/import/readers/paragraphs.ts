import type { Paragraph, RootContent, Strong, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterStepLabel, optionTitle } from '../classify.ts';
import type { ImportContext } from '../context.ts';
import { parseFieldLines } from '../fields.ts';
import { readHeading } from './headings.ts';
import { readProcedureParagraph } from './procedure-paragraphs.ts';
import { readResponseStep } from './response-steps.ts';
import { readFields } from './signoff-fields.ts';

/**
 * A paragraph, tried in this order: a bold line standing for a heading, a step (response-steps.ts),
 * "**Label**: value" fields (signoff-fields.ts), an "Option B:" of the step before, the runbook's
 * summary (the first prose under the title), and otherwise prose.
 */
export function readParagraph(ctx: ImportContext, node: Paragraph, next: RootContent | undefined): void {
	// "**Step 3:** …" after "### 2. Drain it": the author went on numbering steps without headings.
	if (ctx.stack.at(-1)?.step && afterStepLabel(ctx.inlineSource(node.children)) !== undefined) ctx.stack.pop();
	const bold = ctx.boldHeadings.get(node);
	if (bold !== undefined) {
		// Its words without the colon, ending where the bold text ends (for a pinned id).
		const end = (node.children[0] as Strong).children.at(-1)?.position;
		const words: Text = { type: 'text', value: bold, ...(end ? { position: end } : {}) };
		readHeading(ctx, { type: 'heading', depth: 2, children: [words], ...(node.position ? { position: node.position } : {}) });
		return;
	}
	const source = ctx.blockSource(node);
	if (readResponseStep(ctx, node, next) || readProcedureParagraph(ctx, node, next)) return;
	const fields = parseFieldLines(source);
	if (fields) {
		// "**Notes:**" followed by lines of underscores: Markdown reads those lines as
		// thematic breaks, but the author drew write-in lines.
		const following = /^\n(?:[ \t]*_{3,}[ \t]*\n?)+/.exec(ctx.source.slice(node.position!.end.offset!));
		const last = fields.at(-1)!;
		if (following && !last.value && !last.blank) {
			last.blank = true;
			last.extraLines = following[0].trim().split('\n').length;
		}
		// A lone "**Solution:**" with nothing after it is a bold lead-in, not a field.
		const leadIn = fields.length === 1 && !last.value && !last.blank && !last.choices;
		if (!leadIn) {
			readFields(ctx, fields);
			return;
		}
	}
	const option = optionTitle(toString(node));
	if (option && ctx.lastStep) {
		ctx.addAlternative(ctx.lastStep, option);
		return;
	}
	if (!ctx.sink && ctx.title !== undefined && ctx.summary === undefined) {
		ctx.summary = ctx.inlineSource(node.children);
		return;
	}
	if (/^[_\s]+$/.test(source)) return;
	ctx.note(source);
}
