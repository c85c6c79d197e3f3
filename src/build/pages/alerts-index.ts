/** Every alert and its runbook, /alerts/ (src/routes/alerts/index.astro), with the one runbook_url pattern for every rule. */
import { getCollection } from 'astro:content';
import { alertCounts, alertEntries, alertSource } from '../../model/alerts.ts';
import { absolute, paths } from '../../model/paths.ts';
import { DEFAULT_SITE } from '../site-url.ts';
import { settings } from '../context.ts';
import { catalogPageData } from './catalog-page.ts';

/** Stands for the site's address in the rule pattern when the build does not know it: never a localhost a rule would carry into production. */
export const PLACEHOLDER_SITE = 'https://runbooks.example.com';

/**
 * `site` is the site's address (Astro.site): the config's `site` (or RUNSHEET_SITE), a team's own
 * Astro `site`, or the preview server's when neither names one, which the page does not give.
 */
export async function alertsIndexData(site: URL | undefined) {
	const given = settings.site || (site && site.href.replace(/\/+$/, '') !== DEFAULT_SITE ? site.href : undefined);
	const runbooks = await getCollection('runbooks');
	const alerts = alertEntries(runbooks.map(alertSource));
	const { bySystem } = await catalogPageData();
	return {
		// Where the site lists systems, each system's page lists its runbooks' alerts (system-page.ts).
		alerts: bySystem ? [] : alerts,
		alertCount: alerts.length,
		systems: bySystem ? alertCounts(alerts) : [],
		pattern: absolute((given ?? PLACEHOLDER_SITE).replace(/\/+$/, ''), paths.alert('{{ $labels.alertname }}')),
		siteKnown: Boolean(given),
	};
}
