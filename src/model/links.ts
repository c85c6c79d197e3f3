import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';
import { plainText } from './text.ts';

import { paths } from './paths.ts';

/** Resolves a `requires` id to the link shown under a step: text, where it sits, and its URL. */
export type StepLinks = (id: string) => { text: string; section: string; href: string } | undefined;

export interface StepLink {
	id: string;
	text: string;
	/** The step this one is a sub-step of. */
	parent?: string;
	path: string;
	/** On the rollback page too, for steps of rollback sections. */
	rollbackPath?: string;
	formerIds?: string[];
}

export interface SectionLink {
	id: string;
	title: string;
	kind: Section['kind'];
	depth: number;
	path: string;
	rollbackPath?: string;
	formerIds?: string[];
	steps: StepLink[];
}

/** Every section (flattened, with its depth) and step of a runbook with the URL that reaches it. */
export function sectionLinks(id: string, sections: Section[]): SectionLink[] {
	const out: SectionLink[] = [];
	const visit = (list: Section[], depth: number, inRollback: boolean) => {
		for (const section of list) {
			const rollback = inRollback || section.kind === 'rollback';
			const at = (anchor: string) => ({
				path: `${paths.runbook(id)}#${anchor}`,
				...(rollback ? { rollbackPath: `${paths.rollback(id)}#${anchor}` } : {}),
			});
			const steps: StepLink[] = [];
			const addSteps = (list: Step[] | undefined, parent?: string) => {
				for (const step of list ?? []) {
					steps.push({
						id: step.id,
						text: plainText(step.text),
						...(parent ? { parent } : {}),
						...at(step.id),
						...(step.formerIds?.length ? { formerIds: step.formerIds } : {}),
					});
					for (const alt of step.alternatives ?? []) addSteps(alt.steps, step.id);
					addSteps(step.steps, step.id);
				}
			};
			addSteps(section.steps);
			out.push({
				id: section.id,
				title: plainText(section.title),
				kind: section.kind,
				depth,
				...at(section.id),
				...(section.formerIds?.length ? { formerIds: section.formerIds } : {}),
				steps,
			});
			visit(section.sections ?? [], depth + 1, rollback);
		}
	};
	visit(sections, 1, false);
	return out;
}

/** Old anchor -> current id, for every section and step that declares former ids. */
export function formerIdMap(sections: Section[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const section of sectionLinks('', sections)) {
		for (const old of section.formerIds ?? []) map[old] = section.id;
		for (const step of section.steps) for (const old of step.formerIds ?? []) map[old] = step.id;
	}
	return map;
}
