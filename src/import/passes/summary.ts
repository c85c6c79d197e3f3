import type { Section } from '../../schema/section.ts';
import type { Step } from '../../schema/step.ts';
import type { PassState } from './pass.ts';

export interface ImportSummary {
	sections: number;
	steps: number;
	commands: number;
	alternatives: number;
	notes: number;
	contacts: number;
	resources: number;
	roles: number;
	recordFields: number;
	mojibakeRepairs: number;
	/** Rollback steps given techniques from their commands. */
	rollbackTechniques: number;
	/** Rollback steps linked to the deployment step they depend on. */
	rollbackLinks: number;
	/** Variables proposed from placeholders. */
	variables: number;
	/** Runbook-level: whether the source had the response shape (Meaning, Diagnosis, Mitigation ...). */
	response: boolean;
}

/** The counts the import prints, taken from the finished runbook (after every pass). */
export function summarize({ ctx, runbook, rollback }: PassState): ImportSummary {
	const summary: ImportSummary = {
		sections: 0,
		steps: 0,
		commands: 0,
		alternatives: 0,
		notes: runbook.notes?.length ?? 0,
		contacts: 0,
		resources: 0,
		roles: runbook.signoff?.roles.length ?? 0,
		recordFields: runbook.signoff?.record.length ?? 0,
		mojibakeRepairs: ctx.mojibakeRepairs,
		rollbackTechniques: rollback?.tagged ?? 0,
		rollbackLinks: rollback?.links.length ?? 0,
		variables: runbook.variables?.length ?? 0,
		response: ctx.response,
	};
	const countSteps = (steps: Step[] | undefined) => {
		for (const step of steps ?? []) {
			summary.steps++;
			summary.commands += step.commands?.length ?? 0;
			summary.notes += step.notes?.length ?? 0;
			for (const alt of step.alternatives ?? []) {
				summary.alternatives++;
				summary.commands += alt.commands?.length ?? 0;
				countSteps(alt.steps);
			}
			countSteps(step.steps);
		}
	};
	const countSections = (sections: Section[] | undefined) => {
		for (const section of sections ?? []) {
			summary.sections++;
			summary.notes += section.notes?.length ?? 0;
			summary.contacts += section.contacts?.length ?? 0;
			summary.resources += section.resources?.length ?? 0;
			countSteps(section.steps);
			countSections(section.sections);
		}
	};
	countSections(runbook.sections);
	return summary;
}
