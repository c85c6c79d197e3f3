/**
 * npm run build: checks the content, builds the site with Astro, then indexes it for search.
 *
 * Two choices here come from the benchmark (npm run bench, 1,000 runbooks):
 * - Astro runs with a V8 heap limit sized to the collection (src/lib/heap-limit.ts).
 * - Pagefind indexes after Astro has exited, not inside it (Starlight's own step, removed in
 *   astro.config.mjs): the two no longer hold their memory at the same time (2.7 GB together).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createIndex, close } from 'pagefind';
import { heapLimitMb } from '../src/lib/heap-limit.ts';

const node = process.execPath;
// Astro's command line, found through its package.json (the bin path is not an export).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

function run(args: string[], label: string): void {
	const result = spawnSync(node, args, { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`build: ${label} failed${result.signal ? ` (${result.signal})` : ''}; the build stops here.`);
		process.exit(result.status ?? 1);
	}
}

run(['scripts/validate-content.ts'], 'the content check');

const runbooks = readdirSync('content/runbooks').filter((f) => /\.ya?ml$/i.test(f)).length;
const heap = heapLimitMb(runbooks, process.env.RUNSHEET_BUILD_HEAP_MB);
run([`--max-old-space-size=${heap}`, astro, 'build'], `astro build (heap limit ${heap} MB for ${runbooks} runbooks)`);

// The same indexing Starlight does (see @astrojs/starlight/dist/integrations/pagefind.js).
const started = performance.now();
try {
	const { index, errors } = await createIndex();
	if (!index || errors.length) throw new Error(errors.join('; '));
	const added = await index.addDirectory({ path: 'dist' });
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
