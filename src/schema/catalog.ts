import { z } from 'astro/zod';
import { SECTION_KINDS } from './section.ts';

/**
 * /runbooks.json: what status pages, alert rules and chat bots read. Every URL is absolute
 * (the site's base URL in front of the paths of the URL contract).
 */
const url = z.string().describe('Absolute URL');
const formerIds = z.array(z.string()).optional().describe('Ids this had before; links using them still arrive');

const stepEntry = z.strictObject({
	id: z.string(),
	text: z.string().describe('The step text as plain text'),
	parent: z.string().optional().describe('Id of the step this is a sub-step of'),
	url: url.describe('The step on its runbook page'),
	rollbackUrl: url.optional().describe('The step on the rollback page, for steps of rollback sections'),
	formerIds,
});

const sectionEntry = z.strictObject({
	id: z.string(),
	title: z.string(),
	kind: z.enum(SECTION_KINDS),
	depth: z.number().int().min(1).describe('1 for a top-level section, 2 for its sub-sections ...'),
	url,
	rollbackUrl: url.optional(),
	formerIds,
	steps: z.array(stepEntry).describe('Every step of this section, sub-steps included (see parent)'),
});

export const catalogEntrySchema = z.strictObject({
	id: z.string(),
	title: z.string(),
	system: z.string(),
	kind: z.enum(['checklist', 'response']).describe('checklist: worked through in order; response: what to do when an alert fires'),
	summary: z.string(),
	alerts: z.array(z.string()).describe('The alerts this runbook answers, as the alerting rules name them'),
	alertUrls: z
		.record(z.string(), url)
		.describe("Each alert's own address (/alerts/<name>/), which lands on its runbook: the URL for the rule's runbook_url"),
	severity: z.string().optional().describe('How urgent its alerts are, as their rules label them (critical, warning, info)'),
	version: z.string().optional().describe("The runbook's own version; absent when it has none yet (imported)"),
	owners: z.array(z.string()),
	tags: z.array(z.string()),
	lastReviewed: z.string().optional().describe('YYYY-MM-DD; absent when it was never reviewed (imported)'),
	review: z.strictObject({
		everyDays: z.number().int(),
		due: z.string().optional().describe('YYYY-MM-DD: the next review is due on this day (absent until a first review)'),
		overdueAtBuild: z.boolean().describe('Whether the review was overdue when the site was built; compare `due` with today for now'),
	}),
	formerIds,
	urls: z.strictObject({
		page: url,
		rollback: url.optional(),
		signoff: url,
		data: url
			.optional()
			.describe('The full typed runbook as JSON (runbook.schema.json); only where the site publishes it (`runbookJson: true`)'),
	}),
	sections: z.array(sectionEntry),
});

export const catalogSchema = z.strictObject({
	$schema: z.string(),
	site: url.describe('Base URL of the site'),
	built: z.string().describe('When the site was built (ISO 8601)'),
	runbooks: z.array(catalogEntrySchema),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
