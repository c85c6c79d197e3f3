/**
 * What `npm run alerts` says of each alert of a rule set, given this site's runbooks: whether its
 * rule's `runbook_url` arrives at a page and anchor that exist, and which URL to use. The site is
 * known from its runbooks (the same model the pages are built from), not from a build.
 */
import { alertEntries, alertRoutes, alertSource, alertTarget, findAlertRoute, type AlertRoute } from '../../src/model/alerts.ts';
import { runbookMoves } from '../../src/model/former-runbooks.ts';
import { sectionLinks } from '../../src/model/links.ts';
import { absolute, paths } from '../../src/model/paths.ts';
import { rollbackContent } from '../../src/model/rollback.ts';
import type { Runbook } from '../../src/schema/runbook.ts';
import type { RuleAlert } from './alert-rules.ts';

/** A page of the site: the anchors it has ('any' where they are not checked), and the runbook it is of. */
interface Page {
	anchors: Set<string> | 'any';
	runbook?: string;
	/** A redirect: anchors are those of the page it leads to. */
	to?: string;
}

export interface SiteIndex {
	/** The site's base URL, without a trailing slash (https://runbooks.example.com or .../sub-path). */
	base: string;
	pages: Map<string, Page>;
	routes: AlertRoute[];
	titles: Map<string, string>;
}

/** The pages and anchors of a site with these runbooks (and these other pages: guides...). */
export function siteIndex(base: string, runbooks: { id: string; data: Runbook }[], otherPages: string[] = []): SiteIndex {
	const pages = new Map<string, Page>();
	const any = (path: string, runbook?: string) => pages.set(path, { anchors: 'any', ...(runbook ? { runbook } : {}) });
	for (const path of [
		paths.home(),
		paths.catalog(),
		paths.catalogData(),
		paths.alertsIndex(),
		paths.rollbackFinder(),
		paths.signoffIndex(),
	])
		any(path);
	for (const path of otherPages) any(path);
	for (const { id, data } of runbooks) {
		const links = sectionLinks(id, data.sections);
		const ids = (list: typeof links) =>
			new Set(list.flatMap((s) => [s.id, ...(s.formerIds ?? []), ...s.steps.flatMap((t) => [t.id, ...(t.formerIds ?? [])])]));
		pages.set(paths.runbook(id), { anchors: ids(links), runbook: id });
		if (rollbackContent(data.sections)) pages.set(paths.rollback(id), { anchors: ids(links.filter((s) => s.rollbackPath)), runbook: id });
		any(paths.signoff(id), id);
		any(paths.data(id), id);
	}
	const moves = runbookMoves(
		runbooks.map(({ id, data }) => ({
			id,
			title: data.title,
			formerIds: data.formerIds,
			hasRollback: rollbackContent(data.sections) !== undefined,
		})),
	);
	for (const move of moves) pages.set(`/${move.from}/`, { anchors: 'any', to: move.to });
	const routes = alertRoutes(alertEntries(runbooks.map(alertSource)));
	for (const route of routes) {
		const to = alertTarget(route);
		pages.set(paths.alert(route.param), to ? { anchors: 'any', to } : { anchors: 'any' });
	}
	return { base: base.replace(/\/+$/, ''), pages, routes, titles: new Map(runbooks.map(({ id, data }) => [id, data.title])) };
}

export type Outcome = 'linked' | 'found' | 'missing' | 'broken' | 'elsewhere' | 'unchecked';

export interface AlertResult extends RuleAlert {
	outcome: Outcome;
	/** The runbooks here that answer the alert. */
	runbooks: string[];
	/** This site's address for the alert, when a runbook here answers it: the URL to use. */
	url?: string;
	message: string;
	/** Its runbook_url already arrives where it should: a rewrite leaves it as written. */
	settled: boolean;
}

/** `{{ $labels.alertname }}` (Prometheus) and `{{ .Labels.alertname }}`, optionally lowercased, filled in. */
const ALERTNAME = /\{\{-?\s*(?:\$labels|\.Labels)\.alertname\s*(\|\s*(toLower|lower)\s*)?-?\}\}/g;

export function fillAlertName(url: string, name: string): string {
	return url.replace(ALERTNAME, (_, __, lower: string | undefined) => (lower ? name.toLowerCase() : name));
}

