/**
 * /alerts/<AlertName>/ and its lowercase form (src/routes/alerts/[name].astro): the one address a
 * rule's runbook_url needs, a redirect to the runbook that answers the alert, or a choice when
 * several do.
 */
import { getCollection } from 'astro:content';
import { alertEntries, alertRoutes, alertSource, alertTarget, type AlertRoute } from '../../model/alerts.ts';

export async function alertPagePaths() {
	const runbooks = (await getCollection('runbooks')).map(alertSource);
	return alertRoutes(alertEntries(runbooks)).map((route) => ({ params: { name: route.param }, props: { route } }));
}

export function alertPageData({ route }: { route: AlertRoute }) {
	return {
		/** The runbook's page (with the step the alert names), when one runbook answers the alert. */
		to: alertTarget(route),
		runbook: route.runbooks[0]!,
		runbooks: route.runbooks,
		names: route.names.join(', '),
	};
}
