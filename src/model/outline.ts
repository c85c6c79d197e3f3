import type { Section } from '../schema/section.ts';
import type { Step } from '../schema/step.ts';
import { plainText } from './text.ts';

/** Every step in document order, options' sub-steps included. */
export function* walkSteps(steps: Step[] | undefined): Generator<Step> {
	for (const step of steps ?? []) {
		yield step;
		for (const alternative of step.alternatives ?? []) yield* walkSteps(alternative.steps);
		yield* walkSteps(step.steps);
	}
}

export function* walkSections(sections: Section[] | undefined): Generator<Section> {
	for (const section of sections ?? []) {
		yield section;
		yield* walkSections(section.sections);
	}
}

/**
 * Steps to tick: steps without sub-steps (a group is done when its sub-steps are); a step with
 * "do one of" options counts once, its options' own sub-steps are extra detail.
 */
export function tickableSteps(steps: Step[] | undefined): Step[] {
	return (steps ?? []).flatMap((step) => (step.steps?.length ? tickableSteps(step.steps) : [step]));
}

export function countSteps(runbook: { sections: Section[] }): number {
	let count = 0;
	for (const section of walkSections(runbook.sections)) count += tickableSteps(section.steps).length;
	return count;
}

export interface OutlineHeading {
	depth: number;
	slug: string;
	text: string;
}

/** The table of contents: one entry per section, nested by depth (h2, h3 ...). */
export function sectionHeadings(sections: Section[], depth = 2): OutlineHeading[] {
	return sections.flatMap((section) => [
		{ depth, slug: section.id, text: plainText(section.title) },
		...sectionHeadings(section.sections ?? [], Math.min(depth + 1, 6)),
	]);
}

const KIND_LABELS: Record<Section['kind'], string> = {
	checklist: 'Checklist',
	procedure: 'Procedure',
	monitoring: 'Monitoring',
	rollback: 'Rollback',
	verification: 'Verification',
	criteria: 'Criteria',
	reference: 'Reference',
	signoff: 'Sign-off',
	overview: 'Overview',
	impact: 'Impact',
	diagnosis: 'Diagnosis',
	mitigation: 'Mitigation',
	escalation: 'Escalation',
};

export function kindLabel(kind: Section['kind']): string {
	return KIND_LABELS[kind];
}

/** Kinds that are prose to read (what fired, what it breaks, whom to call): no badge, nothing to count. */
export function isProse(kind: Section['kind']): boolean {
	return kind === 'overview' || kind === 'impact' || kind === 'escalation';
}

/**
 * The kind's badge beside a section's heading, where it tells the reader something: never on
 * prose, and not when the heading already says it ("Diagnosis", "Rollback").
 */
export function kindBadge(section: Pick<Section, 'kind' | 'title'>): string | undefined {
	if (isProse(section.kind)) return undefined;
	const label = KIND_LABELS[section.kind];
	return label.toLowerCase() === section.title.trim().toLowerCase() ? undefined : label;
}

/** Kinds whose steps are done in order: shown as a numbered list. */
export function isOrdered(kind: Section['kind']): boolean {
	return kind === 'procedure' || kind === 'rollback' || kind === 'diagnosis' || kind === 'mitigation';
}

/** A response runbook (what to do when an alert fires) or a checklist, as the data says, or as its naming alerts shows. */
export function runbookKind(runbook: {
	kind?: 'checklist' | 'response' | undefined;
	alerts?: string[] | undefined;
}): 'checklist' | 'response' {
	return runbook.kind ?? (runbook.alerts?.length ? 'response' : 'checklist');
}
