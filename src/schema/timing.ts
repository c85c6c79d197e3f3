import { z } from 'astro/zod';

/**
 * When a check comes due, counted from the deployment: `due: 1h` (Hour 1), `every: 4h for 24h`,
 * `every: 1d` (daily). Minutes, hours, days and weeks.
 */
export const DURATION = '\\d+(m|h|d|w)';

export const dueSchema = z
	.string()
	.regex(new RegExp(`^${DURATION}$`), {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a time after the deployment. Hint: write e.g. "30m", "1h", "24h", "7d" or "1w"`,
	})
	.optional()
	.describe('When this check is due, after the deployment: 30m, 1h, 24h, 7d, 1w');

export const everySchema = z
	.string()
	.regex(new RegExp(`^${DURATION}( for ${DURATION})?$`), {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a repeat. Hint: write e.g. "4h for 24h" (every 4 hours for a day) or "1d" (daily)`,
	})
	.optional()
	.describe('How often this check repeats after the deployment: "4h for 24h", "1d", "1w"');
