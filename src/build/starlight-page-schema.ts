/**
 * Starlight's <StarlightPage> validates each page's frontmatter with the docs collection's schema,
 * and builds that schema again for every page: the whole of Starlight's frontmatter schema, 1.5
 * to 2 ms a page, 3 s for the 1,800 runbook and rollback pages of 1,000 runbooks (npm run bench,
 * CPU profile). The schema <StarlightPage> asks for is the same every time (its image helper only
 * checks an imported image), so it is built once. Content sync's calls, whose image helper
 * resolves files relative to each entry, are passed through untouched.
 */
import { assertPinned, installedVersion } from './speed-ups.ts';

type SchemaContext = { image: (...args: never[]) => unknown };

/** The Starlight whose <StarlightPage> is recognised below (dist/utils/starlight-page.js). */
const PINNED = /^0\.42\./;

/** How <StarlightPage> (Starlight 0.42) marks its image helper: in the helper's error message. */
const STARLIGHT_PAGE_IMAGE = '<StarlightPage>';

export function isStarlightPageContext(context: SchemaContext): boolean {
	return String(context.image).includes(STARLIGHT_PAGE_IMAGE);
}

export function withStarlightPageSchemaOnce<C extends SchemaContext, S>(
	schema: (context: C) => S,
	starlight = installedVersion('@astrojs/starlight'),
): (context: C) => S {
	assertPinned(
		"<StarlightPage>'s frontmatter schema",
		starlight,
		PINNED,
		'isStarlightPageContext in src/build/starlight-page-schema.ts with @astrojs/starlight/dist/utils/starlight-page.js',
	);
	let forStarlightPage: S | undefined;
	return (context) => (isStarlightPageContext(context) ? (forStarlightPage ??= schema(context)) : schema(context));
}
