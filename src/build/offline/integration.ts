import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../../cli/package-root.ts';
import { transformSync } from 'esbuild';
import { ASSETS_CACHE, CACHE_PREFIX, PAGES_CACHE } from '../../model/offline-caches.ts';
import { formatBytes } from '../../model/bytes.ts';
import { filesPresent, offlinePlan, type BuiltFile } from './plan.ts';

// From the package's folder: this module may be bundled into lib/ (scripts/pack-lib.ts).
const SOURCES = pathToFileURL(join(packageRoot(), 'src/client/offline/'));
/** The route of the runbook pages (src/routes/runbooks/[id].astro), as Astro names it. */
const RUNBOOK_ROUTE = '/runbooks/[id]';

/** A TypeScript file of src/client/offline as the browser runs it: types stripped, no module syntax. */
function script(name: string, prelude = ''): string {
	// esbuild, not Node's stripTypeScriptTypes, which prints an experimental warning in every build.
	const code = transformSync(readFileSync(new URL(name, SOURCES), 'utf8'), { loader: 'ts' }).code.replace(/^export \{\};\s*$/m, '');
	return `${prelude}${code}`;
}

// A worker that removes itself and its caches: what /sw.js becomes when a site turns offline off,
// so browsers that installed the worker before let it go.
const REMOVE_WORKER = `self.addEventListener('install',()=>self.skipWaiting());self.addEventListener('activate',e=>e.waitUntil((async()=>{for(const k of await caches.keys())if(k.startsWith(${JSON.stringify(CACHE_PREFIX)}))await caches.delete(k);await self.registration.unregister()})()));\n`;

function builtFiles(dir: string): BuiltFile[] {
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return { path: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size };
		});
}

/** What the offline files are written from, besides the built site: known inside Astro's build. */
export interface OfflineStep {
	enabled: boolean;
	/** The site's base path, without its trailing slash. */
	base: string;
	/** How many runbook pages the build wrote. */
	runbooks: number;
	/**
	 * Set where the step runs after Astro's process has ended (build/search-after.ts): the site's
	 * top-level files and folders when its turn came in Astro's build. Those written after it (the
	 * sitemap) stay out of the list, as they are when it runs in its turn.
	 */
	present?: string[];
}

/**
 * Runsheet offline (listed after Starlight, whose own step writes the search index first): from
 * the built files, /offline.json (what "Keep all runbooks offline" fetches, with sizes), /sw.js
 * (src/client/offline/sw.ts, told the base path, the shell and the cache names) and
 * /sw-update.js (the notice that offers a newer build). `enabled: false` (runsheet.config.yaml
 * `offline: false`) writes a /sw.js that removes itself instead. Where the search index is built
 * after Astro's process (`later` takes the step and says so), the same step runs after it.
 */
export function runsheetOffline({
	enabled,
	later,
}: {
	enabled: boolean;
	later?: (dist: string, step: OfflineStep) => boolean;
}): AstroIntegration {
	let base = '';
	return {
		name: 'runsheet-offline',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/+$/, '');
			},
			'astro:build:done': ({ dir, logger, assets }) => {
				const root = fileURLToPath(dir);
				// The runbook route's pages are the runbooks (folders also hold renamed ones' redirects,
				// from another route). Not read from /runbooks.json: parsing its 27 MB took a second.
				const step: OfflineStep = { enabled, base, runbooks: assets.get(RUNBOOK_ROUTE)?.length ?? 0 };
				if (later?.(root, { ...step, present: readdirSync(root).sort() })) return;
				writeOfflineFiles(root, step, logger);
			},
		},
	};
}

/** The offline step on the built site in `root`. */
export function writeOfflineFiles(
	root: string,
	{ enabled, base, runbooks, present }: OfflineStep,
	logger: { info(message: string): void },
): void {
	if (!enabled) {
		writeFileSync(join(root, 'sw.js'), REMOVE_WORKER);
		rmSync(join(root, 'offline.json'), { force: true });
		logger.info('offline: off (runsheet.config.yaml); /sw.js removes a worker installed before');
		return;
	}
	const plan = offlinePlan(filesPresent(builtFiles(root), present), base);
	writeFileSync(
		join(root, 'offline.json'),
		`${JSON.stringify({ version: plan.version, runbooks, keepBytes: plan.keepBytes, keep: plan.keep })}\n`,
	);
	const config = {
		version: plan.version,
		base,
		shell: plan.shell,
		caches: { prefix: CACHE_PREFIX, pages: PAGES_CACHE, assets: ASSETS_CACHE },
	};
	writeFileSync(join(root, 'sw.js'), script('sw.ts', `const RUNSHEET_SW = ${JSON.stringify(config)};\n`));
	writeFileSync(join(root, 'sw-update.js'), script('update-notice.ts'));
	logger.info(
		`offline: service worker ${plan.version}, shell of ${plan.shell.length} files; "Keep all" fetches ${plan.keep.length} files (${formatBytes(plan.keepBytes)}, ${runbooks} runbooks)`,
	);
}
