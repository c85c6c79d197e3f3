import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { paths } from '../model/paths.ts';
import { idFromName, slugify } from '../model/ids.ts';
import { FILLED_FIELDS } from '../schema/template.ts';
import { parseFrontMatter, readFrontMatter } from './front-matter.ts';
import { importChecklist, normaliseSource, type ImportOptions, type ImportResult } from './import-checklist.ts';
import type { PreviousRunbook } from './keep-ids.ts';
import { isExternal, rewriteMarkdownLinks, type LinkDecision } from './links.ts';
import { documentStem, isDocumentPath } from './generators/document-kinds.ts';
import { folderSite } from './generators/folder-site.ts';
import { writePins } from './pins.ts';
import { PUBLISHED_KINDS, publishedKind, secretKind } from '../model/published-files.ts';
import { documentParts, isIndexPage } from './folder-pages.ts';
import { movedTo, redirectStub } from './moved-stubs.ts';

const PUBLISHED_EXTENSIONS = Object.keys(PUBLISHED_KINDS).join(', ');

/**
 * A folder of Markdown runbooks, as teams keep them (Hugo, MkDocs, a wiki export): one document
 * per alert or procedure, folders per component with an index file (`_index.md`), relative links
 * between documents, images beside them. Imported as a whole so that every document gets an id
 * unique in the folder and every link between documents can be followed.
 */

export interface SourceDocument {
	/** Path inside the folder, with `/`: "etcd/etcdMembersDown.md". */
	path: string;
	markdown: string;
}

/** What a folder's index file (`_index.md`, `index.md`, a README beside other documents) says of it. */
export interface FolderIndex {
	/** The folder, inside the imported one ("" for the folder itself). */
	dir: string;
	path: string;
	title?: string;
	summary?: string;
	/** The id of the page it is too, when it holds more than a title and a summary (folder-pages.ts). */
	page?: string;
}

export interface ImportedDocument {
	path: string;
	id: string;
	/** The Markdown it was read from: the file's, or its part of a playbook (`<file>#<alert>`, folder-pages.ts). */
	markdown: string;
	result: ImportResult;
	/** Links to other documents of the folder, and to its files, that were rewritten. */
	links: number;
	/** Files of the folder the document links to (images ...), by their path in it. */
	files: string[];
	/** The id another folder's runbook has, which this document would have had (options.taken). */
	takenId?: string;
}

export interface FolderImport {
	documents: ImportedDocument[];
	indexes: FolderIndex[];
	/** Problems that concern the folder, not one document. */
	warnings: string[];
}

export interface FolderImportOptions {
	/**
	 * What every document's `source:` starts with: the folder's own name when it is imported into
	 * content/runbooks/<name>/, "" when the documents already sit in content/runbooks.
	 */
	sourcePrefix: string;
	/** The system of every document, whatever the folders say. */
	system?: string;
	variables?: boolean;
	/** Whether a path of the folder (not a document) is a file: a link to it is kept, pointing at its copy. */
	isFile: (path: string) => boolean;
	/** Every file of the folder, when it holds more than the documents (runbook files beside a README). */
	paths?: readonly string[];
	/** Ids the site's other runbooks have (another folder imported beside this one): a document whose id is one takes the folder's name before it. */
	taken?: ReadonlySet<string>;
	/** The runbook file an earlier import of this document wrote, with its id: kept. */
	previous?: (source: string) => { id: string; runbook: PreviousRunbook } | undefined;
	/** Every file of the folder, for its site generator's config (`mkdocs.yml`, `SUMMARY.md` …): generators/folder-site.ts. */
	siteFiles?: readonly string[];
	/** A text file of the folder (a config, a snippet), or undefined when it is not there or not readable. */
	readFile?: (path: string) => string | undefined;
}

const INDEX_NAMES = new Set(['_index.md', 'index.md', 'readme.md']);
const isMarkdown = isDocumentPath;

/**
 * Index files of the documents' folders: `_index.md` and `index.md` always, a README when its
 * folder (or a folder below) holds other runbooks, Markdown documents or the runbook files an
 * import made of them; a README alone is a runbook of its own.
 */
