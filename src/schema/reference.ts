import { z } from 'astro/zod';

/** Who to call: a role and how to reach them (a placeholder until a team fills it in). */
export const contactSchema = z.strictObject({
	role: z.string().min(1, { error: 'a contact needs a role. Hint: e.g. "On-call engineer"' }),
	contact: z.string().describe('Name, phone, e-mail, chat handle; may be a placeholder'),
});

/** A link or path worth having at hand during a deployment. */
export const resourceSchema = z.strictObject({
	label: z.string().min(1, { error: 'a resource needs a label. Hint: e.g. "Status page"' }),
	href: z.string().describe('A URL, a repository path or a placeholder'),
});

export type Contact = z.infer<typeof contactSchema>;
export type Resource = z.infer<typeof resourceSchema>;
