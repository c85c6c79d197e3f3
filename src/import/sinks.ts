import type { Section, SectionKind } from '../schema/section.ts';
import type { Alternative, Step } from '../schema/step.ts';
import type { ImportContext, Sink } from './context.ts';
import { inlineCommands } from './response.ts';

/**
 * The three places content can go, each deciding what prose and stray commands mean there: a
 * section (its first short prose describes it), an option of a step (prose is the option's text),
 * and a step written as a heading (prose is its details, a command block is its command).
 */

export function sectionSink(ctx: ImportContext, section: Section): Sink {
	return {
		kind: section.kind,
		title: section.title,
		section,
		get steps() {
			section.steps ??= [];
			return section.steps;
		},
		addNote: (markdown) => {
			// The first prose in a section, before any step, describes it.
			if (!section.description && !section.steps?.length && !section.notes?.length && !markdown.includes('\n') && markdown.length <= 200) {
				section.description = markdown;
			} else if ((ctx.asksAreSteps(section.kind) || ctx.stepsInProse.has(section)) && section.steps?.length) {
				// In diagnosis and mitigation, prose after a step says more about that step
				// ("That result should give a rough timeline"): it stays under it, in order.
				(section.steps.at(-1)!.notes ??= []).push(markdown);
			} else (section.notes ??= []).push(markdown);
		},
	};
}

export function alternativeSink(alternative: Alternative, kind: SectionKind): Sink {
	return {
		kind,
		title: alternative.title,
		get steps() {
			alternative.steps ??= [];
			return alternative.steps;
		},
		addNote: (markdown) => {
			alternative.text = alternative.text ? `${alternative.text}\n\n${markdown}` : markdown;
		},
		addCommands: (commands) => {
			if (alternative.steps?.length) return false;
			(alternative.commands ??= []).push(...commands);
			return true;
		},
	};
}

export function stepSink(step: Step, kind: SectionKind): Sink {
	return {
		kind,
		title: step.text,
		get steps() {
			step.steps ??= [];
			return step.steps;
		},
		addNote: (markdown) => {
			if (markdown.includes('\n')) {
				(step.notes ??= []).push(markdown);
				return;
			}
			(step.details ??= []).push(markdown);
			// "Run `aws ec2 create-snapshot …`.": the command, ready to copy.
			if (!step.commands) {
				const commands = inlineCommands(markdown);
				if (commands.length) step.commands = commands;
			}
		},
		// Among the notes, so that it stands right above the table or block it titles.
		addHeading: (title) => {
			(step.notes ??= []).push(`**${title}**`);
		},
		addCommands: (commands) => {
			(step.commands ??= []).push(...commands);
			return true;
		},
	};
}

/** A section the document does not write as a heading ("What to do", "Steps"). */
export function openSection(ctx: ImportContext, title: string, kind: SectionKind, depth = 2, implicit = false): void {
	const section: Section = { id: ctx.ids.allocate(title, 'section'), title, kind };
	ctx.sections.push(section);
	ctx.stack.push({ depth, sink: sectionSink(ctx, section), implicit });
}
