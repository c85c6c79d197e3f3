import { z } from 'astro/zod';
import { lintSettingsSchema } from './lint.ts';

/** Site-wide settings, content/settings.yaml. */
export const settingsSchema = z.strictObject({
	reviewEveryDays: z
		.number({ error: 'reviewEveryDays must be a number of days. Hint: write e.g. `reviewEveryDays: 180`' })
		.int()
		.positive()
		.default(180)
		.describe('How often a runbook must be reviewed, in days, unless it sets its own reviewEveryDays'),
	lint: lintSettingsSchema,
	offline: z
		.boolean()
		.default(true)
		.describe('Keep runbooks readable without a network (a service worker and "Keep all runbooks offline"); false builds without them'),
});

export type Settings = z.infer<typeof settingsSchema>;
