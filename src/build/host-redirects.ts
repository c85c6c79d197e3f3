import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	bareRedirectPage,
	type HostRedirect,
	hostRedirects,
	netlifyRedirects,
	nginxRedirectMap,
	redirectPageTarget,
	s3RoutingRules,
} from '../model/host-redirects.ts';

/** The routes whose pages are redirects (src/routes/alerts/[name].astro, src/routes/[...moved].astro), as Astro names them. */
const REDIRECT_ROUTES = ['/alerts/[name]', '/[...moved]'];
/** Beside the site's folder, never in it: these files configure a host and are not pages to publish. */
export const HOST_CONFIG_DIR = 'host-config';

/**
 * The redirect pages the build wrote, read back (their meta refresh), as host configuration: the
 * site's root gets `_redirects` (Netlify and Cloudflare Pages read it there and do not serve it);
 * the folder `host-config/` beside the site gets the nginx map entries and the S3 routing rules.
 * The redirect pages themselves lose Astro's stylesheet and script (bareRedirectPage), before the
 * offline integration, which comes after this one, lists the files.
 */
export function runsheetHostRedirects(): AstroIntegration {
	let base = '';
	return {
		name: 'runsheet-host-redirects',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/+$/, '');
			},
			'astro:build:done': ({ dir, logger, assets }) => {
				const root = fileURLToPath(dir);
				const found: HostRedirect[] = [];
				for (const route of REDIRECT_ROUTES) {
					for (const file of assets.get(route) ?? []) {
						const path = fileURLToPath(file);
						const html = readFileSync(path, 'utf8');
						const to = redirectPageTarget(html);
						if (!to) continue; // an alert several runbooks answer: a page to choose from
						const bare = bareRedirectPage(html);
						if (bare !== html) writeFileSync(path, bare);
						const folder = relative(root, dirname(path)).split(sep).join('/');
						found.push({ from: `${base}/${folder}/`, to });
					}
				}
				const redirects = hostRedirects(found);
				writeFileSync(join(root, '_redirects'), netlifyRedirects(redirects));
				const config = join(root, '..', HOST_CONFIG_DIR);
				mkdirSync(config, { recursive: true });
				writeFileSync(join(config, 'nginx-redirects.map'), nginxRedirectMap(redirects));
				const s3 = s3RoutingRules(redirects);
				writeFileSync(join(config, 's3-routing-rules.json'), s3.json);
				logger.info(
					`host redirects: ${redirects.length} in /_redirects and ${relative(process.cwd(), config) || '.'}/ (nginx map, S3 rules${s3.omitted ? `: the first 50, S3's limit; ${s3.omitted} left to the redirect pages` : ''})`,
				);
			},
		},
	};
}
