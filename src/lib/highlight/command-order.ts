/**
 * Every command block of a collection, in the order the build needs them: the rollback pages'
 * blocks first (Astro renders the rollback pages before the runbook pages, and the runbook page
 * reuses them, see components/CommandBlock.astro), then the runbook pages' other blocks; each
 * page's first block in its own variant, with Expressive Code's stylesheet and script. Another
 * order is never wrong, only slower: a block not highlighted ahead is highlighted on its page.
 */
import type { Command } from '../../schema/command.ts';
import type { Section } from '../../schema/section.ts';
import type { Step } from '../../schema/step.ts';
import { rollbackContent } from '../rollback.ts';
import { walkSteps } from '../runbook-outline.ts';

export interface RunbookSections {
	id: string;
	data: { sections: Section[] };
}

export interface PlacedBlock {
	command: Command;
	/** The runbook the command belongs to. */
	runbook: string;
	/** The first block of a page: the one that carries Expressive Code's stylesheet and script. */
	first: boolean;
}

function* sectionCommands(section: Section): Generator<Command> {
	for (const step of walkSteps(section.steps)) {
		yield* step.commands ?? [];
		for (const alternative of step.alternatives ?? []) yield* alternative.commands ?? [];
	}
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
		const other: Command[] = [];
		collect(data.sections, false, rollback, other);
		const rollbackFirst = firstCommand(rollbackContent(data.sections)?.sections);
		if (rollbackFirst) rollbackPages.push({ command: rollbackFirst, runbook: id, first: true });
		// Rollback commands are on the runbook page too, where the rollback page's first is not first.
		rollbackPages.push(...rollback.map((command) => ({ command, runbook: id, first: false })));
		const pageFirst = firstCommand(data.sections);
		if (pageFirst) runbookPages.push({ command: pageFirst, runbook: id, first: true });
		runbookPages.push(...other.filter((command) => command !== pageFirst).map((command) => ({ command, runbook: id, first: false })));
	}
	return [...rollbackPages, ...runbookPages];
}

function firstInSteps(steps: Step[] | undefined): Command | undefined {
	for (const step of steps ?? []) {
		const found =
			step.commands?.[0] ??
			step.alternatives?.map((alternative) => alternative.commands?.[0] ?? firstInSteps(alternative.steps)).find(Boolean) ??
			firstInSteps(step.steps);
		if (found) return found;
	}
	return undefined;
}

/**
 * The first command block on a page that shows `sections`, in the order SectionBlock, StepItem and
 * Alternatives put them: a step's commands, then its options (commands, then steps), then its
 * sub-steps; a section's steps, then its sub-sections.
 */
export function firstCommand(sections: Section[] | undefined): Command | undefined {
	for (const section of sections ?? []) {
		const found = firstInSteps(section.steps) ?? firstCommand(section.sections);
		if (found) return found;
	}
	return undefined;
}
