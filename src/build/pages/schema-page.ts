/** The schema reference, /guides/schema/ (src/routes/guides/schema.astro): every field of the runbook format, read from the zod schemas themselves. */
import { schemaReference } from '../../model/schema-reference.ts';

export function schemaPageData() {
	const objects = schemaReference();
	return {
		objects,
		headings: objects.map((o) => ({ depth: 2, slug: `schema-${o.name.toLowerCase().replace(/[^a-z]+/g, '-')}`, text: o.name })),
	};
}
