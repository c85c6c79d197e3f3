import { SITE_SEARCH_RANKING } from '../../src/model/search-terms.ts';
import { expect, test } from '../support/test.ts';

/**
 * Search as a responder types it, at 3 a.m., on the imported site (the prometheus-operator
 * runbooks among 370 others): symptoms in their own words, not the alert's name. Each query's
 * expected runbook was chosen by reading the runbooks (tests/fixtures/corpora/
 * prometheus-operator-runbooks), before any tuning; none of these words was added to a runbook
 * by hand. The runbook must be among the first three results.
 */
const SYMPTOMS: [query: string, runbook: string][] = [
	['disk full', 'node-filesystem-almost-out-of-space'],
	['pod crashloop', 'kube-pod-crash-looping'],
	['pod crash looping', 'kube-pod-crash-looping'],
	['crash looping', 'kube-pod-crash-looping'],
	['crashloopbackoff', 'kube-pod-crash-looping'],
	['out of memory', 'kube-memory-overcommit'],
	['certificate expired', 'kubelet-client-certificate-expiration'],
	['node not ready', 'kube-node-not-ready'],
	['etcd high latency', 'etcd-grpc-requests-slow'],
	['slow pod start', 'kubelet-pod-start-up-latency-high'],
	['apiserver 5xx errors', 'kube-api-error-budget-burn'],
	['target down', 'target-down'],
	['prometheus not ingesting', 'prometheus-not-ingesting-samples'],
	['alertmanager reload failed', 'alertmanager-failed-reload'],
	['volume full', 'kube-persistent-volume-filling-up'],
	['clock drift', 'node-clock-skew-detected'],
	['cpu throttled', 'cpu-throttling-high'],
	['too many open files', 'node-file-descriptor-limit'],
	['out of inodes', 'node-filesystem-almost-out-of-files'],
	['hpa at max replicas', 'kube-hpa-maxed-out'],
	['remote write lagging', 'prometheus-remote-write-behind'],
	['raid disk failed', 'node-raid-disk-failure'],
];

test('symptoms as responders type them find their runbook in the top 3', async ({ page }) => {
	await page.goto('/runbooks/');
	// One page, Pagefind's own script, the site's own ranking: as the search box asks.
	const ranked = await page.evaluate(
		async ({ queries, ranking }) => {
			// @ts-expect-error: served by the built site, not a module TypeScript knows
			const pagefind = await import('/pagefind/pagefind.js');
			await pagefind.options({ ranking });
			const out: { query: string; urls: string[] }[] = [];
			for (const query of queries) {
				const search = await pagefind.search(query);
				const top = await Promise.all(search.results.slice(0, 6).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
				out.push({ query, urls: top.map((d: { url: string }) => d.url) });
			}
			return out;
		},
		{ queries: SYMPTOMS.map(([q]) => q), ranking: SITE_SEARCH_RANKING },
	);
	const lines: string[] = [];
	for (const [i, [query, runbook]] of SYMPTOMS.entries()) {
		const urls = ranked[i]!.urls;
		const rank = urls.indexOf(`/runbooks/${runbook}/`) + 1;
		lines.push(`${rank || '>6'}\t${query} → ${runbook}${rank === 1 ? '' : ` (first: ${urls[0] ?? 'none'})`}`);
	}
	const report = lines.join('\n');
	console.log(`symptom search ranks:\n${report}`);
	test.info().annotations.push({ type: 'symptom search ranks', description: report });
	for (const [i, [query, runbook]] of SYMPTOMS.entries()) {
		expect.soft(ranked[i]!.urls.slice(0, 3), query).toContain(`/runbooks/${runbook}/`);
	}
});
