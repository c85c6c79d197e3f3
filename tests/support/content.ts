import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const RUNBOOK_DIR = 'content/runbooks';

interface RawStep {
	id: string;
	text: string;
	expect?: string;
	steps?: RawStep[];
	alternatives?: { id: string; steps?: RawStep[] }[];
}
interface RawSection {
	id: string;
	title: string;
	kind?: string;
	steps?: RawStep[];
	sections?: RawSection[];
}
export interface RawRunbook {
	id: string;
	title: string;
	system: string;
	sections: RawSection[];
	signoff?: { roles: { id: string; title: string }[] };
}

/** The bundled runbooks as plain YAML data, read without the app's own code. */
export function loadRunbooks(): RawRunbook[] {
	return readdirSync(RUNBOOK_DIR)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => ({ id: f.replace(/\.yaml$/, ''), ...parse(readFileSync(join(RUNBOOK_DIR, f), 'utf8')) }));
}

export function stepsOf(runbook: RawRunbook): RawStep[] {
	const out: RawStep[] = [];
	const visitSteps = (steps: RawStep[] = []) => {
		for (const step of steps) {
			out.push(step);
			for (const alt of step.alternatives ?? []) visitSteps(alt.steps);
			visitSteps(step.steps);
		}
	};
	const visitSections = (sections: RawSection[] = []) => {
		for (const section of sections) {
			visitSteps(section.steps);
			visitSections(section.sections);
		}
	};
	visitSections(runbook.sections);
	return out;
}

/** Steps a person ticks: no sub-steps, not inside an option (an option holder counts once). */
export function tickableOf(runbook: RawRunbook): RawStep[] {
	const leaves = (steps: RawStep[] = []): RawStep[] => steps.flatMap((s) => (s.steps?.length ? leaves(s.steps) : [s]));
	return sectionsOf(runbook).flatMap((section) => leaves(section.steps));
}

export function sectionsOf(runbook: RawRunbook): RawSection[] {
	const out: RawSection[] = [];
	const visit = (sections: RawSection[] = []) => {
		for (const s of sections) {
			out.push(s);
			visit(s.sections);
		}
	};
	visit(runbook.sections);
	return out;
}
