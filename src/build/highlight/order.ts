/**
 * Every command block of a collection, in the order the build needs them: the rollback pages'
 * blocks first (Astro renders the rollback pages before the runbook pages, and the runbook page
 * reuses them, see highlight/command-html.ts), then the runbook pages' other blocks; each
 * page's first block in its own variant, with Expressive Code's stylesheet and script. Another
 * order is never wrong, only slower: a block not highlighted ahead is highlighted on its page.
 */
import type { Command } from '../../schema/command.ts';
import type { Section } from '../../schema/section.ts';
import type { Step } from '../../schema/step.ts';
import { noteCommands } from '../../model/note-parts.ts';
import { rollbackContent } from '../../model/rollback.ts';

export interface RunbookSections {
	id: string;
	data: { sections: Section[]; notes?: string[] | undefined };
}

export interface PlacedBlock {
	command: Command;
	/** The runbook the command belongs to. */
	runbook: string;
	/** The first block of a page: the one that carries Expressive Code's stylesheet and script. */
	first: boolean;
}

/** A step's command blocks in the order render/steps.ts shows them: commands, notes, options, sub-steps. */
function* stepCommands(step: Step): Generator<Command> {
	yield* step.commands ?? [];
	for (const note of step.notes ?? []) yield* noteCommands(note);
	for (const alternative of step.alternatives ?? []) {
		yield* noteCommands(alternative.text);
		yield* alternative.commands ?? [];
		for (const child of alternative.steps ?? []) yield* stepCommands(child);
	}
	for (const child of step.steps ?? []) yield* stepCommands(child);
}

/** A section's own command blocks (not its sub-sections'), in the order SectionBlock shows them. */
function* sectionCommands(section: Section): Generator<Command> {
	for (const note of section.notes ?? []) yield* noteCommands(note);
	for (const step of section.steps ?? []) yield* stepCommands(step);
}

/** Commands of `sections` and their sub-sections, split by whether they sit in a rollback section. */
function collect(sections: Section[] | undefined, inRollback: boolean, rollback: Command[], other: Command[]): void {
	for (const section of sections ?? []) {
		const rolledBack = inRollback || section.kind === 'rollback';
		(rolledBack ? rollback : other).push(...sectionCommands(section));
		collect(section.sections, rolledBack, rollback, other);
	}
}

export function blocksInBuildOrder(runbooks: RunbookSections[]): PlacedBlock[] {
	const rollbackPages: PlacedBlock[] = [];
	const runbookPages: PlacedBlock[] = [];
	for (const { id, data } of runbooks) {
		const rollback: Command[] = [];
		const other: Command[] = [...(data.notes ?? []).flatMap((note) => [...noteCommands(note)])];
		collect(data.sections, false, rollback, other);
		const rollbackFirst = firstCommand(rollbackContent(data.sections)?.sections);
		if (rollbackFirst) rollbackPages.push({ command: rollbackFirst, runbook: id, first: true });
		// Rollback commands are on the runbook page too, where the rollback page's first is not first.
		rollbackPages.push(...rollback.map((command) => ({ command, runbook: id, first: false })));
		const pageFirst = firstCommand(data.sections, data.notes);
		if (pageFirst) runbookPages.push({ command: pageFirst, runbook: id, first: true });
		runbookPages.push(...other.filter((command) => command !== pageFirst).map((command) => ({ command, runbook: id, first: false })));
	}
	return [...rollbackPages, ...runbookPages];
}

function* pageCommands(sections: Section[] | undefined): Generator<Command> {
	for (const section of sections ?? []) {
		yield* sectionCommands(section);
		yield* pageCommands(section.sections);
	}
}

/**
 * The first command block on a page that shows `sections` (after the runbook's own notes, on its
 * page), in the order SectionBlock and render/steps.ts put them: a section's notes, then
 * its steps (a step's commands, notes, options, sub-steps), then its sub-sections.
 */
export function firstCommand(sections: Section[] | undefined, notes?: string[]): Command | undefined {
	for (const note of notes ?? []) for (const command of noteCommands(note)) return command;
	for (const command of pageCommands(sections)) return command;
	return undefined;
}
