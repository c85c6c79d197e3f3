import { paths, withoutBase } from './paths.ts';

export interface Move {
	/** Old path without leading or trailing slash, e.g. "runbooks/old-id" (a route parameter). */
	from: string;
	to: string;
	title: string;
}

/** A path as a route parameter, without the site's base: "/runbooks/old-id/" -> "runbooks/old-id". */
const routeOf = (path: string) => withoutBase(path).replace(/^\/|\/$/g, '');

/**
 * The static redirects renamed runbooks need: each former id's runbook, rollback and sign-off
 * URLs lead to the current ones. JSON data is copied instead (a file cannot redirect).
 */
export function runbookMoves(runbooks: { id: string; title: string; formerIds?: string[] | undefined; hasRollback: boolean }[]): Move[] {
	return runbooks.flatMap(({ id, title, formerIds, hasRollback }) =>
		(formerIds ?? []).flatMap((old) => [
			{ from: routeOf(paths.runbook(old)), to: paths.runbook(id), title },
			...(hasRollback ? [{ from: routeOf(paths.rollback(old)), to: paths.rollback(id), title: `Roll back: ${title}` }] : []),
			{ from: routeOf(paths.signoff(old)), to: paths.signoff(id), title: `Sign-off sheet: ${title}` },
		]),
	);
}
