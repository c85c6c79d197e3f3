/**
 * The site's redirects (alert addresses, renamed runbooks) as the hosts that can answer them
 * themselves read them: one round trip and no page to parse before the runbook (issue 36: an
 * alert's link to step 1 on Fast 3G). The redirect pages stay for the hosts that cannot.
 */

export interface HostRedirect {
	/** The address as the site publishes it, base included: `/alerts/KubeAPIDown/`. */
	from: string;
	/** Where it leads, base included: `/runbooks/kube-api-down/`. */
	to: string;
}

// Paths the site writes are ids and alert names; anything else (a space, a quote, a `$`) would need
// each host's own escaping, so it is left to the redirect page.
const PLAIN_PATH = /^\/[A-Za-z0-9._~/-]*$/;

/**
 * The redirects every host can take as they are: plain paths, no fragment (a step named by the
 * alert is kept by the redirect page, whose script carries `#step` over), sorted, one per address.
 */
export function hostRedirects(redirects: readonly HostRedirect[]): HostRedirect[] {
	const byFrom = new Map<string, string>();
	for (const { from, to } of redirects) if (PLAIN_PATH.test(from) && PLAIN_PATH.test(to) && from !== to) byFrom.set(from, to);
	return [...byFrom].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, to]) => ({ from, to }));
}

const HEADER = (comment: string) =>
	`${comment} Written by the build (Runsheet): the site's redirects, answered by the host. docs/hosting.md says where it goes.\n`;

/**
 * The entries of an nginx `map $uri $runsheet_redirect { … }` (docs/hosting/nginx.conf includes
 * the file inside it): each address with and without its slash, so a link missing it is one hop.
 */
export function nginxRedirectMap(redirects: readonly HostRedirect[]): string {
	let out = HEADER('#');
	for (const { from, to } of redirects) {
		out += `"${from}" "${to}";\n`;
		if (from.endsWith('/') && from.length > 1) out += `"${from.slice(0, -1)}" "${to}";\n`;
	}
	return out;
}

/**
 * `_redirects` as Netlify and Cloudflare Pages read it from the site's root: `from to 301`, the
 * query kept by both. Cloudflare Pages takes 2,000 static redirects (100 dynamic) and lines of
 * 1,000 characters at most.
 */
export function netlifyRedirects(redirects: readonly HostRedirect[]): string {
	return HEADER('#') + redirects.map(({ from, to }) => `${from} ${to} 301\n`).join('');
}

/** How many routing rules an S3 bucket's website configuration takes. */
export const S3_RULE_LIMIT = 50;

/**
 * S3 static website routing rules (the `RoutingRules` of `aws s3api put-bucket-website`): keys
 * have no leading slash. S3 takes 50 rules: the first 50 are written, the rest left to the
 * redirect pages, and `omitted` says how many.
 */
export function s3RoutingRules(redirects: readonly HostRedirect[]): { json: string; omitted: number } {
	const rules = redirects.slice(0, S3_RULE_LIMIT).map(({ from, to }) => ({
		Condition: { KeyPrefixEquals: from.slice(1) },
		Redirect: { ReplaceKeyWith: to.slice(1), HttpRedirectCode: '301' },
	}));
	return { json: `${JSON.stringify(rules, null, '\t')}\n`, omitted: Math.max(0, redirects.length - S3_RULE_LIMIT) };
}

/**
 * A redirect page without what Astro adds to every page: the site's stylesheet (about 100 KB) and
 * its module script. The page leaves at once, but a browser's preload scanner still starts both,
 * and on a slow network they share the line with the runbook the page sends the reader to.
 */
export function bareRedirectPage(html: string): string {
	return html.replace(/<link rel="stylesheet" href="[^"]*">/g, '').replace(/<script type="module" src="[^"]*"><\/script>/g, '');
}

/** Where a redirect page leads: its meta refresh's address (RedirectPage.astro writes it). */
export function redirectPageTarget(html: string): string | undefined {
	const url = /<meta http-equiv="refresh" content="0; url=([^"]*)"/.exec(html)?.[1];
	return url?.replaceAll('&amp;', '&');
}