export function isIndexFile(path: string, all: readonly string[]): boolean {
	const name = posix.basename(path).toLowerCase();
	if (!INDEX_NAMES.has(name)) return false;
	if (name !== 'readme.md') return true;
	const dir = posix.dirname(path);
	const inside = (other: string) => dir === '.' || other.startsWith(`${dir}/`);
	return all.some(
		(other) =>
			other !== path &&
			inside(other) &&
			(isMarkdown(other) || /\.ya?ml$/i.test(other)) &&
			!INDEX_NAMES.has(posix.basename(other).toLowerCase()),
	);
}

const indexParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** An index file's title (front matter, else its H1) and summary (front matter, else its first paragraph). */
export function readIndex(path: string, markdown: string): FolderIndex {
	const tree = indexParser.parse(normaliseSource(markdown).text) as Root;
	let title: string | undefined;
	let summary: string | undefined;
	for (const node of tree.children as { type: string; value?: string }[]) {
		if ((node.type === 'yaml' || node.type === 'toml') && node.value !== undefined) {
			const parsed = parseFrontMatter(node.value, node.type);
			if ('data' in parsed) ({ title, summary } = readFrontMatter(parsed.data));
		}
	}
	const h1 = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
	const paragraph = tree.children.find((node) => node.type === 'paragraph');
	const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
	const text = (node: typeof h1) => (node ? toString(node).replace(/\s+/g, ' ').trim() || undefined : undefined);
	return {
		dir,
		path,
		...((title ?? text(h1)) ? { title: title ?? text(h1) } : {}),
		...((summary ?? text(paragraph)) ? { summary: summary ?? text(paragraph) } : {}),
	};
}

/** The system of a document: the title of the nearest index (or folder label) up its folders, else its top folder's name. */
function folderSystem(path: string, indexes: readonly FolderIndex[], label?: (dir: string) => string | undefined): string | undefined {
	for (let dir = posix.dirname(path); ; dir = posix.dirname(dir)) {
		const key = dir === '.' ? '' : dir;
		const title = indexes.find((index) => index.dir === key)?.title ?? label?.(key);
		if (title) return title;
		if (key === '') break;
	}
	// The outermost folder, past those named for what holds documents ("docs/sop/", "docs/src/"),
	// which name no system; with none, the document's own title does.
	return path
		.split('/')
		.slice(0, -1)
		.find((folder) => !GENERIC_FOLDERS.test(folder));
}

const GENERIC_FOLDERS = /^(?:docs?|documentation|src|source|content|pages|site|wiki|runbooks?|playbooks?|sops?|md|issue_template|\..*)$/i;

/**
 * Runbook ids for the documents: the id pinned in front matter, else the file name's words
 * ("etcdMembersDown.md" -> "etcd-members-down"); names that two documents share are told apart
 * by their folders ("etcd-gather-logs", "node-gather-logs"). The same paths always give the same
 * ids, whatever order they come in.
 */
export function documentIds(
	documents: readonly { path: string; pinned?: string | undefined; stem?: string | undefined }[],
	/**
	 * Ids other runbooks of the site already have, and the prefix a document's id then takes (the
	 * folder's name); `renamed` is given each such document's path with the id it could not have.
	 */
	elsewhere?: { taken: ReadonlySet<string>; prefix: string; renamed?: Map<string, string> },
): Map<string, string> {
	const base = (doc: { path: string; pinned?: string | undefined; stem?: string | undefined }) =>
		doc.pinned ?? (idFromName(doc.stem ?? documentStem(posix.basename(doc.path))) || 'runbook');
	const count = new Map<string, number>();
	for (const doc of documents) count.set(base(doc), (count.get(base(doc)) ?? 0) + 1);
	const ids = new Map<string, string>();
	const taken = new Set<string>();
	for (const doc of [...documents].sort((a, b) => a.path.localeCompare(b.path))) {
		let id = base(doc);
		if (count.get(id)! > 1 && !doc.pinned) id = slugify(`${posix.dirname(doc.path).replace(/\//g, ' ')} ${id}`) || id;
		// Another folder of the site has this id (README, overview, SOURCE …): this one takes its folder's name.
		if (elsewhere?.taken.has(id) && !doc.pinned) {
			elsewhere.renamed?.set(doc.path, id);
			id = slugify(`${elsewhere.prefix} ${id}`) || id;
		}
		for (let n = 2, first = id; taken.has(id); n++) id = `${first}-${n}`;
		taken.add(id);
		ids.set(doc.path, id);
	}
	return ids;
}

