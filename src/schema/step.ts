import { z } from 'astro/zod';
import { commandSchema } from './command.ts';
import { formerIdsSchema, idSchema } from './ids.ts';
import { dueSchema, everySchema } from './timing.ts';
import { techniquesSchema } from './techniques.ts';
import { lintIgnoreSchema } from './lint.ts';

const inlineMarkdown = z.string().min(1, { error: 'text must not be empty. Hint: write what to do, e.g. "Run database migrations"' });

/** One way of doing a step ("Option A: Docker Compose"); the reader picks one. */
export const alternativeSchema = z.strictObject({
	id: idSchema,
	title: z.string().min(1).describe('Short label shown on the tab, e.g. "Docker Compose"'),
	text: z.string().optional().describe('Inline Markdown shown above the commands'),
	commands: z.array(commandSchema).optional(),
	get steps() {
		return z.array(stepSchema).optional().describe('Ordered sub-steps of this option');
	},
});

/** A step: a checkbox on the page, a row on the sign-off sheet, a link target. */
export const stepSchema = z.strictObject({
	id: idSchema,
	formerIds: formerIdsSchema,
	text: inlineMarkdown.describe('What to do, as inline Markdown (code, bold, links)'),
	details: z.array(z.string()).optional().describe('Notes and plain bullets that are not steps (inline Markdown)'),
	notes: z.array(z.string()).optional().describe('Longer notes as block Markdown: quotes, tables, prose'),
	commands: z.array(commandSchema).optional().describe('Commands to run, in order'),
	expect: z
		.string()
		.min(1, { error: 'expect must not be empty. Hint: write the state that confirms the step, e.g. "HTTP 200", or remove it' })
		.optional()
		.describe('The state or output that confirms the step, as inline Markdown: "82+ tests passing", "`Ready` on all nodes"'),
	alternatives: z.array(alternativeSchema).optional().describe('Ways to do this step; do one of them'),
	optional: z.boolean().optional().describe('True when the step may not apply'),
	condition: z.string().optional().describe('When the step applies, e.g. "if using a CDN" (implies optional)'),
	due: dueSchema,
	every: everySchema,
	techniques: techniquesSchema,
	lint: lintIgnoreSchema,
	requires: z
		.array(idSchema)
		.optional()
		.describe('Ids of steps elsewhere in this runbook this one depends on, e.g. the backup a restore needs'),
	get steps() {
		return z.array(stepSchema).optional().describe('Sub-steps, nestable to any depth');
	},
});

export type Alternative = z.infer<typeof alternativeSchema>;
export type Step = z.infer<typeof stepSchema>;
