import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [, y, m, d] = match.map(Number) as [number, number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dateHint = 'Hint: write the date as "YYYY-MM-DD" in quotes, e.g. "2025-12-05"';

/**
 * A calendar date. Astro's YAML loader turns unquoted dates into Date objects while editors and
 * our own validator see strings, so both are accepted and the output is always "YYYY-MM-DD".
 */
export const isoDateSchema = z
	.union(
		[
			z
				.string()
				.regex(ISO_DATE, { error: (issue) => `${JSON.stringify(issue.input)} is not a date. ${dateHint}` })
				.refine(isCalendarDate, {
					error: (issue) => `${JSON.stringify(issue.input)} is not a valid date. ${dateHint}`,
				}),
			z.date(),
		],
		{ error: `expected a date. ${dateHint}` },
	)
	.transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));
