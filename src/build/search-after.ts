/**
 * The search index built after Astro's process has ended, a speed-up for memory (build/speed-ups.ts).
 *
 * Starlight builds the index in its `astro:build:done`, inside Astro's process, which still holds
 * what rendering every page left (about 1 GB at 1,000 runbooks): Astro's memory and Pagefind's
 * (0.44 MB a runbook: it holds every page it indexes until it writes the index) added up, the
 * build's peak. `npm run build` (scripts/build.ts) and `runsheet build` (src/cli/astro-run.ts) run
 * `astro build` in a process of their own; with this they tell it, through SEARCH_AFTER_ENV, to
 * leave the index and what must follow it (the offline list, which lists the index's files) to
 * them. Astro's build then hands those over in a file (`handOver`), and once its process has
 * exited they build the index (`indexAfterBuild`, `buildIndex`: Starlight's Pagefind step, with
 * fragments bundled on large sites and steps' ids left out of what it reads, search-input.ts),
 * with the sign-off sheets set aside as in Astro's build (search-scope.ts), then the rollback
 * pages' inlined styles, then the offline step. The peak is the larger of the two, not their
 * sum. A plain `astro build` (a host's, a team's own site with the plugin, RUNSHEET_SPEED_UPS=0)
 * builds the index inside Astro as before; `npm run test:speed-ups` compares the two sites byte
 * for byte, the index and the offline list included.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './content/walk.ts';
import type { OfflineStep } from './offline/integration.ts';
import { indexedMarkup } from './search-input.ts';
import { putBack, setAside } from './search-scope.ts';
import { assertPinned } from './speed-ups.ts';

/** Set by the process that starts `astro build`: the file Astro's build hands the search step's work over in. */
export const SEARCH_AFTER_ENV = 'RUNSHEET_SEARCH_AFTER';

/** What Astro's build leaves to the step after it. */
export interface Handover {
	/** The built site's folder, the one Starlight would index. */
	dist: string;
	/** Astro's `base`, for the rollback pages' stylesheets. */
	base: string;
	offline: OfflineStep;
}

/**
 * The file to hand the search step over in, when the process that started this build will build
 * the index after it: its folder exists (the starter made it). Else undefined: the index is built
 * in this process, as Starlight does.
 */
export function searchAfterFile(env: Record<string, string | undefined> = process.env): string | undefined {
	const file = env[SEARCH_AFTER_ENV];
	return file && existsSync(dirname(file)) ? file : undefined;
}

export function handOver(file: string, handover: Handover): void {
	writeFileSync(file, `${JSON.stringify(handover)}\n`);
}

/** Starlight's integration among the config's. */
const starlightIn = (integrations: AstroIntegration[]) => integrations.find((integration) => integration.name === '@astrojs/starlight');

/** The Starlight whose search step (its astro:build:done) these replace was compared with them: 0.42's. */
const STARLIGHT_COMPARED = /^0\.42\./;

/**
 * Takes Starlight's search step out of Astro's build (in `astro:config:done`, where the config's
 * integrations are the ones Astro runs). Starlight offers no switch for it: its `pagefind: false`
 * also takes the search box off every page. Its `astro:build:done` hook does nothing but run
 * Pagefind (0.42's dist/index.js), so that hook is removed, and the version pinned: another may do
 * more there.
 */
export function skipStarlightSearch(integrations: AstroIntegration[], starlightVersion: string | undefined): void {
	assertPinned(
		'the search index after the build',
		starlightVersion,
		STARLIGHT_COMPARED,
		"@astrojs/starlight's dist/index.js (its astro:build:done runs Pagefind only) with src/build/search-after.ts",
	);
	const starlight = starlightIn(integrations);
	if (!starlight?.hooks['astro:build:done']) throw new Error("Runsheet: Starlight's search step (its astro:build:done) was not found");
	delete starlight.hooks['astro:build:done'];
}

/**
 * Puts Runsheet's search step (`buildIndex`) in Starlight's place, in Astro's build, for a build
 * whose index is not built after it (RUNSHEET_SPEED_UPS=0, a host's plain `astro build`): both
 * ways, the index is the same (`npm run test:speed-ups`). Starlight's step has no way to pass
 * Pagefind's options. Only with the Starlight version it was compared with; another keeps its own.
 */
export function indexInStarlightsPlace(integrations: AstroIntegration[], starlightVersion: string | undefined): boolean {
	if (!starlightVersion || !STARLIGHT_COMPARED.test(starlightVersion)) return false;
	const starlight = starlightIn(integrations);
	if (!starlight?.hooks['astro:build:done']) return false;
	starlight.hooks['astro:build:done'] = ({ dir }) => buildIndex(fileURLToPath(dir));
	return true;
}

/** Astro's way of logging, for the steps that run after its process. */
function logger(label: string) {
	const line = (message: string) => `${new Date().toTimeString().slice(0, 8)} [${label}] ${message}`;
	return { info: (message: string) => console.log(line(message)), error: (message: string) => console.error(line(message)) };
}

/**
 * At most this many fragment files (a page's excerpt and meta, one per indexed page by default):
 * past that many indexed pages, Pagefind bundles fragments into shared files. At 10,000 runbooks
 * that is 1,000 files instead of 18,000, which keeps the site within 3 files a runbook (issue 37);
 * a search then downloads a bundle of about 18 pages' fragments for each page it shows, more
 * bytes than one page's (docs/performance.md has the figures). Sites up to about 550 runbooks
 * (1,000 indexed pages) keep a file per page.
 */
export const SEARCH_FRAGMENT_FILES = 1000;

/** Another limit, for a host that counts files more strictly (or a test that wants bundles on a small site). */
export const SEARCH_FRAGMENT_FILES_ENV = 'RUNSHEET_SEARCH_FRAGMENT_FILES';

