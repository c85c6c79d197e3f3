import { paths } from './paths.ts';

/**
 * Alerts and the runbooks that answer them: the pages under /alerts/ and what the rules check
 * (`npm run alerts`) compares rule files with. Alert names come from runbooks' `alerts:`.
 */

/** What an alert page needs of a runbook. */
export interface AlertRunbook {
	id: string;
	title: string;
	system: string;
	severity?: string | undefined;
}

export interface AlertEntry {
	/** As the runbooks write it (and so as the alerting rule names it). */
	name: string;
	runbooks: AlertRunbook[];
}

/** One page under /alerts/: the runbook's address when one runbook answers, a chooser when several do. */
export interface AlertRoute {
	/** The path segment: the alert's name, or its lowercase form. */
	param: string;
	/** The alert names it stands for (several when names differ only in case). */
	names: string[];
	runbooks: AlertRunbook[];
}

/** What the alert pages and the rules check need of a runbook of the collection. */
export function alertSource({
	id,
	data,
}: {
	id: string;
	data: { title: string; system: string; severity?: string | undefined; alerts?: string[] | undefined };
}) {
	return { id, title: data.title, system: data.system, severity: data.severity, alerts: data.alerts };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** Every alert named by a runbook, by name, each with the runbooks that answer it (by title). */
export function alertEntries(runbooks: (AlertRunbook & { alerts?: readonly string[] | undefined })[]): AlertEntry[] {
	const found = new Map<string, AlertRunbook[]>();
	for (const { alerts, ...runbook } of runbooks) {
		for (const name of new Set(alerts ?? [])) {
			const list = found.get(name) ?? [];
			list.push(runbook);
			found.set(name, list);
		}
	}
	return [...found]
		.map(([name, list]) => ({ name, runbooks: list.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)) }))
		.sort((a, b) => byName(a.name, b.name));
}

/**
 * The pages under /alerts/: one per name as written, and one per lowercase form (rule sets often
 * lowercase the name, as kube-prometheus's `runbookURLPattern` does) unless a name is written
 * that way. A lowercase form shared by names that differ only in case offers all their runbooks.
 */
export function alertRoutes(entries: AlertEntry[]): AlertRoute[] {
	const exact = new Map(entries.map((entry) => [entry.name, entry]));
	const lower = new Map<string, AlertEntry[]>();
	for (const entry of entries) {
		const key = entry.name.toLowerCase();
		if (key !== entry.name && !exact.has(key)) lower.set(key, [...(lower.get(key) ?? []), entry]);
	}
	const routes: AlertRoute[] = entries.map((entry) => ({ param: entry.name, names: [entry.name], runbooks: entry.runbooks }));
	for (const [param, group] of lower) {
		const runbooks = new Map(group.flatMap((entry) => entry.runbooks).map((runbook) => [runbook.id, runbook]));
		routes.push({ param, names: group.map((entry) => entry.name), runbooks: [...runbooks.values()] });
	}
	return routes;
}

/** The alert page a rule's name reaches: as written, else its lowercase form. */
export function findAlertRoute(routes: AlertRoute[], name: string): AlertRoute | undefined {
	return routes.find((route) => route.param === name) ?? routes.find((route) => route.param === name.toLowerCase());
}

/** Where an alert page sends its reader: the runbook when one answers the alert, else nowhere (a chooser). */
export function alertTarget(route: AlertRoute): string | undefined {
	return route.runbooks.length === 1 ? paths.runbook(route.runbooks[0]!.id) : undefined;
}

/** How many alerts each system's runbooks answer, by system name. */
export function alertCounts(alerts: readonly AlertEntry[]): { system: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const alert of alerts)
		for (const system of new Set(alert.runbooks.map((r) => r.system))) counts.set(system, (counts.get(system) ?? 0) + 1);
	return [...counts].map(([system, count]) => ({ system, count })).sort((a, b) => a.system.localeCompare(b.system));
}
