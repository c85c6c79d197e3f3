/**
 * npm run test:links [-- dist] [--base /ops-runbooks]: walks the built site and checks that every
 * internal link arrives: each href, src and canonical link of every page, every #anchor, and every
 * URL in /runbooks.json. With --base (Astro's `base`), the site is checked as it is served, below
 * that path: a link that leaves the base out does not arrive. Exits 1 listing each broken link
 * with where it was found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { checkLinks, type Link, type SiteFacts } from './lib/link-check.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: '' } } });
const dist = positionals[0] ?? 'dist';
const base = values.base.replace(/\/+$/, '');
if (base && !base.startsWith('/')) {
	console.error(`links: --base ${values.base} is a path, e.g. --base /ops-runbooks`);
	process.exit(2);
}
const parser = unified().use(rehypeParse);

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else yield path;
	}
}

// Where the host serves each file: below the base.
const urlPath = (file: string) => `${base}/${relative(dist, file).split(sep).join('/')}`.replace(/\/index\.html$/, '/');
const site: SiteFacts = { pages: new Map(), files: new Set() };
const links: Link[] = [];
let catalogUrls = 0;

for (const file of walk(dist)) {
	const path = urlPath(file);
	if (!file.endsWith('.html')) {
		site.files.add(path);
		continue;
	}
	const tree = parser.parse(readFileSync(file, 'utf8')) as Root;
	const ids = new Set<string>();
	let redirect: string | undefined;
	visit(tree, 'element', (node: Element) => {
		const p = node.properties;
		if (typeof p.id === 'string') ids.add(p.id);
		if (node.tagName === 'meta' && String(p.httpEquiv ?? '').toLowerCase() === 'refresh')
			redirect = /url=(.*)$/i.exec(String(p.content))?.[1]?.trim();
		for (const attr of ['href', 'src'] as const) {
			const value = p[attr];
			// Starlight gives its 404 page the canonical URL /404/, which no one follows.
			const notFoundCanonical =
				path === `${base}/404.html` && node.tagName === 'link' && Array.isArray(p.rel) && p.rel.includes('canonical');
			if (typeof value === 'string' && !notFoundCanonical) links.push({ from: path, href: value });
		}
	});
	site.pages.set(path, { ids, ...(redirect ? { redirect } : {}) });
}

// The catalog's URLs are a promise to status pages and alert rules: each must arrive.
const catalog = JSON.parse(readFileSync(join(dist, 'runbooks.json'), 'utf8'));
const collect = (value: unknown, key = ''): void => {
	if (typeof value === 'string' && /^(url|rollbackUrl|page|rollback|signoff|data)$/.test(key)) {
		links.push({ from: `${base}/runbooks.json`, href: value });
		catalogUrls++;
	} else if (Array.isArray(value)) value.forEach((v) => collect(v));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
};
collect(catalog.runbooks);

// The site's own base URL (astro.config's `site`), as written into the catalog.
const broken = checkLinks(site, links, catalog.site);
const anchors = links.filter((l) => l.href.includes('#')).length;
if (broken.length) {
	for (const b of broken) console.error(`${b.from}: ${b.href} — ${b.problem}`);
	console.error(`links: ${broken.length} broken of ${links.length} (see above)`);
	process.exit(1);
}
console.log(
	`links: ${site.pages.size} pages${base ? ` below ${base}/` : ''}, ${links.length} links (${anchors} with #anchors, ${catalogUrls} from /runbooks.json): none broken`,
);
