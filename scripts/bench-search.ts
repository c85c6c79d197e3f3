/**
 * npm run bench:search -- <dist> [runbook page, e.g. /runbooks/yogaflow/]
 * Times search on a built site, cold, on a phone over Fast 3G (scripts/lib/search-timing.ts): the
 * home page's box, the search dialog on a runbook page and the rollback finder, from the first
 * keystroke to the first hit, and the bytes of the search index the query fetched. The bench runs the same on each
 * Runsheet site it builds.
 */
import { existsSync } from 'node:fs';
import { searchDetail } from './lib/bench.ts';
import { READING_MS, SEARCH_QUERY, timeSearch } from './lib/search-timing.ts';

const [dist = 'dist', page = '/runbooks/yogaflow/'] = process.argv.slice(2);
if (!existsSync(`${dist}/pagefind`)) {
	console.error(
		`bench:search: ${dist} holds no search index (${dist}/pagefind). Hint: build first (npm run build), or name the built site's folder`,
	);
	process.exit(1);
}
console.log(`Fast 3G, cold, phone, "${SEARCH_QUERY}" typed after ${READING_MS / 1000} s: ${searchDetail(await timeSearch(dist, page))}`);
