/**
 * The order Astro renders the pages in, with the build's speed-ups on (build/speed-ups.ts): the
 * pages without command blocks (sign-off sheets, JSON, lists, guides) first, then the rollback and
 * runbook pages, each group in the order Astro gives it.
 *
 * Why: Astro renders one page at a time. The worker thread that highlights the command blocks
 * (highlight/ahead.ts) starts while Astro lists the pages and takes about a second to start.
 * Rendered first, the pages that do not need it cover that second; the rollback pages then find
 * their blocks done instead of highlighting them on the main thread while the worker starts.
 *
 * Done with Astro's prerenderer API (`setPrerenderer` in `astro:build:start`), around Astro's own
 * prerenderer: every page is rendered and written as before, only in another order, so the site
 * is the same (`npm run test:speed-ups` compares it with a stock build).
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';

/**
 * The pages with command blocks, in the order the worker highlights their blocks (rollback pages
 * first: highlight/order.ts). Their relative order is Astro's and stays so.
 */
export const CODE_BLOCK_PAGES = ['src/routes/rollback/[id].astro', 'src/routes/runbooks/[id].astro'];

/**
 * `paths` with the pages of CODE_BLOCK_PAGES last. Unchanged when two routes give the same path:
 * Astro builds the first one listed and warns, and that must not depend on this order.
 */
export function codeBlockPagesLast<P extends Pick<PathWithRoute, 'pathname'> & { route: { component: string } }>(paths: P[]): P[] {
	const pathnames = new Set(paths.map((p) => p.pathname.replace(/\/+$/, '')));
	if (pathnames.size < paths.length) return paths;
	// Injected routes name their file from the project root, which may be the package's folder in
	// node_modules: the file's end names the route.
	const last = (p: P) => CODE_BLOCK_PAGES.some((page) => p.route.component.endsWith(page));
	return [...paths.filter((p) => !last(p)), ...paths.filter(last)];
}

/** Astro's prerenderer, listing its pages with codeBlockPagesLast. */
export function withCodeBlockPagesLast(stock: AstroPrerenderer): AstroPrerenderer {
	return {
		name: 'runsheet-page-order',
		setup: stock.setup && (() => stock.setup!()),
		// Astro 7.3 gives the list; 7.4 the list and the images' metadata, passed on as they are.
		getStaticPaths: async () => {
			const found = (await stock.getStaticPaths()) as PathWithRoute[] | { paths: PathWithRoute[] };
			return (Array.isArray(found) ? codeBlockPagesLast(found) : { ...found, paths: codeBlockPagesLast(found.paths) }) as Awaited<
				ReturnType<AstroPrerenderer['getStaticPaths']>
			>;
		},
		render: (request, options) => stock.render(request, options),
		collectStaticImages: stock.collectStaticImages && (() => stock.collectStaticImages!()),
		teardown: stock.teardown && (() => stock.teardown!()),
	};
}
