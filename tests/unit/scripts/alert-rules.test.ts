import { readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readRuleFile, rewriteRuleFile } from '../../../scripts/lib/alert-rules.ts';

const RULES = 'tests/fixtures/alerts/rules';
const read = (path: string) => readRuleFile(path, readFileSync(`${RULES}/${path}`, 'utf8'));

describe('reading rule files', () => {
	it('reads a Prometheus rule file: every alert with its line, group, severity and runbook_url; recording rules are not alerts', () => {
		const file = read('prometheus/checkout.rules.yml');
		expect(file.isRuleFile).toBe(true);
		expect(file.problems).toEqual([]);
		expect(file.alerts.map((a) => [a.name, a.line, a.severity])).toEqual([
			['CheckoutLatencyHigh', 10, 'warning'],
			['CheckoutLatencyHigh', 19, 'critical'],
			['CheckoutLatencyCritical', 28, 'critical'],
			['CheckoutErrorsHigh', 33, 'critical'],
			['CheckoutDown', 40, 'critical'],
		]);
		expect(file.alerts[0]).toMatchObject({ group: 'checkout', runbookUrl: 'https://runbooks.example.com/alerts/{{ $labels.alertname }}/' });
		expect(file.alerts[2]!.runbookUrl).toBeUndefined();
	});

	it('reads PrometheusRule manifests, several documents to a file, past a document that is not one', () => {
		const file = read('k8s/prometheusrule.yaml');
		expect(file.problems).toEqual([]);
		expect(file.alerts.map((a) => `${a.name}:${a.line}`)).toEqual([
			'KubePodCrashLooping:15',
			'KubeNodeNotReady:23',
			'SearchIndexStale:39',
			'SearchQueueFull:45',
			'SearchCrashLooping:49',
		]);
	});

	it('reads Grafana’s provisioned alert rules, named by their title', () => {
		const file = read('grafana/alerting.yaml');
		expect(file.alerts).toEqual([
			{
				file: 'grafana/alerting.yaml',
				line: 10,
				name: 'SearchIndexStale',
				group: 'shop',
				severity: 'warning',
				runbookUrl: 'https://runbooks.example.com/alerts/searchindexstale/',
			},
		]);
	});

	it('says where YAML does not parse, and which file is not a rule file, without throwing', () => {
		const broken = read('bad/unparseable.yml');
		expect(broken.isRuleFile).toBe(false);
		expect(broken.problems).toHaveLength(1);
		expect(broken.problems[0]!.message).toMatch(/^the YAML does not parse: .*quote.*Hint: fix the file/);
		expect(broken.problems[0]!.line).toBeGreaterThanOrEqual(7);

		const other = read('bad/alertmanager.yml');
		expect(other.problems).toEqual([
			{
				file: 'bad/alertmanager.yml',
				line: 1,
				message: expect.stringMatching(/^not a rule file: it has neither `groups:` nor `kind: PrometheusRule`\. Hint: /),
			},
		]);
		expect(readRuleFile('empty.yaml', '').problems[0]!.message).toMatch(/empty/);
		expect(readRuleFile('deploy.yaml', 'kind: Deployment\n').problems[0]!.message).toMatch(/it is a Deployment, not a PrometheusRule/);
	});
});

describe('rewriting rule files', () => {
	const url = (name: string) => `https://runbooks.example.com/alerts/${name}/`;
	const urls = (text: string) =>
		parseAllDocuments(text).flatMap((doc) => {
			const data = doc.toJS() as { groups?: unknown[]; spec?: { groups: unknown[] } } | null;
			const groups = (data?.groups ?? data?.spec?.groups ?? []) as {
				rules: { alert?: string; annotations?: { runbook_url?: string } }[];
			}[];
			return groups.flatMap((g) => g.rules.filter((r) => r.alert).map((r) => [r.alert, r.annotations?.runbook_url]));
		});

	it('sets runbook_url where the rule has none, replaces one, and leaves every other line as written', () => {
		const source = [
			'# our rules',
			'groups:',
			'  - name: shop',
			'    rules:',
			'      - alert: NoAnnotations # a comment that stays',
			'        expr: up == 0',
			'      - alert: NoRunbookUrl',
			'        expr: up == 0',
			'        annotations:',
			'          summary: "Down"',
			'      - alert: Elsewhere',
			'        expr: up == 0',
			'        annotations:',
			"          runbook_url: 'https://wiki.example.com/Elsewhere'",
			'      - alert: NotOurs',
			'        expr: up == 0',
			'',
		].join('\n');
		const out = rewriteRuleFile('shop.yml', source, ({ name }) => (name === 'NotOurs' ? undefined : url(name)));
		expect(out.changed).toEqual(['NoAnnotations', 'NoRunbookUrl', 'Elsewhere']);
		expect(urls(out.text)).toEqual([
			['NoAnnotations', url('NoAnnotations')],
			['NoRunbookUrl', url('NoRunbookUrl')],
			['Elsewhere', url('Elsewhere')],
			['NotOurs', undefined],
		]);
		// Only added lines and the replaced value: everything else as written, comments and quoting included.
		expect(out.text).toBe(
			[
				'# our rules',
				'groups:',
				'  - name: shop',
				'    rules:',
				'      - alert: NoAnnotations # a comment that stays',
				'        annotations:',
				`          runbook_url: ${url('NoAnnotations')}`,
				'        expr: up == 0',
				'      - alert: NoRunbookUrl',
				'        expr: up == 0',
				'        annotations:',
				`          runbook_url: ${url('NoRunbookUrl')}`,
				'          summary: "Down"',
				'      - alert: Elsewhere',
				'        expr: up == 0',
				'        annotations:',
				`          runbook_url: '${url('Elsewhere')}'`,
				'      - alert: NotOurs',
				'        expr: up == 0',
				'',
			].join('\n'),
		);
		expect(parse(out.text)).toBeTruthy();
	});

	it('rewrites every PrometheusRule document of a manifest, and leaves a rule in flow style to be set by hand', () => {
		const source = readFileSync(`${RULES}/k8s/prometheusrule.yaml`, 'utf8');
		const out = rewriteRuleFile('k8s.yaml', source, ({ name }) => url(name));
		expect(urls(out.text).map(([, u]) => u)).toEqual(
			['KubePodCrashLooping', 'KubeNodeNotReady', 'SearchIndexStale', 'SearchQueueFull', 'SearchCrashLooping'].map(url),
		);
		expect(out.text.startsWith('apiVersion: v1\nkind: Namespace\n')).toBe(true);

		const flow = rewriteRuleFile('flow.yml', 'groups:\n  - name: x\n    rules:\n      - { alert: Flow, expr: up == 0 }\n', ({ name }) =>
			url(name),
		);
		expect(flow.changed).toEqual([]);
		expect(flow.skipped[0]!.message).toContain('flow style');
	});
});
