/**
 * Runsheet's own site: Starlight with the Runsheet plugin, standalone. This repository's
 * astro.config.mjs and `runsheet build` (src/cli/astro-run.ts) both build it from here, so the
 * plugin is what every build and test runs.
 */
import starlight from '@astrojs/starlight';
import type { AstroUserConfig } from 'astro';
import { resolve } from 'node:path';
import { readConfig } from '../config/read-config.ts';
import { siteUrl } from '../build/site-url.ts';
import runsheet from './starlight.ts';

export interface SiteOptions {
	/** The folder the paths below are from (the project root; default the current folder). */
	root?: string;
	/** The runbooks folder. */
	runbooks: string;
	/** The config file, when named. */
	config?: string;
	/** The built site's folder. */
	outDir?: string;
	/** Overrides of the config's `base` and `site` (command-line flags). */
	base?: string;
	site?: string;
}

export async function runsheetSite(options: SiteOptions): Promise<AstroUserConfig> {
	const root = resolve(options.root ?? '.');
	const runbooks = resolve(root, options.runbooks);
	const config = options.config && resolve(root, options.config);
	const { settings } = await readConfig({ ...(config ? { explicit: config } : {}), cwd: root, runbooks });
	const base = options.base ?? settings.base;
	// Absolute links (the JSON catalog, alert addresses) need one; none set, they name a local preview.
	const site = options.site ?? siteUrl(settings);
	return {
		site,
		// A site below a path (GitHub or GitLab Pages, a shared host): every link Runsheet writes follows it (docs/hosting.md).
		...(base ? { base } : {}),
		...(options.outDir ? { outDir: resolve(root, options.outDir) } : {}),
		integrations: [
			starlight({
				title: settings.title,
				description: settings.description,
				// readConfig gives the logo's file as an absolute path.
				...(settings.logo ? { logo: settings.logo } : {}),
				lastUpdated: false,
				plugins: [runsheet({ runbooks, ...(config ? { config } : {}), standalone: true })],
			}),
		],
	};
}
