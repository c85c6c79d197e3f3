import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	checkAlert,
	failed,
	fillAlertName,
	resolveUrl,
	siteIndex,
	type AlertResult,
	type SiteIndex,
} from '../../../scripts/lib/alert-check.ts';
import { readRuleFile } from '../../../scripts/lib/alert-rules.ts';
import { readRunbookCollection } from '../../../src/build/content/collection.ts';

// The runbooks the rule fixtures were written against (tests/fixtures/alerts/runbooks): Checkout
// latency (CheckoutLatencyHigh, CheckoutLatencyCritical), two for KubePodCrashLooping, and
// SearchIndexStale with the step #check-index-age.
const BASE = 'https://runbooks.example.com';
let site: SiteIndex;
beforeAll(async () => {
	const collection = await readRunbookCollection('tests/fixtures/alerts/runbooks');
	expect(collection.problems).toEqual([]);
	site = siteIndex(BASE, collection.entries);
});

const check = (path: string) =>
	readRuleFile(path, readFileSync(`tests/fixtures/alerts/rules/${path}`, 'utf8')).alerts.map((alert) => checkAlert(site, alert));
const brief = (r: AlertResult) => [`${r.name}:${r.line}`, r.outcome, r.url];

describe('checking alerts against the runbooks', () => {
	it('says of each alert of a rule file whether its runbook_url arrives, is broken or missing, and the URL to use', () => {
		expect(check('prometheus/checkout.rules.yml').map(brief)).toEqual([
			['CheckoutLatencyHigh:10', 'linked', `${BASE}/alerts/CheckoutLatencyHigh/`],
			['CheckoutLatencyHigh:19', 'broken', `${BASE}/alerts/CheckoutLatencyHigh/`],
			['CheckoutLatencyCritical:28', 'found', `${BASE}/alerts/CheckoutLatencyCritical/`],
			['CheckoutErrorsHigh:33', 'missing', undefined],
			['CheckoutDown:40', 'broken', undefined],
		]);
	});

	it('names what is broken: the anchor, or the page', () => {
		const [, anchor, , , page] = check('prometheus/checkout.rules.yml');
		expect(anchor!.message).toContain('/runbooks/checkout-latency-high/ has no section or step #restart-everything');
		expect(page!.message).toContain('no page /runbooks/checkout-down/');
		expect(page!.message).toContain('no runbook here names this alert');
	});

	it('tells links elsewhere apart, says when a runbook here answers them, and does not guess at other templates', () => {
		const results = check('k8s/prometheusrule.yaml');
		expect(results.map(brief)).toEqual([
			['KubePodCrashLooping:15', 'elsewhere', `${BASE}/alerts/KubePodCrashLooping/`],
			['KubeNodeNotReady:23', 'elsewhere', undefined],
			['SearchIndexStale:39', 'linked', `${BASE}/alerts/SearchIndexStale/`],
			['SearchQueueFull:45', 'unchecked', undefined],
			// The lowercase address of another alert's chooser: a page that exists.
			['SearchCrashLooping:49', 'linked', undefined],
		]);
		expect(results[0]!.runbooks.sort()).toEqual(['checkout-pods-crash-looping', 'pods-crash-looping']);
		expect(results[0]!.message).toMatch(/2 runbooks answer it/);
		expect(results[1]!.message).toContain('no runbook here names this alert');
	});

	it('accepts the lowercase address, and Grafana’s rules', () => {
		expect(check('grafana/alerting.yaml').map(brief)).toEqual([['SearchIndexStale:10', 'linked', `${BASE}/alerts/SearchIndexStale/`]]);
	});

	it('fails on a broken link into the site, and with --strict on an alert with no runbook', () => {
		const results = check('k8s/prometheusrule.yaml');
		expect(failed(results, true)).toBe(false);
		expect(failed(check('prometheus/checkout.rules.yml'), false)).toBe(true);
		const missingOnly = check('prometheus/checkout.rules.yml').filter((r) => r.outcome !== 'broken');
		expect(failed(missingOnly, false)).toBe(false);
		expect(failed(missingOnly, true)).toBe(true);
	});
});

describe('where a URL arrives', () => {
	it('fills the alert name into Prometheus templates, lowercased when asked', () => {
		expect(fillAlertName('https://x/alerts/{{ $labels.alertname }}/', 'KubeAPIDown')).toBe('https://x/alerts/KubeAPIDown/');
		expect(fillAlertName('https://x/{{$labels.alertname | toLower}}', 'KubeAPIDown')).toBe('https://x/kubeapidown');
		expect(fillAlertName('https://x/{{ .Labels.alertname }}', 'A')).toBe('https://x/A');
	});

	it('knows a site under a sub-path, pages without their trailing slash or as index.html, and the top of a page', async () => {
		const collection = await readRunbookCollection('tests/fixtures/alerts/runbooks');
		const sub = siteIndex('https://example.github.io/runbooks/', collection.entries);
		expect(resolveUrl(sub, 'https://example.github.io/runbooks/runbooks/search-index-stale#start-reindex')).toMatchObject({
			inSite: true,
			runbook: 'search-index-stale',
		});
		expect(resolveUrl(sub, 'https://example.github.io/runbooks/alerts/SearchIndexStale/index.html#_top')).toMatchObject({
			inSite: true,
			runbook: 'search-index-stale',
		});
		expect(resolveUrl(sub, 'https://example.github.io/other-project/runbooks/x/')).toEqual({ inSite: false });
		expect(resolveUrl(sub, 'https://example.github.io/runbooks/runbooks/nope/')).toMatchObject({
			inSite: true,
			problem: expect.stringContaining('no page'),
		});
	});
});
