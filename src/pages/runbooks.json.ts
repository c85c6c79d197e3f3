import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { catalogEntry } from '../model/catalog.ts';
import { absolute, basePath, sitePath } from '../model/paths.ts';
import { isoDay } from '../model/review.ts';
import { rollbackContent } from '../model/rollback.ts';
import { CATALOG_SCHEMA_FILE } from '../schema/json-schema.ts';
import type { Catalog } from '../schema/catalog.ts';
import { settings } from '../settings.ts';

/** /runbooks.json: every runbook with the URL of every section and step (catalog.schema.json). */
export const GET: APIRoute = async ({ site }) => {
	// The site's address with its base path: https://acme.github.io/ops-runbooks.
	const base = absolute((site?.href ?? 'http://localhost:4321/').replace(/\/+$/, ''), basePath() || '/').replace(/\/+$/, '');
	const now = new Date();
	const runbooks = (await getCollection('runbooks')).sort((a, b) => a.id.localeCompare(b.id));
	const catalog: Catalog = {
		$schema: absolute(base, sitePath(`/${CATALOG_SCHEMA_FILE}`)),
		site: base,
		built: now.toISOString(),
		runbooks: runbooks.map((entry) =>
			catalogEntry(entry.id, entry.data, {
				base,
				today: isoDay(now),
				defaultReviewDays: settings.reviewEveryDays,
				hasRollback: rollbackContent(entry.data.sections) !== undefined,
			}),
		),
	};
	// Without indentation: read by programs (status pages, alert tooling, the offline copy); at
	// 1,000 runbooks indenting made it 34 MB instead of 27 and took half a second longer to write.
	return new Response(`${JSON.stringify(catalog)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
