import type { ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { isDocumentPath } from './document-kinds.ts';

/**
 * What a site generator's own files say of the folder's documents: MkDocs' `mkdocs.yml` (`nav`:
 * titles and order; `docs_dir`, `site_url`; the snippets' base paths), GitBook's `SUMMARY.md`
 * (titles and order; itself no page), Docusaurus' `_category_.json` (a folder's label and place),
 * Jekyll's `_config.yml` (`baseurl`), Middleman's `config.rb` beside `source/`. Read from the files
 * of the folder only; a file that cannot be read or parsed is passed over, named in `notes`.
 */
export interface SitePage {
	/** The title the site's navigation gives the page. */
	title?: string;
	/** Its place in the navigation, from 1. */
	order: number;
	/** Where it was read: "mkdocs.yml", "SUMMARY.md". */
	from: string;
}

export interface SiteStructure {
	/** By document path. */
	pages: Map<string, SitePage>;
	/** Folder labels (Docusaurus `_category_.json`), by folder path ("" for the top). */
	folders: Map<string, string>;
	/** Folders the site publishes its pages from, with the URL path it publishes them under ("/", "/docs/"). */
	roots: { dir: string; base: string }[];
	/** Files that are the site's structure, not pages (GitBook's SUMMARY.md). */
	structure: Set<string>;
	/** Where `--8<--` snippets are looked for, in order (folder paths). */
	snippetBases: string[];
	notes: string[];
}

const dirOf = (path: string) => (posix.dirname(path) === '.' ? '' : posix.dirname(path));
const join = (...parts: string[]) => posix.normalize(posix.join(...parts.filter(Boolean))).replace(/^\.\/?$/, '');
const urlPath = (url: unknown): string | undefined => {
	if (typeof url !== 'string') return undefined;
	if (url.startsWith('/')) return url.endsWith('/') ? url : `${url}/`;
	try {
		const path = new URL(url).pathname;
		return path.endsWith('/') ? path : `${path}/`;
	} catch {
		return undefined;
	}
};

export function readSiteStructure(paths: readonly string[], read: (path: string) => string | undefined): SiteStructure {
	const site: SiteStructure = { pages: new Map(), folders: new Map(), roots: [], structure: new Set(), snippetBases: [], notes: [] };
	const documents = new Set(paths.filter(isDocumentPath).map((path) => path.toLowerCase()));
	const byLower = new Map(paths.map((path) => [path.toLowerCase(), path]));
	let order = 0;
	const page = (path: string, title: string | undefined, from: string) => {
		const found = byLower.get(path.toLowerCase());
		if (!found || !documents.has(found.toLowerCase()) || site.pages.has(found)) return;
		site.pages.set(found, { ...(title ? { title } : {}), order: ++order, from });
	};
	for (const config of paths.filter((path) => /(?:^|\/)mkdocs\.ya?ml$/i.test(path))) mkdocs(config);
	for (const summary of paths.filter((path) => /(?:^|\/)SUMMARY\.md$/.test(path))) gitbook(summary);
	for (const category of paths.filter((path) => /(?:^|\/)_category_\.(?:json|ya?ml)$/.test(path))) docusaurusCategory(category);
	for (const config of paths.filter((path) => /(?:^|\/)_config\.ya?ml$/.test(path))) jekyll(config);
	for (const config of paths.filter((path) => /(?:^|\/)config\.rb$/.test(path))) {
		const source = join(dirOf(config), 'source');
		if (paths.some((path) => path.startsWith(`${source}/`))) site.roots.push({ dir: source, base: '/' });
	}
	return site;

	function yaml(path: string): Record<string, unknown> | undefined {
		const text = read(path);
		if (text === undefined) return undefined;
		try {
			// Tags of the tool's own (`!ENV`, `!!python/name:`) are read as their text.
			const data = parseYaml(text, { logLevel: 'silent', uniqueKeys: false }) as unknown;
			return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
		} catch (error) {
			site.notes.push(`${path}: not read (${(error as Error).message.split('\n')[0]})`);
			return undefined;
		}
	}

	function mkdocs(config: string): void {
		const data = yaml(config);
		if (!data) return;
		const docs = join(dirOf(config), typeof data.docs_dir === 'string' ? data.docs_dir : 'docs');
		site.roots.push({ dir: docs, base: urlPath(data.site_url) ?? '/' });
		const walk = (entries: unknown) => {
			if (!Array.isArray(entries)) return;
			for (const entry of entries) {
				if (typeof entry === 'string') page(join(docs, entry), undefined, posix.basename(config));
				else if (entry && typeof entry === 'object')
					for (const [title, value] of Object.entries(entry as Record<string, unknown>)) {
						if (typeof value === 'string') page(join(docs, value), title, posix.basename(config));
						else walk(value);
					}
			}
		};
		walk(data.nav);
		const extensions = Array.isArray(data.markdown_extensions) ? data.markdown_extensions : [];
		for (const extension of extensions) {
			const options = extension && typeof extension === 'object' ? (extension as Record<string, unknown>)['pymdownx.snippets'] : undefined;
			const bases = options && typeof options === 'object' ? (options as Record<string, unknown>).base_path : undefined;
			for (const base of Array.isArray(bases) ? bases : typeof bases === 'string' ? [bases] : [])
				if (typeof base === 'string') site.snippetBases.push(join(dirOf(config), base));
		}
		// pymdownx.snippets' default base is where mkdocs runs: beside mkdocs.yml; and the docs themselves.
		site.snippetBases.push(dirOf(config), docs);
	}

	function gitbook(summary: string): void {
		const text = read(summary);
		if (text === undefined) return;
		const tree = unified().use(remarkParse).parse(text) as Root;
		const links: { url: string; title: string }[] = [];
		visit(tree, 'listItem', (item: ListItem) => {
			const paragraph = item.children[0];
			const link = paragraph?.type === 'paragraph' ? paragraph.children.find((child) => child.type === 'link') : undefined;
			if (link?.type === 'link') links.push({ url: link.url, title: toString(link).trim() });
		});
		const dir = dirOf(summary);
		const resolved = links.map((link) => ({ ...link, path: join(dir, decodeURI(link.url.split('#')[0]!)) }));
		// A table of contents: links to the folder's documents, most of what it lists.
		const inFolder = resolved.filter((link) => documents.has(link.path.toLowerCase()));
		if (!inFolder.length || inFolder.length < links.length / 2) return;
		site.structure.add(summary);
		for (const link of inFolder) page(link.path, link.title, posix.basename(summary));
		site.roots.push({ dir, base: '/' });
		site.notes.push(
			`${summary}: GitBook's table of contents, read for the titles and order of ${inFolder.length} documents (not a page of its own)`,
		);
	}

	function docusaurusCategory(path: string): void {
		let data: unknown;
		if (path.endsWith('.json')) {
			try {
				data = JSON.parse(read(path) ?? 'null');
			} catch (error) {
				site.notes.push(`${path}: not read (${(error as Error).message.split('\n')[0]})`);
				return;
			}
		} else data = yaml(path);
		const label = data && typeof data === 'object' ? (data as { label?: unknown }).label : undefined;
		if (typeof label === 'string' && label.trim()) site.folders.set(dirOf(path), label.trim());
	}

	function jekyll(config: string): void {
		const data = yaml(config);
		if (!data) return;
		const base = typeof data.baseurl === 'string' && data.baseurl.trim() ? urlPath(data.baseurl.trim()) : '/';
		site.roots.push({ dir: dirOf(config), base: base ?? '/' });
	}
}
