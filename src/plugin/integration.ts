import type { AstroIntegration } from 'astro';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Settings } from '../schema/settings.ts';
import { inlineRollbackStyles } from '../build/inline-styles.ts';
import { withCodeBlockPagesLast } from '../build/page-order.ts';
import { putBack, setAside } from '../build/search-scope.ts';
import { handOver, indexInStarlightsPlace, searchAfterFile, skipStarlightSearch } from '../build/search-after.ts';
import { installedPackageDir, installedVersion, speedUps } from '../build/speed-ups.ts';
import { runsheetHostRedirects } from '../build/host-redirects.ts';
import { runsheetOffline, type OfflineStep } from '../build/offline/integration.ts';
import { releaseContentLayer } from '../build/release-content-layer.ts';
import { runsheetRoutes } from './routes.ts';

/**
 * In a plain `astro build`, Starlight's own step in `astro:build:done` builds the search index: it
 * starts Pagefind (0.6 GB at 1,000 runbooks) while Astro's process still holds the garbage of
 * rendering every page (1.3 GB then), and the two add up. A last-resort garbage collection first,
 * in `astro:build:generated` (which runs before every integration's `astro:build:done`), gives that
 * memory back to the system (to 0.9 GB). `npm run build` and `runsheet build` build the index after
 * Astro's process instead (build/search-after.ts).
 */
const RELEASE_ABOVE_BYTES = 2 ** 30;

const CONTEXT_ID = 'virtual:runsheet/context';

export interface RunsheetIntegrationOptions {
	/** The runbooks folder, absolute. */
	contentDir: string;
	settings: Settings;
	/** Runsheet is the whole site: its home page, not-found page and schema guide too (routes.ts). */
	standalone: boolean;
}

/**
 * The Astro side of the Runsheet plugin (src/plugin/starlight.ts adds it through Starlight's
 * `addIntegration`, so it comes after Starlight's own): Runsheet's pages, the module that tells
 * them what the site is built from (build/context.ts), the build's speed-ups and what it does
 * around the search index, and the offline files.
 */
export function runsheetIntegration({ contentDir, settings, standalone }: RunsheetIntegrationOptions): AstroIntegration[] {
	let base = '/';
	let adapter = false;
	let starlightDir: string | undefined;
	let astroDir: string | undefined;
	// Where the process that started this build takes the search index over (search-after.ts):
	// Runsheet's own site, with the speed-ups on. A team's site may have turned Starlight's search off.
	const searchAfter = standalone && speedUps() !== 'off' ? searchAfterFile() : undefined;
	const context = `export const settings = ${JSON.stringify(settings)};\nexport const contentDir = ${JSON.stringify(contentDir)};\nexport const contentLabel = ${JSON.stringify(relative(process.cwd(), contentDir).split('\\').join('/') || '.')};\nexport const standalone = ${JSON.stringify(standalone)};\n`;
	const integration: AstroIntegration = {
		name: 'runsheet',
		hooks: {
			// Pages and browser code write URLs with the site's base and trailing slash (model/paths.ts).
			// The guides (Markdown) link each other with relative URLs, which need neither.
			'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
				base = config.base;
				for (const route of runsheetRoutes(standalone, settings.runbookJson)) injectRoute({ ...route, prerender: true });
				astroDir = installedPackageDir('astro', fileURLToPath(config.root)) ?? installedPackageDir('astro', fileURLToPath(import.meta.url));
				const starlight = (starlightDir =
					installedPackageDir('@astrojs/starlight', fileURLToPath(config.root)) ??
					installedPackageDir('@astrojs/starlight', fileURLToPath(import.meta.url)));
				updateConfig({
					vite: {
						define: { 'import.meta.env.RUNSHEET_TRAILING_SLASH': JSON.stringify(config.trailingSlash) },
						// The highlighting worker's way to Starlight's Expressive Code preprocessing without its
						// translations module (build/highlight/renderer.ts); the package does not export it.
						...(starlight && {
							resolve: {
								alias: { 'runsheet:starlight-ec-preprocessor': join(starlight, 'dist/integrations/expressive-code/preprocessor.js') },
							},
						}),
						// Installed as a package, Runsheet's pages and modules are TypeScript and Astro files that
						// Vite compiles, not modules Node loads as they are.
						ssr: { noExternal: ['runsheet'] },
						plugins: [
							{
								name: 'runsheet-context',
								resolveId: (id) => (id === CONTEXT_ID ? `\0${CONTEXT_ID}` : undefined),
								load: (id) => (id === `\0${CONTEXT_ID}` ? context : undefined),
							},
						],
					},
				});
			},
			'astro:config:done': ({ config }) => {
				adapter = Boolean(config.adapter);
				const starlightVersion = starlightDir && installedVersion('@astrojs/starlight', starlightDir);
				if (searchAfter) skipStarlightSearch(config.integrations, starlightVersion);
				// Runsheet's own site indexes as the build with speed-ups does: its fragments bundled (search-after.ts).
				else if (standalone) indexInStarlightsPlace(config.integrations, starlightVersion);
			},
			// Speed-ups: the pages with command blocks rendered last (page-order.ts), not with an
			// adapter, whose own prerenderer this would replace; the content layer's store let go.
			'astro:build:start': async ({ setPrerenderer, logger }) => {
				if (speedUps() === 'off') return;
				if (!adapter) setPrerenderer(withCodeBlockPagesLast);
				// After the sync, before the pages (release-content-layer.ts says why).
				if (astroDir && (await releaseContentLayer(astroDir))) logger.debug("content layer's store let go after the sync");
			},
			// Every page is written; Starlight's search step and every integration's build:done come next.
			'astro:build:generated': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				// The index comes after this process, and the rollback pages' styles after the index
				// (search-after.ts says why): nothing to make room for.
				if (searchAfter) return;
				// Before the offline list reads the pages (inline-styles.ts says why).
				inlineRollbackStyles(dist, base, logger);
				// Out of the search step's way until build:done puts them back (search-scope.ts).
				setAside(dist);
				const before = process.memoryUsage().rss;
				// Below 1 GB (up to a few hundred runbooks) Pagefind fits beside Astro as it is; the
				// collection would only cost time.
				if (before < RELEASE_ABOVE_BYTES || !releaseMemory()) return;
				const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
				logger.info(`memory before the search index: ${mb(before)} -> ${mb(process.memoryUsage().rss)}`);
			},
			// After Starlight's search step (this integration comes after Starlight).
			'astro:build:done': ({ dir }) => putBack(fileURLToPath(dir)),
		},
	};
	// The redirect pages made bare before the offline integration lists the files it keeps.
	// The offline list follows the search index, after this process where the index is built there.
	const later = searchAfter
		? (dist: string, offline: OfflineStep) => {
				handOver(searchAfter, { dist, base, offline });
				return true;
			}
		: undefined;
	return [integration, runsheetHostRedirects(), runsheetOffline({ enabled: settings.offline, ...(later ? { later } : {}) })];
}

/** A full collection that also returns free memory to the system; false where V8 offers none. */
function releaseMemory(): boolean {
	try {
		// The collector is only reachable through --expose-gc; set now, it serves a new context.
		v8.setFlagsFromString('--expose-gc');
		const gc = vm.runInNewContext('gc') as (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
		gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
		return true;
	} catch {
		return false;
	}
}
