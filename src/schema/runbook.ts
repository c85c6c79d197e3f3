import { z } from 'astro/zod';
import { alertsSchema, severitySchema } from './alerts.ts';
import { isoDateSchema } from './date.ts';
import { formerIdsSchema, RESERVED_IDS } from './ids.ts';
import { type Section, sectionSchema } from './section.ts';
import { signoffSchema } from './signoff.ts';
import type { Step } from './step.ts';
import { findReferences } from './template.ts';
import { findVariableIssues, variablesSchema } from './variables.ts';
import { lintIgnoreSchema } from './lint.ts';

export const RUNBOOK_KINDS = ['checklist', 'response'] as const;

/** One runbook file, content/runbooks/<id>.yaml (or a Markdown file read through the importer). */
export const runbookShape = z.strictObject({
	title: z.string({ error: 'a runbook needs a title. Hint: add `title: "YogaFlow production deployment"`' }).min(1),
	system: z
		.string({ error: 'a runbook needs the system it is for. Hint: add `system: "YogaFlow"`' })
		.min(1)
		.describe('The application or service this runbook deploys or operates'),
	kind: z
		.enum(RUNBOOK_KINDS, {
			error: (issue) => `${JSON.stringify(issue.input)} is not a runbook kind. Hint: use one of ${RUNBOOK_KINDS.join(', ')}`,
		})
		.optional()
		.describe(
			'checklist: a deployment or maintenance worked through in order; response: what to do when an alert fires (Meaning, Impact, Diagnosis, Mitigation). Found from the sections when absent',
		),
	summary: z.string().default('').describe('One or two sentences shown in the catalog'),
	alerts: alertsSchema,
	severity: severitySchema,
	aliases: z
		.array(z.string().min(1))
		.optional()
		.describe('Other names this runbook is known by: old titles, nicknames, paths it had on a former site'),
	// Required of hand-written runbooks (see runbookSchema); what an import does not know stays
	// absent, and the page says "unversioned" and "not reviewed yet".
	version: z.string().min(1).optional().describe("The runbook's own version, raised when it changes (not the release it deploys)"),
	lastReviewed: isoDateSchema.optional().describe('When the runbook was last checked against reality'),
	order: z.number().optional().describe('Sort key within its system in the catalog (Hugo `weight`); lower comes first'),
	reviewEveryDays: z
		.number({ error: 'reviewEveryDays must be a number of days. Hint: write e.g. `reviewEveryDays: 90`' })
		.int()
		.positive()
		.optional()
		.describe('How often the runbook must be reviewed, in days; the site default applies when absent'),
	formerIds: formerIdsSchema.describe('File names (ids) this runbook had before; its old URLs redirect here'),
	owners: z.array(z.string().min(1)).default([]).describe('Team or people to ask about this runbook'),
	tags: z.array(z.string().min(1)).default([]),
	source: z
		.string()
		.optional()
		.describe('The document this runbook was imported from (such a runbook may leave version and lastReviewed out)'),
	notes: z.array(z.string()).optional().describe('Introductory prose as block Markdown'),
	variables: variablesSchema,
	lint: lintIgnoreSchema,
	sections: z
		.array(sectionSchema, { error: 'a runbook needs `sections:`. Hint: add at least one section with steps' })
		.min(1, { error: 'a runbook needs at least one section. Hint: add a section with steps' }),
	signoff: signoffSchema.optional(),
});

type Issue = { message: string; path: (string | number)[] };

/** The known id sharing the longest prefix with a wrong one: a useful "did you mean". */
function closest(wrong: string, known: string[]): string {
	let best = known[0] ?? 'backup-database';
	let bestLength = -1;
	for (const id of known) {
		let n = 0;
		while (n < id.length && id[n] === wrong[n]) n++;
		if (n > bestLength) [best, bestLength] = [id, n];
	}
	return best;
}

function sectionIsEmpty(section: Section): boolean {
	return (
		!section.steps?.length &&
		!section.sections?.length &&
		!section.notes?.length &&
		!section.contacts?.length &&
		!section.resources?.length &&
		!section.description
	);
}

/**
 * Checks that span the whole file: every section, step and alternative id is unique, because
 * they share one page (HTML ids) and one progress store; no section is empty.
 */