/** The limit of fragment files: the environment's when it is a whole number above 0, else SEARCH_FRAGMENT_FILES. */
export function fragmentFileLimit(env: Record<string, string | undefined> = process.env): number {
	const wanted = Number(env[SEARCH_FRAGMENT_FILES_ENV]);
	return Number.isInteger(wanted) && wanted > 0 ? wanted : SEARCH_FRAGMENT_FILES;
}

/**
 * Pagefind's process (its binary allocates with jemalloc) keeps memory it has freed for 10 s by
 * default, and writing the index frees and allocates a lot at once (its memory doubles then):
 * handed back after 0.2 s, its peak at 1,000 runbooks went from 502 to 409 MB, at a cost of about
 * 5 s (docs/performance.md). Only where its process can be the build's peak: past about 4,000
 * indexed pages (2,200 runbooks) it needs more than Astro's rendering. A value the environment
 * sets wins.
 */
export const PAGEFIND_ENV = { _RJEM_MALLOC_CONF: 'dirty_decay_ms:200,muzzy_decay_ms:0' };
export const PAGEFIND_ENV_FROM_PAGES = 4000;

/** What Pagefind's process is started with for an index of `pages` pages. */
export const pagefindEnv = (pages: number): Record<string, string> => (pages >= PAGEFIND_ENV_FROM_PAGES ? PAGEFIND_ENV : {});

/** Runs `start` with `vars` added to the environment (the ones already set kept), as a child started then inherits them. */
async function withEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
	const added = Object.keys(vars).filter((name) => process.env[name] === undefined);
	for (const name of added) process.env[name] = vars[name];
	try {
		return await start();
	} finally {
		for (const name of added) delete process.env[name];
	}
}

/**
 * Pages sent to Pagefind before waiting for its answers. One by one (addHTMLFile), as search-input.ts
 * gives them, not its addDirectory (which reads a folder on every core, but would need the
 * changed pages written to one): at 10,000 runbooks Pagefind's peak was 3,889 MB this way and
 * 4,103 MB reading a folder of copies, for 185 s against 125 s (docs/performance.md).
 */
const PAGES_AT_ONCE = 16;

/**
 * Starlight's search step (0.42's dist/integrations/pagefind.js), with the same log, fragments
 * bundled past `maxFragments`, and each page read as search-input.ts gives it (Starlight's reads
 * the folder, `addDirectory`).
 */
export async function buildIndex(dist: string, maxFragments = fragmentFileLimit()): Promise<void> {
	const pagefind = await import('pagefind');
	const log = logger('runsheet:search');
	const check = <T extends { errors: string[] }>(response: T): T => {
		for (const error of response.errors) log.error(`Pagefind error: ${error}`);
		if (response.errors.length) throw new Error('Pagefind response contained errors.');
		return response;
	};
	try {
		const started = performance.now();
		log.info('Building search index with Pagefind...');
		const pages = filesUnder(dist).filter((path) => path.endsWith('.html'));
		const { index } = check(await withEnv(pagefindEnv(pages.length), () => pagefind.createIndex({ maxFragments })));
		// Side by side, the index comes out the same as one at a time (compared at 1,000 runbooks).
		for (let i = 0; i < pages.length; i += PAGES_AT_ONCE) {
			await Promise.all(
				pages
					.slice(i, i + PAGES_AT_ONCE)
					.map(async (page) =>
						check(await index!.addHTMLFile({ sourcePath: page, content: indexedMarkup(readFileSync(join(dist, page), 'utf8')) })),
					),
			);
		}
		log.info(`Found ${pages.length} HTML files.`);
		check(await index!.writeFiles({ outputPath: join(dist, 'pagefind') }));
		const ms = performance.now() - started;
		log.info(`Finished building search index in ${ms < 750 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`}.`);
	} finally {
		await pagefind.close();
	}
}

/** The search index, then the offline step, as Astro's build handed them over; nothing if it did not. */
export async function indexAfterBuild(file: string): Promise<void> {
	if (!existsSync(file)) return;
	const { dist, base, offline } = JSON.parse(readFileSync(file, 'utf8')) as Handover;
	setAside(dist);
	try {
		await buildIndex(dist);
	} finally {
		putBack(dist);
	}
	// After the index, which needs no styles: Pagefind holds every page it reads until it writes
	// the index, and the inlined styles were a third of the bytes it read (98 KB on each rollback
	// page; at 1,000 runbooks its peak went from 551 to 489 MB without them).
	// Loaded only now: the process that runs this waits beside Astro's while it builds, and what it
	// has loaded counts in the build's peak (the styles' CSS parser and esbuild: 30 MB of 88).
	const [{ inlineRollbackStyles }, { writeOfflineFiles }] = await Promise.all([
		import('./inline-styles.ts'),
		import('./offline/integration.ts'),
	]);
	inlineRollbackStyles(dist, base, logger('runsheet'));
	writeOfflineFiles(dist, offline, logger('runsheet-offline'));
}

/**
 * Runs `build` (which starts `astro build` and waits for it, with the environment given added to
 * its own), then, once it has exited, what it handed over. Resolves with the exit code.
 */
export async function buildThenIndex(build: (env: Record<string, string>) => number | null): Promise<number> {
	const folder = mkdtempSync(join(tmpdir(), 'runsheet-search-'));
	const file = join(folder, 'handover.json');
	try {
		const status = build({ [SEARCH_AFTER_ENV]: file });
		if (status !== 0) return status ?? 1;
		try {
			await indexAfterBuild(file);
		} catch (error) {
			console.error(`runsheet: the search index failed after the build: ${(error as Error).message}`);
			if ((error as Error).cause) console.error((error as Error).cause);
			return 1;
		}
		return 0;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
