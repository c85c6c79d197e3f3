/** Every alert and its runbook, /alerts/ (src/routes/alerts/index.astro), with the one runbook_url pattern for every rule. */
import { getCollection } from 'astro:content';
import { alertEntries, alertSource } from '../../model/alerts.ts';
import { absolute, paths } from '../../model/paths.ts';

/** `site` is the site's address (Astro.site). */
export async function alertsIndexData(site: URL | undefined) {
	const base = (site?.href ?? 'http://localhost:4321/').replace(/\/+$/, '');
	return {
		alerts: alertEntries((await getCollection('runbooks')).map(alertSource)),
		pattern: absolute(base, paths.alert('{{ $labels.alertname }}')),
	};
}