export function findRunbookIssues(runbook: { sections: Section[]; signoff?: z.infer<typeof signoffSchema> }): Issue[] {
	const issues: Issue[] = [];
	const seen = new Map<string, string>();
	const claim = (id: string, path: (string | number)[]) => {
		const where = path.join('.');
		if (RESERVED_IDS.includes(id)) {
			issues.push({
				path: [...path, 'id'],
				message: `the id "${id}" is reserved for the page itself. Hint: use a longer id, e.g. "${id}-checks"`,
			});
			return;
		}
		const first = seen.get(id);
		if (first) {
			issues.push({
				path: [...path, 'id'],
				message: `duplicate id "${id}" (already used at ${first}). Hint: ids must be unique across all sections and steps of a runbook; rename one, e.g. "${id}-2"`,
			});
		} else seen.set(id, where);
	};
	const references: { from: string; to: string; path: (string | number)[] }[] = [];
	const formers: { id: string; owner: string; path: (string | number)[] }[] = [];
	const noteFormers = (owner: { id: string; formerIds?: string[] | undefined }, path: (string | number)[]) =>
		owner.formerIds?.forEach((id, j) => formers.push({ id, owner: owner.id, path: [...path, 'formerIds', j] }));
	const visitSteps = (steps: Step[] | undefined, path: (string | number)[]) => {
		steps?.forEach((step, i) => {
			const stepPath = [...path, 'steps', i];
			claim(step.id, stepPath);
			noteFormers(step, stepPath);
			step.requires?.forEach((to, j) => references.push({ from: step.id, to, path: [...stepPath, 'requires', j] }));
			step.alternatives?.forEach((alt, j) => {
				const altPath = [...stepPath, 'alternatives', j];
				claim(alt.id, altPath);
				visitSteps(alt.steps, altPath);
			});
			visitSteps(step.steps, stepPath);
		});
	};
	const visitSections = (sections: Section[] | undefined, path: (string | number)[]) => {
		sections?.forEach((section, i) => {
			const sectionPath = [...path, 'sections', i];
			claim(section.id, sectionPath);
			noteFormers(section, sectionPath);
			if (sectionIsEmpty(section)) {
				issues.push({
					path: sectionPath,
					message: `section "${section.title}" is empty. Hint: add steps, notes or sub-sections, or remove it`,
				});
			}
			visitSteps(section.steps, sectionPath);
			visitSections(section.sections, sectionPath);
		});
	};
	visitSections(runbook.sections, []);
	// A former id must lead to one place: not to a current id, not to two steps.
	const formerOwner = new Map<string, string>();
	for (const { id, owner, path } of formers) {
		if (seen.has(id)) {
			issues.push({
				path,
				message: `former id "${id}" of "${owner}" is a current id (at ${seen.get(id)}), so old links would land there. Hint: remove it from formerIds, or rename the other one`,
			});
		} else if (formerOwner.has(id) && formerOwner.get(id) !== owner) {
			issues.push({
				path,
				message: `former id "${id}" is claimed by both "${formerOwner.get(id)}" and "${owner}". Hint: keep it on the one old links should reach`,
			});
		} else formerOwner.set(id, owner);
	}
	for (const { from, to, path } of references) {
		if (to === from)
			issues.push({
				path,
				message: `step "${from}" requires itself. Hint: name the step it depends on, e.g. the backup taken before deploying`,
			});
		else if (!seen.has(to))
			issues.push({
				path,
				message: `requires "${to}", which is no step or section of this runbook. Hint: use the id of an existing step, e.g. "${closest(to, [...seen.keys()])}"`,
			});
	}

	const roleIds = new Set<string>();
	const parts = runbook.sections.map((section) => section.id);
	runbook.signoff?.roles.forEach((role, i) => {
		role.parts?.forEach((part, j) => {
			if (!parts.includes(part))
				issues.push({
					path: ['signoff', 'roles', i, 'parts', j],
					message: `"${part}" is not a top-level section of this runbook. Hint: use the id of the part this role signs, e.g. "${closest(part, parts)}"`,
				});
		});
		if (roleIds.has(role.id))
			issues.push({ path: ['signoff', 'roles', i, 'id'], message: `duplicate sign-off role id "${role.id}". Hint: rename one` });
		roleIds.add(role.id);
	});
	const fieldIds = new Set<string>();
	runbook.signoff?.record.forEach((field, i) => {
		if (fieldIds.has(field.id))
			issues.push({ path: ['signoff', 'record', i, 'id'], message: `duplicate record field id "${field.id}". Hint: rename one` });
		fieldIds.add(field.id);
	});
	return issues;
}

/**
 * A runbook written by hand says which version it is and when it was last checked. One imported
 * from a document (it names its `source`) may not know: a team's first import must build, and
 * its pages say "unversioned" and "not reviewed yet" until someone fills these in.
 */
function findHeaderIssues(runbook: {
	source?: string | undefined;
	version?: string | undefined;
	lastReviewed?: string | undefined;
}): Issue[] {
	if (runbook.source) return [];
	const issues: Issue[] = [];
	if (runbook.version === undefined) {
		issues.push({
			path: ['version'],
			message: 'missing required field "version". Hint: add `version: "1.0.0"` and raise it when the runbook changes',
		});
	}
	if (runbook.lastReviewed === undefined) {
		issues.push({
			path: ['lastReviewed'],
			message:
				'missing required field "lastReviewed". Hint: add `lastReviewed: "YYYY-MM-DD"`, the day the steps were last checked against reality',
		});
	}
	return issues;
}

export const runbookSchema = runbookShape.superRefine((runbook, ctx) => {
	for (const issue of findHeaderIssues(runbook)) ctx.addIssue({ code: 'custom', ...issue });
	for (const issue of findRunbookIssues(runbook)) ctx.addIssue({ code: 'custom', ...issue });
	for (const issue of findVariableIssues(runbook, findReferences(runbook))) ctx.addIssue({ code: 'custom', ...issue });
});

export type Runbook = z.infer<typeof runbookSchema>;
export type RunbookInput = z.input<typeof runbookSchema>;
