import type { Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section, SectionKind } from '../../schema/section.ts';
import type { Alternative, Step } from '../../schema/step.ts';
import { cleanHeading, guessSectionKind, optionTitle, stepHeadingText } from '../classify.ts';
import type { ImportContext, Sink } from '../context.ts';
import { coreResponseKind, RESPONSE_STEP_KINDS, responseKind } from '../response.ts';
import { headingAsks, holdsProcedures } from '../procedures.ts';
import { alternativeSink, openSection, sectionSink, stepSink } from '../sinks.ts';

/**
 * Headings open what follows them: the title (the first H1), a section, an option of a step
 * ("### Option A: Docker Compose") or a step ("### Step 2: Resize the volume"). The stack of open
 * headings closes those at or below a heading's level first.
 */
export function readHeading(ctx: ImportContext, node: Heading): void {
	const pin = ctx.pinOf(toString(node).trim(), node.position?.start.line);
	const raw = pin.text.trim();
	if (!raw) {
		ctx.warnings.push(`line ${node.position?.start.line}: empty heading skipped`);
		return;
	}
	if (node.depth === 1 && ctx.title === undefined && !ctx.stack.length) {
		ctx.title = cleanHeading(raw);
		return;
	}
	while (ctx.stack.length && ctx.stack.at(-1)!.depth >= node.depth) ctx.stack.pop();
	ctx.lastStep = undefined;
	const title = cleanHeading(raw);
	const stepTitle = stepHeadingText(title);
	const numbered = /^\d+[.)]\s/.test(raw);
	const numberedAsks = numbered && headingAsks(title);
	// A section opened for step headings ends at the first heading that is not one.
	const top = ctx.stack.at(-1);
	if (stepTitle === undefined && !numberedAsks && top?.implicit && top.depth === node.depth - 1) ctx.stack.pop();
	const option = optionTitle(raw);
	if (option && ctx.sink) {
		ctx.stack.push({ depth: node.depth, sink: optionUnder(ctx, ctx.sink, option) });
		return;
	}
	if (stepTitle !== undefined && (!ctx.sink || ctx.sink.section)) {
		stepHeading(ctx, node, pin.id, raw, stepTitle);
		return;
	}
	// "### 1. Cordon the node" under a Diagnosis or Mitigation: a step, as "Step 1:" is; anywhere
	// else when its words ask for something ("## 1. Retrieve the snapshot ARNs"). A numbered
	// heading that names a part is a group ("### 3. Security" over its checkboxes).
	const inResponse = ctx.sink?.section && RESPONSE_STEP_KINDS.has(ctx.sink.kind);
	const asks = numberedAsks && (!ctx.sink || (ctx.sink.section && holdsProcedures(ctx.sink.kind)));
	if ((numbered && inResponse) || asks) {
		stepHeading(ctx, node, pin.id, raw, title);
		return;
	}
	const parent = ctx.sink;
	if (parent && !parent.section) {
		// A heading inside a step or an option heading ("### Version History" under "## 2. Update
		// Dependencies"): a group of that step, its title in bold, and what follows it the step's
		// too. A section of its own would be on no page, and everything under it with it.
		if (parent.addHeading) parent.addHeading(title);
		else parent.addNote(`**${title}**`);
		ctx.slugger.slug(raw);
		ctx.stack.push({ depth: node.depth, sink: parent });
		return;
	}
	const kind = kindOf(ctx, title, parent?.kind);
	// The heading's text ends where its last inline ends (before closing #s or a setext line).
	const textEnd = node.children.at(-1)?.position?.end.offset;
	const section: Section = { id: ctx.idFor(pin.id, title, 'section', pin.id ? undefined : textEnd), title, kind };
	// The anchor the source's own site gave this heading: links from other documents use it.
	ctx.anchors.set(pin.id ?? ctx.slugger.slug(raw), section.id);
	if (parent?.section) (parent.section.sections ??= []).push(section);
	else ctx.sections.push(section);
	ctx.stack.push({ depth: node.depth, sink: sectionSink(ctx, section) });
}

/**
 * "### Step 2: Resize the volume": a step, its paragraphs and code blocks its details and
 * commands, up to the next heading of its level. Step headings right under the title get a
 * section of their own, "Steps".
 */
function stepHeading(ctx: ImportContext, node: Heading, pinned: string | undefined, raw: string, text: string): void {
	if (!ctx.sink) openSection(ctx, 'Steps', 'procedure', node.depth - 1, true);
	const parent = ctx.sink!;
	const textEnd = node.children.at(-1)?.position?.end.offset;
	const step: Step = { id: ctx.idFor(pinned, text, 'step', pinned ? undefined : textEnd), text };
	ctx.anchors.set(pinned ?? ctx.slugger.slug(raw), step.id);
	parent.steps.push(step);
	ctx.stack.push({ depth: node.depth, sink: stepSink(step, parent.kind === 'checklist' ? 'procedure' : parent.kind), step: true });
}

/**
 * What a heading's section is for. Response headings (Meaning, Diagnosis, Mitigation ...) are
 * read first in a document of that shape; in a checklist only the unmistakable ones, after the
 * checklist's own ("Troubleshooting" is common issues there, diagnosis in an alert runbook).
 */
export function kindOf(ctx: Pick<ImportContext, 'response'>, title: string, parentKind: SectionKind | undefined): SectionKind {
	if (ctx.response) {
		if (parentKind === 'reference' || parentKind === 'signoff') return parentKind;
		return responseKind(title) ?? guessSectionKind(title, parentKind);
	}
	const guessed = guessSectionKind(title, parentKind);
	return guessed === (parentKind ?? 'checklist') ? (coreResponseKind(title) ?? guessed) : guessed;
}

/** "### Option A: Docker Compose" under a section: one step with one alternative per option. */
function optionUnder(ctx: ImportContext, parent: Sink, title: string): Sink {
	let holder = parent.steps.at(-1);
	if (!holder?.alternatives) {
		holder = { id: ctx.ids.allocate(`${parent.title} options`), text: 'Do one of the following options.', alternatives: [] };
		parent.steps.push(holder);
	}
	const alternative: Alternative = { id: ctx.ids.allocate(title, 'option'), title };
	holder.alternatives!.push(alternative);
	return alternativeSink(alternative, parent.kind);
}

/** "**Diagnosis**" or "**Mitigation:**" alone on its line: its words, else undefined. */
export function boldLine(node: Paragraph): string | undefined {
	const [first, ...rest] = node.children;
	if (first?.type !== 'strong' || rest.some((child) => child.type !== 'text' || !/^\s*:?\s*$/.test(child.value))) return undefined;
	const text = toString(first)
		.replace(/\s*:\s*$/, '')
		.trim();
	return text && text.length <= 60 && !text.includes('\n') ? text : undefined;
}

/** Whether a title names a part of a runbook (Diagnosis, Rollback, Contacts …), not any bold words. */
export function namesAPart(title: string): boolean {
	return responseKind(title) !== undefined || guessSectionKind(title) !== 'checklist';
}
