import { join } from 'node:path';
import { packageRoot } from '../cli/package-root.ts';

/**
 * The pages Runsheet adds to a Starlight site (src/routes/, injected by src/plugin/integration.ts:
 * never found by Astro's file routing, so a team's own src/pages/ stays its own). `standalone`
 * pages are added only where Runsheet is the whole site (this repository's site and `runsheet
 * build`): the home page, the not-found page and the schema guide; a team's docs site keeps its own.
 */
export interface RunsheetRoute {
	pattern: string;
	/** The file, from src/routes/. */
	entrypoint: string;
	standalone?: true;
	/** Added only with `runbookJson: true` in the config: a file per runbook, for programs. */
	runbookJson?: true;
}

export const ROUTES: readonly RunsheetRoute[] = [
	{ pattern: '/runbooks', entrypoint: 'runbooks/index.astro' },
	{ pattern: '/runbooks/[id]', entrypoint: 'runbooks/[id].astro' },
	{ pattern: '/runbooks/[id].json', entrypoint: 'runbooks/[id].json.ts', runbookJson: true },
	{ pattern: '/runbooks.json', entrypoint: 'runbooks.json.ts' },
	{ pattern: '/rollback', entrypoint: 'rollback/index.astro' },
	{ pattern: '/rollback/[id]', entrypoint: 'rollback/[id].astro' },
	{ pattern: '/signoff', entrypoint: 'signoff/index.astro' },
	{ pattern: '/signoff/[id]', entrypoint: 'signoff/[id].astro' },
	{ pattern: '/alerts', entrypoint: 'alerts/index.astro' },
	// Only on a site that lists systems (systemPagesFrom); none on a smaller one. A system with
	// more runbooks than a page lists (runbooksPerSystemPage) has /systems/<slug>/2/ and on.
	{ pattern: '/systems/[...part]', entrypoint: 'systems/[...part].astro' },
	{ pattern: '/alerts/[name]', entrypoint: 'alerts/[name].astro' },
	{ pattern: '/runbook-files/[...path]', entrypoint: 'runbook-files/[...path].ts' },
	// Renamed runbooks' old addresses (their formerIds): only those paths, nothing else at the root.
	{ pattern: '/[...moved]', entrypoint: '[...moved].astro' },
	{ pattern: '/', entrypoint: 'index.astro', standalone: true },
	{ pattern: '/404', entrypoint: '404.astro', standalone: true },
	{ pattern: '/guides/schema', entrypoint: 'guides/schema.astro', standalone: true },
];

/** The routes a site gets, with their files' paths. */
export function runsheetRoutes(standalone: boolean, runbookJson: boolean): { pattern: string; entrypoint: string }[] {
	// From the package's folder: this module may be bundled into lib/ (scripts/pack-lib.ts).
	const routes = join(packageRoot(), 'src/routes');
	return ROUTES.filter((route) => (standalone || !route.standalone) && (runbookJson || !route.runbookJson)).map(
		({ pattern, entrypoint }) => ({
			pattern,
			entrypoint: join(routes, entrypoint),
		}),
	);
}
