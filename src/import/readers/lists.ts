import type { List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionKind } from '../../schema/section.ts';
import { CRITERION_MARK, listsAreSteps } from '../classify.ts';
import type { ImportContext } from '../context.ts';
import { isCommandOnly, isInstruction, isReference } from '../response.ts';
import { holdsProcedures, itemAsks } from '../procedures.ts';
import { openSection } from '../sinks.ts';
import { carriesCode, containsTask, listItemStep } from './list-steps.ts';
import { readReferenceList } from './reference-lists.ts';
import { addRole } from './signoff-fields.ts';

/**
 * A list: contacts or resources under a reference heading, else a step per item that is one
 * (itemIsStep) and the runs of other items kept together as prose, in the order written.
 */
export function readList(ctx: ImportContext, node: List): void {
	// Checkboxes above the first heading ("- [ ] Tag the release" under the title) are steps too,
	// in a section of their own that the next heading closes.
	if (!ctx.sink && node.children.some((item) => isTask(item) || containsTask(item))) openSection(ctx, 'Steps', 'checklist', 1, true);
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
	// A numbered list whose items carry code blocks, or most of whose items ask for something, is a
	// procedure, whatever its heading says; a numbered list of facts is not.
	const numbered =
		node.ordered &&
		!listsAreSteps(sink.kind) &&
		(sink.kind === 'checklist' || holdsProcedures(sink.kind)) &&
		(node.children.some(carriesCode) || mostAsk(ctx, node.children));
	if (numbered && sink.section) ctx.stepsInProse.add(sink.section);
	let pending: ListItem[] = [];
	const flush = () => {
		if (!pending.length) return;
		sink.addNote(ctx.blockSource({ start: pending[0]!.position!.start, end: pending.at(-1)!.position!.end }));
		pending = [];
	};
	for (const item of node.children) {
		// A bullet that carries a command is something to run: a step, its block a command to copy.
		const runs = !node.ordered && holdsProcedures(sink.kind) && carriesCode(item);
		if (numbered || runs || bulletSteps.has(item) || itemIsStep(item, node, sink.kind)) {
			flush();
			const step = listItemStep(ctx, item, sink.kind);
			sink.steps.push(step);
			if (sink.kind === 'signoff') addRole(ctx, step.text.replace(/\*\*/g, ''));
			ctx.lastStep = step;
		} else pending.push(item);
	}
	flush();
}

/** Whether more than half the items of a list ask for something (procedures.ts). */
function mostAsk(ctx: ImportContext, items: ListItem[]): boolean {
	const asking = items.filter((item) => {
		const first = item.children[0];
		return first?.type === 'paragraph' && itemAsks(ctx.inlineSource(first.children));
	});
	return asking.length * 2 > items.length;
}

const isTask = (item: ListItem) => item.checked !== null && item.checked !== undefined;

/** Whether an item is a step whatever its words: a checkbox, a criterion, a numbered item where lists are steps. */
export function itemIsStep(item: ListItem, list: List, kind: SectionKind): boolean {
	if (isTask(item)) return true;
	if (kind === 'criteria') return true;
	if (list.ordered && listsAreSteps(kind)) return true;
	// A group heading over checkboxes ("1. **Testing**" then "- [ ] ...") is a step of its own.
	if (containsTask(item)) return true;
	const first = item.children[0];
	return first?.type === 'paragraph' && CRITERION_MARK.test(toString(first)) && kind !== 'checklist';
}
