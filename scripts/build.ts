/**
 * npm run build: checks the content and builds the site with Astro (at the same time), then
 * indexes it for search.
 *
 * Choices here come from the benchmark (npm run bench, 1,000 runbooks):
 * - The content check runs beside Astro, not before it (scripts/lib/check-while-building.ts).
 * - Astro runs with a V8 heap limit sized to the collection and a larger young generation
 *   (scripts/lib/node-flags.ts).
 * - Pagefind indexes after Astro has exited, not inside it (Starlight's own step, removed in
 *   astro.config.mjs): the two no longer hold their memory at the same time (2.7 GB together).
 *   It skips the sign-off sheets, which are never indexed (scripts/lib/index-glob.ts).
 * - Code blocks are highlighted in a worker thread beside Astro's rendering
 *   (src/build/highlight/ahead.ts).
 * - Astro's content sync takes the runbooks the check has parsed (src/build/content/checked-runbooks.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWhileBuilding } from './lib/check-while-building.ts';
import { CHECKED_RUNBOOKS_ENV } from '../src/build/content/checked-runbooks.ts';
import { runbookFiles } from '../src/build/content/collection.ts';
import { filesUnder } from '../src/build/content/walk.ts';
import { paths } from '../src/model/paths.ts';
import { astroNodeFlags } from './lib/node-flags.ts';
import { searchIndexGlob } from './lib/index-glob.ts';

const node = process.execPath;
// Where Astro writes the site (astro.config.mjs reads the same variable).
const dist = process.env.RUNSHEET_OUT ?? 'dist';
// Astro's command line, found through its package.json (the bin path is not an export).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

const content = runbookFiles(filesUnder(process.env.RUNSHEET_CONTENT ?? 'content/runbooks'));
const runbooks = content.yaml.length + content.markdown.length;
const flags = astroNodeFlags(runbooks, process.env.RUNSHEET_BUILD_HEAP_MB);
// The check hands what it parsed to Astro's content sync (src/build/content/checked-runbooks.ts).
process.env[CHECKED_RUNBOOKS_ENV] = join(process.cwd(), 'node_modules', '.cache', 'runsheet');
const result = await checkWhileBuilding({ command: node, args: ['scripts/validate-content.ts'] }, { command: node, args: [...flags, astro, 'build'] });
// A failed check has said what is wrong and that the build stops.
if (result.failed === 'build') console.error(`build: astro build (${flags.join(' ')}, ${runbooks} runbooks) failed; the build stops here.`);
if (result.failed) process.exit(result.code);

// The same indexing Starlight does (see @astrojs/starlight/dist/integrations/pagefind.js), with
// Pagefind's command line rather than its Node API: the same index, a quarter faster (1,806 pages:
// 13.7 s against 17.1 s on a 2-core machine).
const started = performance.now();
const sheets = paths.signoff('').split('/')[1]!;
const glob = searchIndexGlob(
	readdirSync(dist, { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() })),
	[sheets, '_astro'],
);
// The npm package's own launcher, which finds the binary for this platform.
const pagefind = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');
const indexed = spawnSync(node, [pagefind, '--site', dist, '--glob', glob, '--output-subdir', 'pagefind'], { encoding: 'utf8' });
const pages = /Indexed (\d+) pages?/.exec(indexed.stdout ?? '')?.[1];
if (indexed.status !== 0 || pages === undefined) {
	console.error(`${indexed.stdout ?? ''}${indexed.stderr ?? ''}`.trim());
	console.error(`build: Pagefind failed (${indexed.error?.message ?? `exit code ${indexed.status}`}); its output is above.`);
	process.exit(1);
}
console.log(`build: search index of ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
