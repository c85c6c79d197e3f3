import type { Code, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Command } from '../../schema/command.ts';
import type { SectionKind } from '../../schema/section.ts';
import type { Step } from '../../schema/step.ts';
import { codeBlockCommands } from '../../model/shell.ts';
import { CRITERION_MARK, listsAreSteps, optionTitle, splitCondition } from '../classify.ts';
import type { ImportContext } from '../context.ts';
import { parseFieldLines } from '../fields.ts';
import { takePin } from '../pins.ts';
import { inlineCommands } from '../response.ts';

/**
 * One list item as a step: its first paragraph the step's text (a `{#id}` pin, a condition, an
 * "Option A:" line read off it), its nested task lists sub-steps, its code blocks commands, its
 * plain bullets and paragraphs details, anything else notes.
 */
export function listItemStep(ctx: ImportContext, item: ListItem, kind: SectionKind): Step {
	const [first, ...rest] = item.children;
	let text = '';
	let idSource = '';
	let pinned: string | undefined;
	let pinAt: number | undefined;
	const blocks = [...rest];
	let trailingOptions: string[] = [];
	if (first?.type === 'paragraph') {
		const phrasing = first.children;
		const pin = ctx.pinOf(ctx.inlineSource(phrasing), item.position?.start.line);
		pinned = pin.id;
		if (!pin.id) pinAt = first.position!.end.offset;
		text = pin.text.replace(CRITERION_MARK, '');
		// "**Option A: ...**" on the line right under the item text continues its paragraph
		// in Markdown, but the author meant an option.
		const lines = ctx.blockSource(first).split('\n');
		const optionLine = lines.findIndex((line, i) => i > 0 && optionTitle(line) !== undefined);
		if (optionLine > 0) {
			text = lines
				.slice(0, optionLine)
				.join(' ')
				.replace(/^\[[ xX]\]\s*/, '')
				.trim();
			trailingOptions = lines.slice(optionLine).filter((line) => optionTitle(line) !== undefined);
		}
		const strong = phrasing[0]?.type === 'strong' ? toString(phrasing[0]) : '';
		idSource = strong || takePin(toString(first)).text.replace(CRITERION_MARK, '');
	} else if (first) blocks.unshift(first);

	// "SSH to the node:" over its command: the colon introduced the block, the step is the words.
	if (blocks.some((block) => block.type === 'code')) text = text.replace(/\s*:\s*$/, '');
	// "**Technical Lead Approval:** ____ Date: ____" reads as its label.
	const labelled = parseFieldLines(text);
	if (labelled?.length === 1 && labelled[0]!.blank) {
		text = labelled[0]!.label;
		idSource = text;
	}
	const split = splitCondition(text);
	// A step written entirely in bold is just a title; the page styles titles itself.
	const withoutCondition = split.text.replace(/^\*\*([^*]+)\*\*$/, '$1');
	const condition = split.condition;
	if (!text) {
		text = 'Do the following.';
		ctx.warnings.push(`line ${item.position?.start.line}: a step without text was given "${text}"`);
	}
	const step: Step = {
		id: ctx.idFor(pinned, splitCondition(idSource).text || withoutCondition || text, 'step', pinAt),
		text: withoutCondition || text,
	};
	// "Check pod events via `kubectl describe pod $POD`": the command, ready to copy, under the step.
	if (ctx.asksAreSteps(kind)) {
		const commands = inlineCommands(step.text);
		if (commands.length) step.commands = commands;
	}
	if (condition) {
		step.optional = true;
		// "(optional)" says no more than the flag itself.
		if (!/^optional$/i.test(condition)) step.condition = condition;
	}
	let target: { commands?: Command[]; steps?: Step[] } = step;
	for (const option of trailingOptions) target = ctx.addAlternative(step, optionTitle(option)!);
	for (const block of blocks) {
		if (block.type === 'list') {
			for (const child of block.children) {
				if ((child.checked !== null && child.checked !== undefined) || containsTask(child))
					(target.steps ??= []).push(listItemStep(ctx, child, kind));
				else if (block.ordered && listsAreSteps(kind)) (target.steps ??= []).push(listItemStep(ctx, child, kind));
				// A nested item that carries a command is a sub-step: its block stays a command to copy.
				else if (carriesCode(child)) (target.steps ??= []).push(listItemStep(ctx, child, kind));
				else (step.details ??= []).push(...details(ctx, child));
			}
		} else if (block.type === 'code') {
			(target.commands ??= []).push(...commandsOf(block));
		} else if (block.type === 'paragraph') {
			const option = optionTitle(toString(block));
			if (option) target = ctx.addAlternative(step, option);
			else (step.details ??= []).push(ctx.inlineSource(block.children));
		} else {
			(step.notes ??= []).push(ctx.blockSource(block));
		}
	}
	return step;
}

/** Plain bullets under a step: their text, with deeper bullets indented by a dash. */
function details(ctx: ImportContext, item: ListItem, depth = 0): string[] {
	const out: string[] = [];
	for (const block of item.children) {
		if (block.type === 'paragraph') out.push(`${'– '.repeat(depth)}${ctx.inlineSource(block.children)}`);
		else if (block.type === 'list') for (const child of block.children) out.push(...details(ctx, child, depth + 1));
		else if (block.type === 'code') out.push(`\`${block.value.replace(/`/g, "'")}\``);
		else out.push(ctx.blockSource(block));
	}
	return out;
}

/** Whether an item holds a checkbox somewhere below it: a group heading over its checkboxes. */
export function containsTask(item: ListItem): boolean {
	return item.children.some(
		(block) =>
			block.type === 'list' &&
			block.children.some((child) => (child.checked !== null && child.checked !== undefined) || containsTask(child)),
	);
}

/** Whether an item holds a code block, at any depth of its nested lists. */
export function carriesCode(item: ListItem): boolean {
	return item.children.some((block) => block.type === 'code' || (block.type === 'list' && block.children.some(carriesCode)));
}

/** A code block as commands: one as written, or a terminal transcript's commands without prompts, each with its output. */
export function commandsOf(node: Code): Command[] {
	return codeBlockCommands(node.value, (node.lang ?? 'bash').toLowerCase());
}
