/**
 * The link checker's logic, apart from reading files: given what each built page contains (its
 * ids, its links, whether it redirects), list every internal link that does not arrive.
 */

export interface PageFacts {
	ids: Set<string>;
	/** For a redirect page: where it sends the reader (anchors are checked there). */
	redirect?: string;
}

export interface SiteFacts {
	/** Pages by URL path: "/runbooks/x/" for dist/runbooks/x/index.html, "/404.html" ... */
	pages: Map<string, PageFacts>;
	/** Every other file by URL path: "/runbooks.json", "/favicon.svg" ... */
	files: Set<string>;
}

export interface Link {
	/** Where the link was found: a page path or a file such as "/runbooks.json". */
	from: string;
	href: string;
}

export interface Broken extends Link {
	problem: string;
}

/** Anchors every page has without an element: the top of the page. */
const ALWAYS = new Set(['', '_top', 'top']);

/**
 * Resolves `href` against the page it is on; undefined for links that leave the site
 * (other hosts, mailto:, tel:). `origin` is the site's own base URL: links to it are internal.
 */
export function internalUrl(href: string, from: string, origin: string): URL | undefined {
	const base = new URL(origin);
	let url: URL;
	try {
		url = new URL(href, new URL(from, base));
	} catch {
		return undefined;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
	return url.origin === base.origin ? url : undefined;
}

function findPage(site: SiteFacts, path: string): { path: string; page: PageFacts } | undefined {
	for (const candidate of [path, path.endsWith('/') ? path : `${path}/`, `${path}.html`]) {
		const page = site.pages.get(candidate);
		if (page) return { path: candidate, page };
	}
	return undefined;
}

export function checkLinks(site: SiteFacts, links: Link[], origin: string): Broken[] {
	const broken: Broken[] = [];
	for (const link of links) {
		const url = internalUrl(link.href, link.from, origin);
		if (!url) continue;
		const path = decodeURIComponent(url.pathname);
		const anchor = decodeURIComponent(url.hash.slice(1));
		let found = findPage(site, path);
		if (!found) {
			if (!site.files.has(path)) broken.push({ ...link, problem: `no page or file at ${path}` });
			else if (anchor) broken.push({ ...link, problem: `#${anchor} points into a file that is not a page` });
			continue;
		}
		// A redirect page carries no ids: the anchor must exist where it leads.
		for (let hops = 0; found?.page.redirect && hops < 5; hops++) {
			const to: string = found.page.redirect;
			found = findPage(site, new URL(to, new URL(found.path, origin)).pathname);
			if (!found) broken.push({ ...link, problem: `redirects to ${to}, which does not exist` });
		}
		if (!found) continue;
		if (anchor && !ALWAYS.has(anchor) && !found.page.ids.has(anchor)) {
			broken.push({ ...link, problem: `no element with id "${anchor}" on ${found.path}` });
		}
	}
	return broken;
}