type Resolved = { inSite: false } | { inSite: true; problem?: string; runbook?: string; path: string };

/** Where a URL arrives in the site, or why it does not; `inSite: false` for URLs elsewhere. */
export function resolveUrl(site: SiteIndex, href: string): Resolved {
	let url: URL;
	let base: URL;
	try {
		url = new URL(href);
		base = new URL(`${site.base}/`);
	} catch {
		return { inSite: false };
	}
	if (url.host !== base.host || !url.pathname.startsWith(base.pathname)) return { inSite: false };
	const path = `/${url.pathname.slice(base.pathname.length)}`.replace(/\/index\.html$/, '/');
	const anchor = decodeURIComponent(url.hash.slice(1));
	let found = site.pages.get(path) ?? site.pages.get(`${path}/`);
	let at = site.pages.has(path) ? path : `${path}/`;
	for (let hops = 0; found?.to && hops < 3; hops++) {
		at = found.to;
		found = site.pages.get(found.to);
	}
	if (!found) return { inSite: true, path, problem: `no page ${path} on this site` };
	if (anchor && found.anchors !== 'any' && !['_top', 'top'].includes(anchor) && !found.anchors.has(anchor))
		return { inSite: true, path, problem: `${at} has no section or step #${anchor}` };
	return { inSite: true, path, ...(found.runbook ? { runbook: found.runbook } : {}) };
}

/** What to say of one alert of a rule file. */
export function checkAlert(site: SiteIndex, alert: RuleAlert): AlertResult {
	const route = findAlertRoute(site.routes, alert.name);
	const runbooks = route?.runbooks.map((r) => r.id) ?? [];
	const url = route ? absolute(site.base, paths.alert(route.param)) : undefined;
	const result = (outcome: Outcome, message: string, settled = false): AlertResult => ({
		...alert,
		outcome,
		runbooks,
		...(url ? { url } : {}),
		message,
		settled,
	});
	const answered = runbooks.length
		? `${runbooks.length > 1 ? `${runbooks.length} runbooks answer it (${runbooks.join(', ')})` : `the runbook ${runbooks[0]} answers it`}`
		: '';
	if (!alert.runbookUrl)
		return route
			? result('found', `no runbook_url; ${answered}: use ${url}`)
			: result('missing', 'no runbook here names this alert, and its rule has no runbook_url');
	const href = fillAlertName(alert.runbookUrl, alert.name);
	if (/\{\{|\}\}/.test(href))
		return result(
			'unchecked',
			`runbook_url ${alert.runbookUrl} uses a template only Prometheus can fill${url ? `; ${answered}: ${url}` : ''}`,
		);
	const where = resolveUrl(site, href);
	if (!where.inSite)
		return result(
			'elsewhere',
			`runbook_url points elsewhere (${href}); ${route ? `${answered} here: use ${url}` : 'no runbook here names this alert'}`,
		);
	if (where.problem)
		return result(
			'broken',
			`runbook_url ${href} is broken: ${where.problem}; ${route ? `use ${url}` : 'no runbook here names this alert'}`,
		);
	if (where.runbook && route && !runbooks.includes(where.runbook))
		return result('linked', `runbook_url arrives at ${where.runbook}, which does not name this alert; ${answered}: ${url}`);
	if (where.runbook && !route)
		return result(
			'linked',
			`runbook_url arrives at ${where.runbook}; add ${alert.name} to its alerts: to give it ${absolute(site.base, paths.alert(alert.name))}`,
			true,
		);
	return result('linked', `runbook_url arrives: ${href}`, true);
}

export const OUTCOMES: Record<Outcome, string> = {
	linked: 'runbook_url arrives',
	found: 'runbook found, no runbook_url',
	missing: 'no runbook',
	broken: 'runbook_url broken',
	elsewhere: 'runbook_url points elsewhere',
	unchecked: 'runbook_url templated, not checked',
};

/** Exit status: 1 when a URL into this site is broken (or, strict, when an alert has no runbook). */
export function failed(results: AlertResult[], strict: boolean): boolean {
	return results.some((r) => r.outcome === 'broken' || (strict && r.outcome === 'missing'));
}
