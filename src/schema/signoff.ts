import { z } from 'astro/zod';
import { idSchema } from './ids.ts';

/** A person who signs the sheet: name, signature and date lines are printed for each. */
export const signoffRoleSchema = z.strictObject({
	id: idSchema,
	title: z.string().min(1, { error: 'a sign-off role needs a title. Hint: e.g. "Technical Lead"' }),
	parts: z
		.array(idSchema)
		.optional()
		.describe(
			'The top-level sections (parts) this role signs when one is printed alone; without it the role signs the whole sheet, and the first role every part',
		),
});

export const RECORD_FIELD_TYPES = ['text', 'date', 'choice', 'lines'] as const;

/** A blank on the record block ("Deployed by", "Status": Successful / Rolled back / Partial). */
export const recordFieldSchema = z
	.object({
		id: idSchema,
		label: z.string().min(1),
		type: z.enum(RECORD_FIELD_TYPES, {
			error: (issue) => `${JSON.stringify(issue.input)} is not a record field type. Hint: use one of ${RECORD_FIELD_TYPES.join(', ')}`,
		}),
		choices: z.array(z.string().min(1)).optional().describe('For type "choice": the boxes to tick'),
		value: z.string().optional().describe('A value printed in advance, e.g. the version'),
	})
	.refine((field) => field.type !== 'choice' || (field.choices?.length ?? 0) >= 2, {
		error: 'a "choice" field needs at least two choices. Hint: add `choices: [Successful, Rolled back]`',
		path: ['choices'],
	});

export const signoffSchema = z.strictObject({
	roles: z.array(signoffRoleSchema).default([]),
	record: z.array(recordFieldSchema).default([]),
});

export type SignoffRole = z.infer<typeof signoffRoleSchema>;
export type RecordField = z.infer<typeof recordFieldSchema>;
export type Signoff = z.infer<typeof signoffSchema>;
