/**
 * What the service worker keeps, from the list of built files (paths inside dist/ with `/`):
 * - the shell, fetched when the worker installs: Astro's CSS and JavaScript (hashed, so each
 *   build's own), fonts and the icon;
 * - what "Keep all runbooks offline" fetches: every runbook page and its JSON, every rollback
 *   page, every system page (where the site lists systems), the catalog, the finder, the home
 *   page, /runbooks.json and Pagefind's index, with their sizes, so the catalog can show a
 *   progress bar and the total.
 * The version names the build: any changed file name or size is a new version.
 */
import { createHash } from 'node:crypto';

export interface BuiltFile {
	path: string;
	bytes: number;
}

export interface OfflinePlan {
	version: string;
	shell: string[];
	keep: { url: string; bytes: number }[];
	keepBytes: number;
}

const SHELL = /^_astro\/.+\.(?:css|js)$|\.(?:woff2?|ttf)$|^favicon\.svg$/;
const PAGES =
	/^(?:index\.html|runbooks\/index\.html|rollback\/index\.html|alerts\/index\.html|runbooks\/[^/]+\/index\.html|rollback\/[^/]+\/index\.html|systems\/[^/]+(?:\/\d+)?\/index\.html|runbooks\/[^/]+\.json|runbooks\.json)$/;
// Pagefind's search (the script, its WebAssembly, the index, filters and fragments), not its UI
// variants Runsheet does not load.
const SEARCH = /^pagefind\/(?!pagefind-(?:component|modular)-ui)(?:.+)$/;

/** Pagefind's folder in the built site. */
const SEARCH_FOLDER = 'pagefind';

/**
 * The built files the offline step sees in its turn inside Astro's build, from those it finds when
 * it runs after Astro's process has ended (build/search-after.ts): the files under the top-level
 * entries `present` then, and the search index, which comes before the step either way. Files
 * written between (the sitemap) are left out, so the list and its version are the same. Without
 * `present`, every file.
 */
export function filesPresent(files: readonly BuiltFile[], present?: readonly string[]): BuiltFile[] {
	if (!present) return [...files];
	const kept = new Set([...present, SEARCH_FOLDER]);
	return files.filter((f) => kept.has(f.path.split('/')[0]!));
}

/** A built file's URL below the site's base: "runbooks/x/index.html" -> "/base/runbooks/x/". */
export function fileUrl(path: string, base: string): string {
	return `${base}/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function offlinePlan(files: readonly BuiltFile[], base: string): OfflinePlan {
	const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
	const shell = sorted.filter((f) => SHELL.test(f.path)).map((f) => fileUrl(f.path, base));
	const keep = sorted.filter((f) => PAGES.test(f.path) || SEARCH.test(f.path)).map((f) => ({ url: fileUrl(f.path, base), bytes: f.bytes }));
	const version = createHash('sha256')
		.update(sorted.map((f) => `${f.path}:${f.bytes}`).join('\n'))
		.digest('hex')
		.slice(0, 12);
	return { version, shell, keep, keepBytes: keep.reduce((sum, f) => sum + f.bytes, 0) };
}
