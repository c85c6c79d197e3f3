import type { Section } from '../schema/section.ts';
import { TECHNIQUE_IDS, type Technique } from '../schema/techniques.ts';
import { paths } from './paths.ts';
import { sectionLinks, type StepLinks } from './links.ts';
import { plainText } from './text.ts';
import { tickableSteps, walkSections, walkSteps } from './outline.ts';

/** One rollback procedure: a rollback section that holds steps, e.g. "Quick Rollback (Kubernetes)". */
export interface RollbackProcedure {
	/** The section id: `/rollback/<runbook>/#<id>`. */
	id: string;
	title: string;
	/** Titles of the rollback sections it sits in, outermost first. */
	trail: string[];
	techniques: Technique[];
	/** Steps to tick (leaves), as counted everywhere else. */
	steps: number;
	/** Every step id inside, sub-steps included: search results map back to the procedure. */
	stepIds: string[];
}

export interface RollbackContent {
	/** The outermost rollback sections, each with its "when to roll back" sub-sections first. */
	sections: Section[];
	/** True when some section says when to roll back (a criteria section inside the rollback). */
	hasCriteria: boolean;
	procedures: RollbackProcedure[];
	techniques: Technique[];
}

/** Rollback sections not inside another rollback section, in document order. */
function outermostRollbacks(sections: Section[]): Section[] {
	return sections.flatMap((section) => (section.kind === 'rollback' ? [section] : outermostRollbacks(section.sections ?? [])));
}

/** Read, then do: criteria sub-sections move before the steps, at every level. */
function criteriaFirst(section: Section): Section {
	if (!section.sections?.length) return section;
	const children = section.sections.map(criteriaFirst);
	return { ...section, sections: [...children.filter((s) => s.kind === 'criteria'), ...children.filter((s) => s.kind !== 'criteria')] };
}

function inVocabularyOrder(set: Set<Technique>): Technique[] {
	return TECHNIQUE_IDS.filter((t) => set.has(t));
}

/** A section's own techniques, then those of its steps (sub-steps included), each once. */
export function sectionTechniques(section: Section): Set<Technique> {
	const set = new Set<Technique>(section.techniques);
	for (const step of walkSteps(section.steps)) for (const t of step.techniques ?? []) set.add(t);
	return set;
}

/** The rollback content of a runbook, or undefined when it has none. */
export function rollbackContent(sections: Section[]): RollbackContent | undefined {
	const roots = outermostRollbacks(sections).map(criteriaFirst);
	if (!roots.length) return undefined;
	const procedures: RollbackProcedure[] = [];
	const visit = (section: Section, trail: string[]) => {
		const title = plainText(section.title);
		if (section.steps?.length && section.kind !== 'criteria') {
			procedures.push({
				id: section.id,
				title,
				trail,
				techniques: inVocabularyOrder(sectionTechniques(section)),
				steps: tickableSteps(section.steps).length,
				stepIds: [...walkSteps(section.steps)].map((s) => s.id),
			});
		}
		for (const child of section.sections ?? []) visit(child, [...trail, title]);
	};
	for (const root of roots) visit(root, []);
	const all = new Set<Technique>();
	for (const p of procedures) for (const t of p.techniques) all.add(t);
	return {
		sections: roots,
		hasCriteria: roots.some((root) => [...walkSections([root])].some((s) => s.kind === 'criteria')),
		procedures,
		techniques: inVocabularyOrder(all),
	};
}

/** Where a step or section id points, for "depends on" links. */
export interface IdTarget {
	text: string;
	/** Title of the section it is in (the section itself for a section). */
	section: string;
	inRollback: boolean;
}

/** Every step and section id of a runbook with its plain text and where it sits. */
export function idTargets(sections: Section[]): Map<string, IdTarget> {
	const targets = new Map<string, IdTarget>();
	for (const section of sectionLinks('', sections)) {
		const inRollback = section.rollbackPath !== undefined;
		targets.set(section.id, { text: section.title, section: section.title, inRollback });
		for (const step of section.steps) targets.set(step.id, { text: step.text, section: section.title, inRollback });
	}
	return targets;
}

/**
 * The "Depends on" links under steps: on the rollback page a step of the rollback is an anchor
 * of the page itself, anything else is on the runbook page.
 */
export function dependencyLinks(runbookId: string, sections: Section[], page: 'runbook' | 'rollback'): StepLinks {
	const targets = idTargets(sections);
	return (id) => {
		const target = targets.get(id);
		if (!target) return undefined;
		const here = page === 'runbook' || target.inRollback;
		return { text: target.text, section: target.section, href: here ? `#${id}` : `${paths.runbook(runbookId)}#${id}` };
	};
}
