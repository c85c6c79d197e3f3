import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { inlineStylesOf, isRollbackPage } from './inline-styles.ts';
import { withCodeBlockPagesLast } from './page-order.ts';
import { putBack, setAside } from './search-scope.ts';
import { installedPackageDir, speedUps } from './speed-ups.ts';

/**
 * Runsheet's own Astro integration, listed before Starlight in astro.config.mjs so that its
 * `astro:build:done` runs first. Starlight's own step there builds the search index: it starts
 * Pagefind (0.8 GB at 1,000 runbooks) while Astro's process still holds the garbage of rendering
 * every page (1.8 GB then), 2.6 GB together. A last-resort garbage collection first gives that
 * memory back to the system (to 0.9 GB), so a plain `astro build` stays under 2 GB.
 */
const RELEASE_ABOVE_BYTES = 2 ** 30;

export function runsheetIntegration(): AstroIntegration {
	let base = '/';
	let adapter = false;
	return {
		name: 'runsheet',
		hooks: {
			// Pages and browser code write URLs with the site's base and trailing slash (model/paths.ts).
			// The guides (Markdown) link each other with relative URLs, which need neither.
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base;
				const starlight = installedPackageDir('@astrojs/starlight', fileURLToPath(config.root));
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
					},
				});
			},
			'astro:config:done': ({ config }) => {
				adapter = Boolean(config.adapter);
			},
			// A speed-up: the pages with command blocks rendered last (page-order.ts). Not with an
			// adapter, whose own prerenderer this would replace.
			'astro:build:start': ({ setPrerenderer }) => {
				if (speedUps() !== 'off' && !adapter) setPrerenderer(withCodeBlockPagesLast);
			},
			'astro:build:done': ({ dir, pages, logger }) => {
				const dist = fileURLToPath(dir);
				// Before the search index and the offline list read the pages (inline-styles.ts says why).
				const rollback = pages.map((p) => p.pathname).filter(isRollbackPage);
				const inlined = inlineStylesOf(dist, rollback, base);
				if (inlined) logger.info(`styles inlined in ${inlined} rollback pages (their first paint on a slow network)`);
				// Out of the search step's way until runsheetAfterSearch puts them back (search-scope.ts).
				setAside(dist);
				const before = process.memoryUsage().rss;
				// Below 1 GB (up to a few hundred runbooks) Pagefind fits beside Astro as it is; the
				// collection would only cost time.
				if (before < RELEASE_ABOVE_BYTES || !releaseMemory()) return;
				const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
				logger.info(`memory before the search index: ${mb(before)} -> ${mb(process.memoryUsage().rss)}`);
			},
		},
	};
}

/** Listed right after Starlight: puts back what runsheetIntegration set aside for the search step. */
export function runsheetAfterSearch(): AstroIntegration {
	return {
		name: 'runsheet-after-search',
		hooks: {
			'astro:build:done': ({ dir }) => putBack(fileURLToPath(dir)),
		},
	};
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
