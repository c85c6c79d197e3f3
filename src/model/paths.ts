import { slugify } from './ids.ts';

/**
 * The URL contract, in one place: every page and anchor a link may point at, for the pages, the
 * JSON catalogs, the importer and the browser code. Each is its own function, so browser code
 * takes only what it uses.
 *
 * Paths follow Astro's `base` and `trailingSlash`: Vite writes both into pages and browser code
 * (`import.meta.env.BASE_URL`, and RUNSHEET_TRAILING_SLASH from src/build/integration.ts). Scripts
 * run by Node have neither, and give paths from the site's root; `absolute()` puts a site's URL,
 * sub-path included, in front.
 */
let base = '';
let trailing = true;
try {
	base = import.meta.env.BASE_URL.replace(/\/+$/, '');
	trailing = import.meta.env.RUNSHEET_TRAILING_SLASH !== 'never';
} catch {
	// Node without Vite: no import.meta.env.
}
/** The site's base path without its last slash: "" at a domain's root, "/ops-runbooks" below it. */
export const basePath = () => base;
/** A page: the base in front; its trailing slash as the site writes them. */
const page = (path: string) => `${base}${trailing || path === '/' ? path : path.replace(/\/$/, '')}`;
/** A file (JSON, a script, an image): the base in front. */
export const sitePath = (path: string) => `${base}${path}`;
/** A path as the site's own, without the base: route parameters, and what the link checker compares. */
export function withoutBase(path: string): string {
	if (!base) return path;
	if (path === base) return '/';
	return path.startsWith(`${base}/`) ? path.slice(base.length) : path;
}

export const homePath = () => page('/');
export const catalogPath = () => page('/runbooks/');
/** Every runbook as JSON (catalog.schema.json). */
export const catalogDataPath = () => sitePath('/runbooks.json');
/** A system's runbooks, in the catalog. */
export const systemPath = (name: string) => `${catalogPath()}#${systemAnchor(name)}`;
export const runbookPath = (id: string) => page(`/runbooks/${id}/`);
/** A system's own page, on a site that lists systems (model/system-pages.ts), by its slug; a part past the first, by its number. */
export const systemPagePath = (slug: string, part = 1) => page(part === 1 ? `/systems/${slug}/` : `/systems/${slug}/${part}/`);
/** One runbook's full data as JSON (runbook.schema.json). */
export const dataPath = (id: string) => sitePath(`/runbooks/${id}.json`);
export const rollbackFinderPath = () => page('/rollback/');
export const rollbackPath = (id: string) => page(`/rollback/${id}/`);
export const signoffIndexPath = () => page('/signoff/');
/** Every alert a runbook answers, with its runbook. */
export const alertsIndexPath = () => page('/alerts/');
/** Lands on the runbook that answers an alert (a chooser when several do), as rules name it. */
export const alertPath = (name: string) => page(`/alerts/${name}/`);
/** Pagefind's script, which the rollback finder loads itself. */
export const pagefindPath = () => sitePath('/pagefind/pagefind.js');

/** A sign-off sheet, blank or filled from a run (`run`), whole or one section (`part`). */
export function signoffPath(id: string, options: { run?: string | undefined; part?: string | undefined } = {}): string {
	const query = new URLSearchParams();
	if (options.run) query.set('run', options.run);
	if (options.part) query.set('part', options.part);
	const search = query.toString();
	return `${page(`/signoff/${id}/`)}${search ? `?${search}` : ''}`;
}

/** Where files kept beside the runbooks are published, from the site's root. */
export const FILES = '/runbook-files/';

/** A file kept beside the runbooks (an image a runbook shows), by its path in content/runbooks. */
export const filePath = (path: string) => sitePath(`${FILES}${path.split('/').map(encodeURIComponent).join('/')}`);

/** The catalog's anchor for a system's group of runbooks. */
export function systemAnchor(system: string): string {
	return `system-${slugify(system) || 'other'}`;
}

/**
 * A system's name in the address of its own page: its words, or, for a name with no Latin letter
 * or digit ("Платежи", "決済"), a stable hash of it, so that such systems do not share one page.
 */
export function systemSlug(system: string): string {
	return slugify(system) || `s-${fnv1a(system.normalize('NFC')).toString(36)}`;
}

/** FNV-1a, 32 bits: a short, stable hash of a string. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return hash;
}

/** A guide page, by its file name in src/content/docs/guides. */
export const guidePath = (name: string) => page(`/guides/${name}/`);

/** The same paths as one object, for templates. */
export const paths = {
	home: homePath,
	catalog: catalogPath,
	catalogData: catalogDataPath,
	system: systemPath,
	systemPage: systemPagePath,
	runbook: runbookPath,
	data: dataPath,
	rollbackFinder: rollbackFinderPath,
	rollback: rollbackPath,
	signoffIndex: signoffIndexPath,
	alertsIndex: alertsIndexPath,
	alert: alertPath,
	guide: guidePath,
	signoff: signoffPath,
	file: filePath,
};

/**
 * A path as an absolute URL on the site at `site` (its root, or a sub-path such as
 * https://acme.github.io/ops-runbooks). A path that already carries that sub-path (pages
 * built with the base) is not given it twice.
 */
export function absolute(site: string, path: string): string {
	const { origin, prefix } = parsedSite(site);
	const inside = prefix && (path === prefix || path.startsWith(`${prefix}/`));
	return `${origin}${inside ? '' : prefix}${path}`;
}

// /runbooks.json gives every step of every runbook its URL on one site: parsing that site's
// address once, not 150,000 times (1,000 runbooks), took half a second off its build.
let lastSite: { site: string; origin: string; prefix: string } | undefined;
function parsedSite(site: string): { origin: string; prefix: string } {
	if (lastSite?.site !== site) {
		const url = new URL(site);
		lastSite = { site, origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
	}
	return lastSite;
}
