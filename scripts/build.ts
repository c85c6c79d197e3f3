/**
 * npm run build: checks the content and builds the site with Astro (at the same time), then
 * indexes it for search.
 *
 * Choices here come from the benchmark (npm run bench, 1,000 runbooks):
 * - The content check runs beside Astro, not before it (src/lib/check-while-building.ts).
 * - Astro runs with a V8 heap limit sized to the collection and a larger young generation
 *   (src/lib/node-flags.ts).
 * - Pagefind indexes after Astro has exited, not inside it (Starlight's own step, removed in
 *   astro.config.mjs): the two no longer hold their memory at the same time (2.7 GB together).
 *   It skips the sign-off sheets, which are never indexed (src/lib/search/index-glob.ts).
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createIndex, close } from 'pagefind';
import { checkWhileBuilding } from '../src/lib/check-while-building.ts';
import { paths } from '../src/lib/links.ts';
import { astroNodeFlags } from '../src/lib/node-flags.ts';
import { searchIndexGlob } from '../src/lib/search/index-glob.ts';

const node = process.execPath;
// Astro's command line, found through its package.json (the bin path is not an export).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

const runbooks = readdirSync('content/runbooks').filter((f) => /\.ya?ml$/i.test(f)).length;
const flags = astroNodeFlags(runbooks, process.env.RUNSHEET_BUILD_HEAP_MB);
const result = await checkWhileBuilding({ command: node, args: ['scripts/validate-content.ts'] }, { command: node, args: [...flags, astro, 'build'] });
// A failed check has said what is wrong and that the build stops.
if (result.failed === 'build') console.error(`build: astro build (${flags.join(' ')}, ${runbooks} runbooks) failed; the build stops here.`);
if (result.failed) process.exit(result.code);

// The same indexing Starlight does (see @astrojs/starlight/dist/integrations/pagefind.js).
const started = performance.now();
try {
	const { index, errors } = await createIndex();
	if (!index || errors.length) throw new Error(errors.join('; '));
	const sheets = paths.signoff('').split('/')[1]!;
	const glob = searchIndexGlob(
		readdirSync('dist', { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() })),
		[sheets, '_astro'],
	);
	const added = await index.addDirectory({ path: 'dist', glob });
	if (added.errors.length) throw new Error(added.errors.join('; '));
	const written = await index.writeFiles({ outputPath: 'dist/pagefind' });
	if (written.errors.length) throw new Error(written.errors.join('; '));
	console.log(`build: search index of ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
	console.error(`build: Pagefind failed: ${(error as Error).message}. Hint: run "npx pagefind --site dist" to see its own output`);
	process.exitCode = 1;
} finally {
	await close();
}
