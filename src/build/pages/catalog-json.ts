/** /runbooks.json (src/routes/runbooks.json.ts): every runbook with the URL of every section and step (catalog.schema.json). */
import { getCollection } from 'astro:content';
import { catalogEntry } from '../../model/catalog.ts';
import { absolute, basePath, sitePath } from '../../model/paths.ts';
import { isoDay } from '../../model/review.ts';
import { rollbackContent } from '../../model/rollback.ts';
import type { Catalog } from '../../schema/catalog.ts';
import { CATALOG_SCHEMA_FILE } from '../../schema/json-schema.ts';
import { settings } from '../context.ts';

/** `site` is the site's address (Astro's `site`). */
export async function catalogJson(site: URL | undefined): Promise<Catalog> {
	// The site's address with its base path: https://acme.github.io/ops-runbooks.
	const base = absolute((site?.href ?? 'http://localhost:4321/').replace(/\/+$/, ''), basePath() || '/').replace(/\/+$/, '');
	const now = new Date();
	const runbooks = (await getCollection('runbooks')).sort((a, b) => a.id.localeCompare(b.id));
	return {
		$schema: absolute(base, sitePath(`/${CATALOG_SCHEMA_FILE}`)),
		site: base,
		built: now.toISOString(),
		runbooks: runbooks.map((entry) =>
			catalogEntry(entry.id, entry.data, {
				base,
				today: isoDay(now),
				defaultReviewDays: settings.reviewEveryDays,
				hasRollback: rollbackContent(entry.data.sections) !== undefined,
				runbookJson: settings.runbookJson,
			}),
		),
	};
}
