import { z } from 'astro/zod';

/** Site-wide settings, content/settings.yaml. */
export const settingsSchema = z.strictObject({
	reviewEveryDays: z
		.number({ error: 'reviewEveryDays must be a number of days. Hint: write e.g. `reviewEveryDays: 180`' })
		.int()
		.positive()
		.default(180)
		.describe('How often a runbook must be reviewed, in days, unless it sets its own reviewEveryDays'),
});

export type Settings = z.infer<typeof settingsSchema>;
