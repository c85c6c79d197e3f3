import { posix } from 'node:path';
import { documentStem } from './document-kinds.ts';

/**
 * Links written as the published site's URL rather than the file: `cdn.html`, `../x.html`,
 * `/manual/cdn.html`, `x/` (MkDocs' directory URLs), `/docs/tablespaces` (Docusaurus, by the
 * page's `id`), `{{ site.baseurl }}/x.html` once Liquid is read. Each document publishes one page;
 * its URL is its path from the site's root (the docs folder a generator's config names, else the
 * imported folder) without its kind (`.md`, `.html.md.erb`), maybe under the site's base path, with
 * `index`/`README` standing for their folder and a Jekyll collection's `_docs/` published as `docs/`.
 *
 * A relative link is mapped only when it is written as a URL (`.html`, a trailing `/`, no
 * extension): a `.md` link that misses is a document that is not there. A link from the site's
 * root may name a base path that is not known (`/manual/`, `/docs/`): up to two leading folders
 * are passed over, and the rest must name one document only.
 */
export interface PublishedDocument {
	path: string;
	/** The page's own id or slug from its front matter (Docusaurus publishes it in place of the file name). */
	slug?: string;
}

const key = (path: string) =>
	documentStem(path.toLowerCase().replace(/\.html?$/, '.md'))
		.replace(/(?:^|\/)(?:index|readme|_index)$/, '')
		.replace(/^\/+|\/+$/g, '');

const within = (path: string, dir: string) => !dir || path.startsWith(`${dir}/`);

export function publishedUrls(
	documents: readonly PublishedDocument[],
	roots: readonly { dir: string; base: string }[],
): (url: string, from: string) => string | undefined {
	const byKey = new Map<string, Set<string>>();
	const add = (k: string, path: string) => byKey.set(k, (byKey.get(k) ?? new Set()).add(path));
	for (const { path, slug } of documents) {
		const forms = [path, ...(slug ? [posix.join(posix.dirname(path), slug)] : [])];
		for (const form of forms) {
			add(key(form), path);
			for (const root of roots) {
				if (!within(form, root.dir)) continue;
				const inside = root.dir ? form.slice(root.dir.length + 1) : form;
				for (const published of [inside, inside.replace(/^_/, '')]) {
					add(key(published), path);
					add(key(`${root.base}${published}`), path);
				}
			}
		}
	}
	const keys = [...byKey.keys()];
	const one = (k: string) => {
		const found = byKey.get(k);
		return found?.size === 1 ? [...found][0] : undefined;
	};
	return (url, from) => {
		const written = url.split(/[?#]/)[0]!;
		if (!written) return undefined;
		let path: string;
		try {
			path = decodeURIComponent(written);
		} catch {
			path = written;
		}
		if (path.startsWith('/')) {
			const segments = key(path).split('/');
			for (let drop = 0; drop <= Math.min(2, segments.length - 1); drop++) {
				const rest = segments.slice(drop).join('/');
				if (byKey.has(rest)) return one(rest);
				const ending = [...new Set(keys.filter((k) => k.endsWith(`/${rest}`)).flatMap((k) => [...byKey.get(k)!]))];
				if (ending.length) return ending.length === 1 ? ending[0] : undefined;
			}
			return undefined;
		}
		// Written as the page's URL, not its file: `x.html`, `x/`, `x`.
		if (!/\.html?$|\/$/.test(path) && /\.[a-z0-9]+$/i.test(posix.basename(path))) return undefined;
		const fromFile = posix.normalize(posix.join(posix.dirname(from), path));
		// With directory URLs (MkDocs), a page's links are relative to its own folder-like URL.
		const fromPage = posix.normalize(posix.join(posix.dirname(from), documentStem(posix.basename(from)), path));
		for (const candidate of [fromFile, fromPage]) if (!candidate.startsWith('..') && byKey.has(key(candidate))) return one(key(candidate));
		return undefined;
	};
}
