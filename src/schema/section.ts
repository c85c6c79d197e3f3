import { z } from 'astro/zod';
import { dueSchema, everySchema } from './timing.ts';
import { formerIdsSchema, idSchema } from './ids.ts';
import { contactSchema, resourceSchema } from './reference.ts';
import { stepSchema } from './step.ts';
import { techniquesSchema } from './techniques.ts';
import { lintIgnoreSchema } from './lint.ts';

/**
 * What a section is for decides how it is shown and used: checklists are ticked in any order,
 * procedures are done in order, rollback sections get their own pages, criteria say when a
 * deployment (or a rollback) counts as done, reference holds contacts, links and known issues.
 *
 * Response runbooks (one page per alert) name their parts after the alert-runbook template of
 * the Prometheus community and its cousins: overview (Meaning, Symptoms, Overview) and impact
 * are prose to read; diagnosis (Diagnosis, Investigation, Triage) and mitigation (Mitigation,
 * Resolution, Remediation) are steps to do in order; escalation says whom to call next.
 */
export const SECTION_KINDS = [
	'checklist',
	'procedure',
	'monitoring',
	'rollback',
	'verification',
	'criteria',
	'reference',
	'signoff',
	'overview',
	'impact',
	'diagnosis',
	'mitigation',
	'escalation',
] as const;

export const sectionKindSchema = z.enum(SECTION_KINDS, {
	error: (issue) => `${JSON.stringify(issue.input)} is not a section kind. Hint: use one of ${SECTION_KINDS.join(', ')}`,
});

export const sectionSchema = z.strictObject({
	id: idSchema,
	formerIds: formerIdsSchema,
	title: z.string({ error: 'a section needs a title. Hint: add `title: "Pre-deployment"`' }).min(1),
	kind: sectionKindSchema.default('checklist'),
	description: z.string().optional().describe('Inline Markdown shown under the heading'),
	when: z
		.string()
		.min(1)
		.optional()
		.describe('When to use this procedure, as inline Markdown: its trigger, e.g. "error rate above 5% for 10 minutes after a deploy"'),
	due: dueSchema,
	every: everySchema,
	notes: z.array(z.string()).optional().describe('Prose, tables and comments kept from the source, as block Markdown'),
	steps: z.array(stepSchema).optional(),
	techniques: techniquesSchema,
	lint: lintIgnoreSchema,
	contacts: z.array(contactSchema).optional(),
	resources: z.array(resourceSchema).optional(),
	get sections() {
		return z.array(sectionSchema).optional().describe('Sub-sections, nestable');
	},
});

export type SectionKind = (typeof SECTION_KINDS)[number];
export type Section = z.infer<typeof sectionSchema>;
