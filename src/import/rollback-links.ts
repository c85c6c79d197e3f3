import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';
import type { Technique } from '../schema/techniques.ts';
import { walkSteps } from '../model/outline.ts';
import { techniquesOf } from './techniques.ts';

export interface RollbackProposals {
	/** Rollback steps given techniques from their commands. */
	tagged: number;
	/** Links from a rollback step to the step it depends on: `from -> to`. */
	links: string[];
}

/** Steps under a rollback section, at any depth, options included. */
function rollbackSteps(sections: Section[]): { inside: Step[]; outside: Step[] } {
	const inside: Step[] = [];
	const outside: Step[] = [];
	const visit = (list: Section[], underRollback: boolean) => {
		for (const section of list) {
			const rollback = underRollback || section.kind === 'rollback';
			(rollback ? inside : outside).push(...walkSteps(section.steps));
			visit(section.sections ?? [], rollback);
		}
	};
	visit(sections, false);
	return { inside, outside };
}

const allCommands = (step: Step) => [...(step.commands ?? []), ...(step.alternatives ?? []).flatMap((alt) => alt.commands ?? [])];
const codeOf = (step: Step) =>
	allCommands(step)
		.map((c) => c.code)
		.join('\n');

/** What a rollback step needs from the deployment, and how to recognise the step that made it. */
const NEEDS: { when: (step: Step, techniques: Technique[]) => boolean; score: (step: Step) => number }[] = [
	{
		// A restore needs the backup taken before deploying.
		when: (step, techniques) => techniques.includes('database-restore') || /\brestore\b.*\b(?:backup|database)\b/i.test(step.text),
		score: (step) =>
			(/\b(?:pg_dump|pg_dumpall|mysqldump|mongodump)\b/.test(codeOf(step)) ? 3 : 0) +
			(/\bback(?:ed)?[- ]?ups?\b/i.test(step.text) && !/\b(?:restor|retention|polic|automat|schedul|test)/i.test(step.text) ? 1 : 0) +
			// "Back up the database" does it; "Check backup job" only looks at one.
			(/^\W*(?:back ?up|create|take|snapshot|dump)\b/i.test(step.text) ? 1 : 0),
	},
	{
		// Checking out or redeploying "the previous version" needs its tag.
		when: (step, techniques) => techniques.includes('git-checkout') || /\bprevious\s+(?:version|tag|release)\b/i.test(step.text),
		score: (step) =>
			/\bimages?\b/i.test(step.text)
				? 0
				: (/\bgit\s+tag\b/.test(codeOf(step)) ? 2 : 0) +
					(/\btag(?:ged|s)?\b/i.test(step.text) ? 1 : 0) +
					(/\bprevious\b/i.test(step.text) ? 2 : 0),
	},
];

/**
 * Proposes rollback metadata the source only implies: techniques from each rollback step's
 * commands, and a `requires` link from a restore to the backup step and from a checkout of the
 * previous version to the step that tagged it. Mutates the sections; deterministic.
 */
export function proposeRollbackLinks(sections: Section[]): RollbackProposals {
	const { inside, outside } = rollbackSteps(sections);
	const proposals: RollbackProposals = { tagged: 0, links: [] };
	// One link per need and target: the first step that needs the backup points at it, the
	// later ones of the same procedure would only repeat it.
	const linked = new Set<string>();
	// The step a need points at depends on the need alone: found once, not once per rollback step
	// (a long document has thousands of each).
	const bestFor = new Map<number, Step | undefined>();
	const bestOf = (n: number): Step | undefined => {
		if (bestFor.has(n)) return bestFor.get(n);
		let best: Step | undefined;
		let bestScore = 0;
		for (const candidate of outside) {
			const score = NEEDS[n]!.score(candidate);
			// On a tie the later step wins: it is closer to the deployment being undone.
			if (score > 0 && score >= bestScore) [best, bestScore] = [candidate, score];
		}
		bestFor.set(n, best);
		return best;
	};
	for (const step of inside) {
		const techniques = techniquesOf(allCommands(step));
		if (techniques.length) {
			step.techniques = techniques;
			proposals.tagged++;
		}
		NEEDS.forEach((need, n) => {
			if (!need.when(step, techniques)) return;
			const best = bestOf(n);
			if (!best || linked.has(`${n}:${best.id}`)) return;
			linked.add(`${n}:${best.id}`);
			(step.requires ??= []).push(best.id);
			proposals.links.push(`${step.id} -> ${best.id}`);
		});
	}
	return proposals;
}
