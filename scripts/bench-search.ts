/**
 * npm run bench:search -- <dist> [runbook page, e.g. /runbooks/yogaflow/]
 * Times search on a built site, cold, on a phone over Fast 3G (scripts/lib/search-timing.ts): the
 * header's search box on a runbook page and the rollback finder, from the first keystroke to the
 * first hit, and the bytes of the search index the query fetched. The bench runs the same on each
 * Runsheet site it builds.
 */
import { existsSync } from 'node:fs';
import { SEARCH_QUERY, timeSearch } from './lib/search-timing.ts';

const [dist = 'dist', page = '/runbooks/yogaflow/'] = process.argv.slice(2);
if (!existsSync(`${dist}/pagefind`)) {
	console.error(
		`bench:search: ${dist} holds no search index (${dist}/pagefind). Hint: build first (npm run build), or name the built site's folder`,
	);
	process.exit(1);
}
const t = await timeSearch(dist, page);
console.log(
	`Fast 3G, cold, phone, "${SEARCH_QUERY}": site search on ${page} first hit ${t.siteSearchMs} ms, ${(t.siteSearchBytes / 1024).toFixed(0)} KB of index; rollback finder ${t.finderMs} ms, ${(t.finderBytes / 1024).toFixed(0)} KB`,
);
