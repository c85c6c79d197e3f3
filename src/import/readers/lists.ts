import type { List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionKind } from '../../schema/section.ts';
import { CRITERION_MARK, listsAreSteps } from '../classify.ts';
import type { ImportContext } from '../context.ts';
import { isCommandOnly, isInstruction, isReference } from '../response.ts';
import { containsTask, listItemStep } from './list-steps.ts';
import { readReferenceList } from './reference-lists.ts';
import { addRole } from './signoff-fields.ts';

/**
 * A list: contacts or resources under a reference heading, else a step per item that is one
 * (itemIsStep) and the runs of other items kept together as prose, in the order written.
 */
export function readList(ctx: ImportContext, node: List): void {
	const sink = ctx.sink;
	if (!sink) {
		ctx.note(ctx.blockSource(node));
		return;
	}
	if ((sink.kind === 'reference' || sink.kind === 'escalation') && readReferenceList(ctx, node, sink)) return;
	ctx.lastStep = undefined;
	// In diagnosis and mitigation a bullet list is steps when most bullets ask for something
	// ("Check pod events via `kubectl describe pod`"), not when it lists possibilities ("app
	// waits for the database"); its "See [docs](...)" bullets count for neither and stay notes.
	const bulletSteps = new Set<ListItem>();
	if (!node.ordered && ctx.asksAreSteps(sink.kind)) {
		const textOf = (item: ListItem) => (item.children[0]?.type === 'paragraph' ? ctx.inlineSource(item.children[0].children) : '');
		const counted = node.children.filter((item) => !isReference(textOf(item)));
		const asking = counted.filter((item) => isInstruction(textOf(item)) || isCommandOnly(textOf(item)));
		if (asking.length * 2 > counted.length) for (const item of asking) bulletSteps.add(item);
	}
	// A numbered list whose items carry code blocks is a procedure, whatever its heading says.
	const numberedCommands =
		node.ordered && sink.kind === 'checklist' && node.children.some((item) => item.children.some((block) => block.type === 'code'));
	let pending: ListItem[] = [];
	const flush = () => {
		if (!pending.length) return;
		sink.addNote(ctx.blockSource({ start: pending[0]!.position!.start, end: pending.at(-1)!.position!.end }));
		pending = [];
	};
	for (const item of node.children) {
		if (numberedCommands || bulletSteps.has(item) || itemIsStep(item, node, sink.kind)) {
			flush();
			const step = listItemStep(ctx, item, sink.kind);
			sink.steps.push(step);
			if (sink.kind === 'signoff') addRole(ctx, step.text.replace(/\*\*/g, ''));
			ctx.lastStep = step;
		} else pending.push(item);
	}
	flush();
}

/** Whether an item is a step whatever its words: a checkbox, a criterion, a numbered item where lists are steps. */
export function itemIsStep(item: ListItem, list: List, kind: SectionKind): boolean {
	if (item.checked !== null && item.checked !== undefined) return true;
	if (kind === 'criteria') return true;
	if (list.ordered && listsAreSteps(kind)) return true;
	// A group heading over checkboxes ("1. **Testing**" then "- [ ] ...") is a step of its own.
	if (containsTask(item)) return true;
	const first = item.children[0];
	return first?.type === 'paragraph' && CRITERION_MARK.test(toString(first)) && kind !== 'checklist';
}
