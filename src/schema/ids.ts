import { z } from 'astro/zod';

/**
 * Ids are public URL fragments (`/runbooks/<id>/#<step-id>`) and progress keys, so they are
 * restricted to lowercase words joined by single hyphens: safe in URLs, HTML ids and CSS
 * selectors, and unable to collide with the `--` suffixes the pages add for their own elements.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
