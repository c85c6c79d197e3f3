/**
 * `runsheet/starlight`: Runsheet as a Starlight plugin.
 *
 *   import runsheet from 'runsheet/starlight';
 *   starlight({ title: 'Acme Docs', plugins: [runsheet({ runbooks: './runbooks' })] })
 *
 * It adds Runsheet's pages (routes.ts), its sidebar group, styles and head, and its Astro
 * integration (integration.ts), through Starlight's plugin API only. A team's site keeps its own
 * pages, theme, sidebar and search; Runsheet's own site (`standalone`: this repository's and
 * `runsheet build`'s, src/plugin/site.ts) is the same plugin with its home page added.
 */
import type { StarlightPlugin, StarlightUserConfig } from '@astrojs/starlight/types';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../cli/package-root.ts';
import { readConfig } from '../config/read-config.ts';
import { SITE_SEARCH_RANKING } from '../model/search-terms.ts';
import { runsheetHead } from './head.ts';
import { runsheetIntegration } from './integration.ts';
import type { Settings } from '../schema/settings.ts';
import { RUNSHEET_SIDEBAR_PAGES } from './sidebar-paths.ts';

export interface RunsheetPluginOptions {
	/** The runbooks folder, from the project root (default `runbooks`). */
	runbooks?: string;
	/** The config file (default: runsheet.config.yaml, .yml or .ts in the project root, else beside the runbooks folder). */
	config?: string;
	/** Runsheet is the whole site: its home page, not-found page, guides and search ranking too. */
	standalone?: boolean;
}

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

/** Runsheet's pages in the sidebar, and the team's links (status page, on-call, incident channel). */
function runsheetEntries(settings: Settings): Sidebar {
	return [
		...RUNSHEET_SIDEBAR_PAGES,
		...(settings.links ?? []).map(({ label, href }) => ({ label, link: href, attrs: { rel: 'noopener' } })),
	];
}

function sidebarOf(settings: Settings, standalone: boolean, own: Sidebar | undefined): Sidebar | undefined {
	// The sidebar is rendered into every page: it lists where to go, never every runbook, so pages
	// stay the same size with 5 runbooks or 1,000 (the catalog lists them all).
	if (standalone)
		return [
			{ label: 'Home', link: '/' },
			...runsheetEntries(settings),
			{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }, { label: 'Schema reference', link: '/guides/schema/' }] },
		];
	// A site without a sidebar of its own gets Starlight's, every docs page: no config can add a
	// group to it without rebuilding it, so it stays as it is (the guide says how to add the group).
	return own && [...own, { label: 'Runbooks', items: runsheetEntries(settings) }];
}

export default function runsheet(options: RunsheetPluginOptions = {}): StarlightPlugin {
	const standalone = options.standalone ?? false;
	return {
		name: 'runsheet',
		hooks: {
			'config:setup': async ({ config, updateConfig, addIntegration, addRouteMiddleware, astroConfig, logger }) => {
				const root = fileURLToPath(astroConfig.root);
				const contentDir = resolve(root, options.runbooks ?? 'runbooks');
				const { settings } = await readConfig({
					...(options.config ? { explicit: resolve(root, options.config) } : {}),
					cwd: root,
					runbooks: contentDir,
				});
				// Expressive Code takes plugins only from ec.config.mjs in the project's root: without
				// Runsheet's, commands lose their comments when copied and their variables.
				if (!standalone && !existsSync(join(root, 'ec.config.mjs')))
					logger.warn(
						"no ec.config.mjs: commands copy without their comments and variables. Hint: add ec.config.mjs with `export { default } from 'runsheet/ec-config';`",
					);
				const sidebar = sidebarOf(settings, standalone, config.sidebar);
				if (!sidebar) logger.info("the site has no sidebar of its own: Runsheet's pages are at /runbooks/, /rollback/ and /alerts/");
				const src = join(packageRoot(), 'src');
				const here = (path: string) => join(src, path);
				updateConfig({
					customCss: [...(config.customCss ?? []), here('styles/runsheet.css')],
					// "On this page" marks the section under the reading line (src/client/page/toc.ts); a
					// site's own override of these components wins.
					components: {
						TableOfContents: here('components/toc/TableOfContents.astro'),
						MobileTableOfContents: here('components/toc/MobileTableOfContents.astro'),
						// Long alert names in titles break between their words (issue 36).
						PageTitle: here('components/PageTitle.astro'),
						// The search dialog with Pagefind's script fetched ahead (client/page/search-ahead.ts).
						Search: here('components/Search.astro'),
						// Runsheet's own short sidebar needs none of the scripts that keep a long one's state
						// (components/Sidebar.astro); a site Runsheet is added to keeps Starlight's.
						...(standalone ? { Sidebar: here('components/Sidebar.astro') } : {}),
						...config.components,
					},
					...(sidebar ? { sidebar } : {}),
					head: [
						...(config.head ?? []),
						...runsheetHead({ base: astroConfig.base, offline: settings.offline, built: new Date().toISOString() }),
					],
					...(standalone
						? {
								pagefind: { ranking: SITE_SEARCH_RANKING },
								// Runsheet's own not-found page (src/routes/404.astro) says where runbooks are.
								disable404Route: true,
							}
						: {}),
				});
				// A team's docs pages keep their own previous and next (route-middleware.ts).
				if (!standalone) addRouteMiddleware({ entrypoint: here('plugin/route-middleware.ts') });
				for (const integration of runsheetIntegration({ contentDir, settings, standalone })) addIntegration(integration);
			},
		},
	};
}
