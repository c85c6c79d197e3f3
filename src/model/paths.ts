import { slugify } from './ids.ts';

/**
 * The URL contract, in one place: every page and anchor a link may point at, for the pages, the
 * JSON catalogs, the importer and the browser code. Paths are root-relative; `absolute()` puts a
 * site's base URL in front. Each is its own function, so browser code takes only what it uses.
 */
export const homePath = () => '/';
export const catalogPath = () => '/runbooks/';
/** Every runbook as JSON (catalog.schema.json). */
export const catalogDataPath = () => '/runbooks.json';
/** A system's runbooks, in the catalog. */
export const systemPath = (name: string) => `${catalogPath()}#${systemAnchor(name)}`;
export const runbookPath = (id: string) => `/runbooks/${id}/`;
/** One runbook's full data as JSON (runbook.schema.json). */
export const dataPath = (id: string) => `/runbooks/${id}.json`;
export const rollbackFinderPath = () => '/rollback/';
export const rollbackPath = (id: string) => `${rollbackFinderPath()}${id}/`;
export const signoffIndexPath = () => '/signoff/';
/** Every alert a runbook answers, with its runbook. */
export const alertsIndexPath = () => '/alerts/';
/** Lands on the runbook that answers an alert (a chooser when several do), as rules name it. */
export const alertPath = (name: string) => `${alertsIndexPath()}${name}/`;

/** A sign-off sheet, blank or filled from a run (`run`), whole or one section (`part`). */
export function signoffPath(id: string, options: { run?: string | undefined; part?: string | undefined } = {}): string {
	const query = new URLSearchParams();
	if (options.run) query.set('run', options.run);
	if (options.part) query.set('part', options.part);
	const search = query.toString();
	return `${signoffIndexPath()}${id}/${search ? `?${search}` : ''}`;
}

/** Where files kept beside the runbooks are published. */
export const FILES = '/runbook-files/';

/** A file kept beside the runbooks (an image a runbook shows), by its path in content/runbooks. */
export const filePath = (path: string) => `${FILES}${path.split('/').map(encodeURIComponent).join('/')}`;

/** The catalog's anchor for a system's group of runbooks. */
export function systemAnchor(system: string): string {
	return `system-${slugify(system) || 'other'}`;
}

/** A guide page, by its file name in src/content/docs/guides. */
export const guidePath = (name: string) => `/guides/${name}/`;

/** The same paths as one object, for templates. */
export const paths = {
	home: homePath,
	catalog: catalogPath,
	catalogData: catalogDataPath,
	system: systemPath,
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

export function absolute(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}${path}`;
}
