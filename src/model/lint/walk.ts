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

/** Every list of steps in a section (not its sub-sections'), the section's own first. */
export function* stepLists(section: PlacedSection): Generator<PlacedList> {
	const nested: [Step[], DataPath][] = [];
	function* visit(steps: Step[] | undefined, path: DataPath): Generator<PlacedList> {
		if (!steps?.length) return;
		yield { steps, path, section };
		// Most steps have neither: no generator is made for them (the build lints every runbook).
		for (let i = 0; i < steps.length; i++) {
			const step = steps[i]!;
			step.alternatives?.forEach((alt, j) => {
				if (alt.steps?.length) nested.push([alt.steps, [...path, i, 'alternatives', j, 'steps']]);
			});
			if (step.steps?.length) nested.push([step.steps, [...path, i, 'steps']]);
			for (const [list, at] of nested.splice(0)) yield* visit(list, at);
		}
	}
	yield* visit(section.section.steps, [...section.path, 'steps']);
}

/** Every step of a section (options' sub-steps included), list by list. */
export function* placedSteps(section: PlacedSection): Generator<PlacedStep> {
	for (const list of stepLists(section))
		for (let i = 0; i < list.steps.length; i++) yield { step: list.steps[i]!, path: [...list.path, i], section };
}

/** A step's commands and its options' commands, with the path of each `code`. */
export function* stepCommands(step: PlacedStep): Generator<PlacedCommand> {
	for (const [i, command] of (step.step.commands ?? []).entries()) yield { command, path: [...step.path, 'commands', i, 'code'], step };
	for (const [j, alt] of (step.step.alternatives ?? []).entries())
		for (const [i, command] of (alt.commands ?? []).entries())
			yield { command, path: [...step.path, 'alternatives', j, 'commands', i, 'code'], step };
}