/** `../etcd/etcdMembersDown.md#diagnosis` from `kubernetes/x.md` -> the path in the folder and the anchor. */
function resolve(url: string, from: string): { path: string; anchor?: string } | undefined {
	const [beforeHash, ...hash] = url.split('#');
	const pathPart = beforeHash!.split('?')[0]!;
	const anchor = hash.length ? decodeURIComponent(hash.join('#')) : undefined;
	if (!pathPart) return { path: from, ...(anchor !== undefined ? { anchor } : {}) };
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathPart);
	} catch {
		decoded = pathPart;
	}
	const joined = decoded.startsWith('/') ? decoded.slice(1) : posix.join(posix.dirname(from), decoded);
	const normal = posix.normalize(joined).replace(/\/+$/, '');
	if (normal.startsWith('..')) return undefined;
	return { path: normal === '.' ? '' : normal, ...(anchor !== undefined ? { anchor } : {}) };
}

export function importFolder(allSources: readonly SourceDocument[], options: FolderImportOptions): FolderImport {
	const all = options.paths ?? allSources.map((s) => s.path);
	// The folder's site generator (MkDocs, GitBook, Docusaurus, Jekyll, Middleman): generators/folder-site.ts.
	const site = folderSite(options.siteFiles ?? all, options.readFile);
	const sources = allSources.filter((s) => !site.isStructure(s.path));
	const indexes = sources.filter((s) => isIndexFile(s.path, all)).map((s) => readIndex(s.path, s.markdown));
	// ---- playbooks and index pages (folder-pages.ts): the documents are the files' parts
	const pages = new Set(sources.filter((s) => isIndexFile(s.path, all) && isIndexPage(s.markdown)).map((s) => s.path));
	const { parts, alertAt } = documentParts(
		sources
			.filter((s) => !isIndexFile(s.path, all) || pages.has(s.path))
			.sort((a, b) => a.path.localeCompare(b.path))
			.map((s) => ({ ...s, index: pages.has(s.path) })),
	);
	const runbooks = parts;
	// ----
	const sourceName = (path: string) => (options.sourcePrefix ? `${options.sourcePrefix}/${path}` : path);

	// A playbook's alerts are of the system its shared page (imported before them) is of.
	const systems = new Map<string, string>();
	const imported = runbooks.map((doc) => {
		const previous = options.previous?.(sourceName(doc.path));
		const system = folderSystem(doc.path, indexes, site.folderLabel) ?? (doc.playbook ? systems.get(doc.playbook) : undefined);
		const importOptions: ImportOptions = {
			sourceName: sourceName(doc.path),
			...(options.system ? { system: options.system } : {}),
			...(system ? { folderSystem: system } : {}),
			...(options.variables === false ? { variables: false } : {}),
			...(previous ? { previous: previous.runbook, id: previous.id } : {}),
		};
		const prepared = site.prepare(doc.path, doc.markdown);
		const result = importChecklist(prepared.markdown, importOptions);
		result.warnings.push(...prepared.notes);
		site.finish(doc.path, doc.markdown, result);
		// A folder's page is titled for its folder ("CloudNativePG"), not for an alert, unless its front matter names one.
		if (pages.has(doc.path) && !result.frontMatter.alerts.length) delete result.runbook.alerts;
		systems.set(doc.path, result.runbook.system);
		return { doc, previous, result };
	});
	// An earlier import's id is kept; else the front matter's, else the file name's.
	const renamed = new Map<string, string>();
	const ids = documentIds(
		imported.map(({ doc, previous, result }) => ({ path: doc.path, pinned: previous?.id ?? result.frontMatter.id, stem: doc.stem })),
		options.taken ? { taken: options.taken, prefix: options.sourcePrefix, renamed } : undefined,
	);

	const byPath = new Map(imported.map((entry) => [entry.doc.path.toLowerCase(), entry]));
	const findDocument = (path: string) =>
		byPath.get(path.toLowerCase()) ??
		byPath.get(`${path}.md`.toLowerCase()) ??
		byPath.get(`${path}/index.md`.toLowerCase()) ??
		byPath.get(`${path}/readme.md`.toLowerCase());
	// A bare name (`kafka-broker-down.md`, as a wiki link gives it) that is not beside the document
	// is the one document of that name anywhere in the folder, as wikis resolve it.
	const byName = new Map<string, (typeof imported)[number][]>();
	for (const entry of imported) {
		const name = posix.basename(entry.doc.path).toLowerCase();
		byName.set(name, [...(byName.get(name) ?? []), entry]);
	}
	// `url` as written says whether it is a bare name; `path` is it resolved (and decoded) by resolve.
	const findByName = (url: string, path: string) => {
		if (url.split(/[#?]/)[0]!.includes('/')) return undefined;
		const bare = posix.basename(path).toLowerCase();
		const named = byName.get(bare) ?? byName.get(`${bare}.md`);
		return named?.length === 1 ? named[0] : undefined;
	};
	const indexOf = (path: string) =>
		indexes.find((index) => index.path.toLowerCase() === path.toLowerCase() || index.dir.toLowerCase() === path.toLowerCase());
	for (const index of indexes) if (pages.has(index.path)) index.page = ids.get(index.path)!;
	const published = site.published(
		imported.map(({ doc, result }) => ({ path: doc.path, ...(result.frontMatter.id ? { slug: result.frontMatter.id } : {}) })),
	);
	const warnings: string[] = [...site.structure.notes];
	// A "moved to" stub whose target is in the folder is a redirect to it, not a runbook (moved-stubs.ts).
	const movedInto = new Map<string, string>();
	for (const { doc } of imported) {
		const url = movedTo(doc.markdown);
		const target = url && !isExternal(url) ? resolve(url, doc.path) : undefined;
		const into = target && (findDocument(target.path) ?? findByName(url!, target.path));
		if (into && into.doc.path !== doc.path && !movedTo(into.doc.markdown)) movedInto.set(doc.path, into.doc.path);
	}
	for (const { doc, result } of imported) {
		const rejected = result.frontMatter.rejectedId;
		if (rejected) warnings.push(rejectedIdWarning(doc.path, rejected, ids.get(doc.path)!));
	}

	const documents = imported.map(({ doc, result }) => {
		const own = ids.get(doc.path)!;
		let links = 0;
		const files = new Set<string>();
		const decide = (url: string): LinkDecision => {
			if (isExternal(url)) return undefined;
			const target = resolve(url, doc.path);
			const fail = (why: string): LinkDecision => {
				result.warnings.push(`link "${url}": ${why}; only its text is kept`);
				return { drop: true };
			};
			// Written as the published site's URL (`x.html`, `/manual/x.html`, `x/`): the document that publishes it.
			const byUrl = () => {
				const path = target && options.isFile(target.path) ? undefined : published(url, doc.path);
				return path === undefined ? undefined : byPath.get(path.toLowerCase());
			};
			const file = target && (findDocument(target.path) ?? findByName(url, target.path));
			// A link to a playbook's alert heading arrives on the alert's own runbook.
			const alertPart = target?.anchor && file ? alertAt.get(file.doc.path.toLowerCase())?.get(target.anchor.toLowerCase()) : undefined;
			if (alertPart) {
				links++;
				return { url: paths.runbook(ids.get(alertPart)!) };
			}
			const document = file ?? byUrl();
			if (document) {
				const wanted = target?.anchor ?? resolve(`#${url.split('#').slice(1).join('#')}`, doc.path)?.anchor;
				const anchor = wanted && (document.result.anchors.get(wanted) ?? document.result.anchors.get(wanted.toLowerCase()));
				if (wanted && !anchor) result.warnings.push(`link "${url}": no heading "#${wanted}" there; it links to the page`);
				links++;
				// The page's own path even within the page: the text is shown on its sign-off sheet too.
				return { url: `${paths.runbook(ids.get(document.doc.path)!)}${anchor ? `#${anchor}` : ''}` };
			}
			if (!target) return fail('it leaves the imported folder');
			// A folder (or its index file): its runbooks, listed under their system in the catalog.
			const index = indexOf(target.path);
			const folder =
				index?.dir ?? (all.some((path) => path.toLowerCase().startsWith(`${target.path.toLowerCase()}/`)) ? target.path : undefined);
			if (folder !== undefined) {
				links++;
				const system = options.system ?? folderSystem(`${folder ? `${folder}/` : ''}x`, indexes, site.folderLabel);
				return { url: system ? paths.system(system) : paths.catalog() };
			}
			if (options.isFile(target.path)) {
				// SVG, HTML and other kinds a browser would run as the site's own page are never published
				// (model/published-files.ts): a link to one would be a link to nothing. A secret stays
				// linked, so that the build stops on it and says so.
				if (!publishedKind(target.path) && !secretKind(target.path))
					return fail(`${target.path} is of a kind the site does not publish (only ${PUBLISHED_EXTENSIONS})`);
				links++;
				files.add(target.path);
				return { url: paths.file(sourceName(target.path)) };
			}
			return fail(`${target.path} is not in the folder`);
		};
		rewriteFields(result.runbook, decide);
		if (result.runbook.notes) result.runbook.notes = result.runbook.notes.map((note) => rewriteMarkdownLinks(note, decide));
		const takenId = renamed.get(doc.path);
		return { path: doc.path, id: own, markdown: doc.source, result, links, files: [...files], ...(takenId ? { takenId } : {}) };
	});
	const kept = documents.filter((document) => !movedInto.has(document.path));
	for (const stub of documents) {
		const into = kept.find((document) => document.path === movedInto.get(stub.path));
		if (!into) continue;
		redirectStub(into.result.runbook, { id: stub.id, runbook: stub.result.runbook });
		warnings.push(`${stub.path}: says it moved to ${into.path}: its address and alerts lead there, it is no runbook of its own`);
	}
	return { documents: kept, indexes, warnings };
}

/** Why a document's own `id:` or `slug:` was not taken, naming the file and the field. */
export function rejectedIdWarning(path: string, rejected: { field: string; value: string }, used: string): string {
	return `${path}: front matter ${rejected.field}: ${JSON.stringify(rejected.value)} is not a runbook id (lowercase words joined by hyphens, never a path); the file name's id "${used}" is used. Hint: write e.g. \`${rejected.field}: ${used}\``;
}

/** Rewrites the links in every Markdown field of runbook data, and addresses (`href`) themselves. */
function rewriteFields(data: unknown, decide: (url: string) => LinkDecision): void {
	const visit = (value: unknown, field: string): unknown => {
		if (typeof value === 'string') {
			if (field === 'href') {
				const decision = decide(value);
				return decision && 'url' in decision ? decision.url : value;
			}
			return FILLED_FIELDS.has(field) && field !== 'code' ? rewriteMarkdownLinks(value, decide) : value;
		}
		if (Array.isArray(value)) return value.map((item) => visit(item, field));
		if (value && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			for (const [key, item] of Object.entries(record)) record[key] = visit(item, key);
			return record;
		}
		return value;
	};
	visit((data as { sections: unknown }).sections, 'sections');
}

/**
 * A Markdown runbook with `{#id}` written after every heading and step that has none, so that
 * rewording it later keeps its ids (links, saved progress); or why it cannot be.
 */
export function pinMarkdown(markdown: string): { text: string; pinned: number } | { error: string } {
	const source = normaliseSource(markdown);
	if (!source.original) return { error: 'it has mis-encoded characters (UTF-8 read as Windows-1252); fix them first' };
	// A pin inside a command would change the command: never written there, whatever the reader made of the text.
	const code: [number, number][] = [];
	visit(indexParser.parse(source.text) as Root, ['code', 'inlineCode', 'html'], (node) => {
		const { start, end } = node.position ?? {};
		if (start?.offset !== undefined && end?.offset !== undefined) code.push([start.offset, end.offset]);
	});
	// In document order and never overlapping: the last range starting before an offset is the only one that can hold it.
	const inCode = (offset: number) => {
		let low = 0;
		let high = code.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (code[mid]![0] < offset) low = mid + 1;
			else high = mid;
		}
		return low > 0 && offset < code[low - 1]![1];
	};
	const sites = importChecklist(markdown)
		.pins.filter((site) => !inCode(site.offset))
		.map((site) => ({ ...site, offset: source.original!(site.offset) }));
	return { text: writePins(markdown, sites), pinned: sites.length };
}
