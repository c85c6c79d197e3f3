import type { Command } from '../../schema/command.ts';
import type { Section } from '../../schema/section.ts';
import type { Step } from '../../schema/step.ts';
import type { DataPath } from './types.ts';

/** A section with where it is and whether it is (inside) a rollback or mitigation procedure. */
export interface PlacedSection {
	section: Section;
	path: DataPath;
	/** In a rollback or mitigation section, or one itself: done under pressure, when things broke. */
	emergency: boolean;
	/** Top-level, or the first emergency section on its way down. */
	parent?: PlacedSection;
}

export interface PlacedStep {
	step: Step;
	path: DataPath;
	section: PlacedSection;
}

/** A list of steps at one level (a section's, a step's sub-steps, an option's) with its path. */
export interface PlacedList {
	steps: Step[];
	path: DataPath;
	section: PlacedSection;
}

export interface PlacedCommand {
	command: Command;
	/** The path of its `code`. */
	path: DataPath;
	step: PlacedStep;
}

const isEmergency = (section: Section) => section.kind === 'rollback' || section.kind === 'mitigation';

export function* placedSections(sections: Section[], path: DataPath = [], parent?: PlacedSection): Generator<PlacedSection> {
	for (const [i, section] of sections.entries()) {
		const placed: PlacedSection = {
			section,
			path: [...path, 'sections', i],
			emergency: isEmergency(section) || Boolean(parent?.emergency),
			...(parent ? { parent } : {}),
		};
		yield placed;
		yield* placedSections(section.sections ?? [], placed.path, placed);
	}
}

/**
 * Every list of steps in a section (not its sub-sections'), the section's own first, depth first:
 * a step's options' lists, then its sub-steps', before the next step. Worked out once per section
 * and shared by the rules that read it (the build lints every runbook: walking the steps again
 * for each rule, with a generator, was most of the lint's time).
 */
export function stepLists(section: PlacedSection): readonly PlacedList[] {
	let lists = listsOf.get(section);
	if (!lists) {
		lists = [];
		collectLists(section.section.steps, [...section.path, 'steps'], section, lists);
		listsOf.set(section, lists);
	}
	return lists;
}
const listsOf = new WeakMap<PlacedSection, PlacedList[]>();

function collectLists(steps: Step[] | undefined, path: DataPath, section: PlacedSection, into: PlacedList[]): void {
	if (!steps?.length) return;
	into.push({ steps, path, section });
	for (let i = 0; i < steps.length; i++) {
		const { alternatives, steps: sub } = steps[i]!;
		if (alternatives)
			for (let j = 0; j < alternatives.length; j++)
				collectLists(alternatives[j]!.steps, [...path, i, 'alternatives', j, 'steps'], section, into);
		collectLists(sub, [...path, i, 'steps'], section, into);
	}
}

/** Every step of a section (options' sub-steps included), list by list; once per section too. */
export function placedSteps(section: PlacedSection): readonly PlacedStep[] {
	let steps = stepsOf.get(section);
	if (!steps) {
		steps = [];
		for (const list of stepLists(section))
			for (let i = 0; i < list.steps.length; i++) steps.push({ step: list.steps[i]!, path: [...list.path, i], section });
		stepsOf.set(section, steps);
	}
	return steps;
}
const stepsOf = new WeakMap<PlacedSection, PlacedStep[]>();

/** A step's commands and its options' commands, with the path of each `code`. */
export function* stepCommands(step: PlacedStep): Generator<PlacedCommand> {
	for (const [i, command] of (step.step.commands ?? []).entries()) yield { command, path: [...step.path, 'commands', i, 'code'], step };
	for (const [j, alt] of (step.step.alternatives ?? []).entries())
		for (const [i, command] of (alt.commands ?? []).entries())
			yield { command, path: [...step.path, 'alternatives', j, 'commands', i, 'code'], step };
}
