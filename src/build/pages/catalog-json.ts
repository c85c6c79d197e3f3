/** /runbooks.json (src/routes/runbooks.json.ts): every runbook with the URL of every section and step (catalog.schema.json). */
import { getCollection } from 'astro:content';
import { catalogEntry } from '../../model/catalog.ts';
import { jsonPieces } from '../../model/json-pieces.ts';
import { absolute, basePath, sitePath } from '../../model/paths.ts';
import { isoDay } from '../../model/review.ts';
import { rollbackContent } from '../../model/rollback.ts';
import type { Catalog } from '../../schema/catalog.ts';
import { CATALOG_SCHEMA_FILE } from '../../schema/json-schema.ts';
import { settings } from '../context.ts';

/**
 * The catalog's JSON text, a piece at a time (model/json-pieces.ts): a runbook's entry is made
 * when its piece is written. `site` is the site's address (Astro's `site`).
 */
export async function catalogJsonPieces(site: URL | undefined): Promise<Generator<string>> {
	// The site's address with its base path: https://acme.github.io/ops-runbooks.
	const base = absolute((site?.href ?? 'http://localhost:4321/').replace(/\/+$/, ''), basePath() || '/').replace(/\/+$/, '');
	const now = new Date();
	const today = isoDay(now);
	const runbooks = (await getCollection('runbooks')).sort((a, b) => a.id.localeCompare(b.id));
	const head: Omit<Catalog, 'runbooks'> = {
		$schema: absolute(base, sitePath(`/${CATALOG_SCHEMA_FILE}`)),
		site: base,
		built: now.toISOString(),
	};
	const entry = ({ id, data }: (typeof runbooks)[number]): Catalog['runbooks'][number] =>
		catalogEntry(id, data, {
			base,
			today,
			defaultReviewDays: settings.reviewEveryDays,
			hasRollback: rollbackContent(data.sections) !== undefined,
			runbookJson: settings.runbookJson,
		});
	return jsonPieces(head, 'runbooks', runbooks, entry);
}
