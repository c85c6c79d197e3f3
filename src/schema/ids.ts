import { z } from 'astro/zod';
import { ID_PATTERN } from './names.ts';

/** Lowercase words joined by single hyphens (names.ts says why). */
export { ID_PATTERN };

/** Ids the runbook page uses for its own elements; data may not take them. */
export const RESERVED_IDS: readonly string[] = ['signoff'];

export const idSchema = z
	.string({ error: 'an id is required. Hint: use lowercase words joined by hyphens, e.g. "run-migrations"' })
	.regex(ID_PATTERN, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a URL-safe id. Hint: use lowercase letters, digits and single hyphens, e.g. "run-migrations"`,
	})
	.describe('Stable, URL-safe id (lowercase words joined by hyphens); links and progress key on it');

/** Ids something had before a rename: links to them keep working (redirects, moved anchors). */
export const formerIdsSchema = z
	.array(idSchema)
	.optional()
	.describe('Ids this had before it was renamed; links that use them still arrive here');
