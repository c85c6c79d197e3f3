import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../../src/build/content/walk.ts';

const RULES = 'tests/fixtures/alerts/rules';
const BASE = 'https://runbooks.example.com';
const alerts = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/alerts.ts', ...args, '--content', 'tests/fixtures/alerts/runbooks', '--base', BASE], {
		encoding: 'utf8',
	});
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run alerts', () => {
	it('checks every rule file under a folder, says what it could not read with file and line, and still checks the rest', () => {
		const run = alerts(RULES);
		expect(run.status).toBe(2);
		expect(run.stdout).toMatch(/^error {6}tests\/fixtures\/alerts\/rules\/bad\/unparseable\.yml:\d+: the YAML does not parse/m);
		// Other YAML in a folder is skipped, not an error; named on the command line, it is one.
		expect(run.stdout).toContain(
			'skipped    2 YAML files with no rules: tests/fixtures/alerts/rules/bad/alertmanager.yml, tests/fixtures/alerts/rules/k8s/kustomization.yaml',
		);
		expect(run.stdout).toMatch(
			/^broken {5}tests\/fixtures\/alerts\/rules\/prometheus\/checkout\.rules\.yml:40: CheckoutDown \(critical\): /m,
		);
		expect(run.stdout).toMatch(/^linked {5}tests\/fixtures\/alerts\/rules\/grafana\/alerting\.yaml:10: SearchIndexStale/m);
		expect(run.stdout).toContain('11 alerts in 3 rule files');
		const named = alerts(`${RULES}/bad/alertmanager.yml`);
		expect(named.status).toBe(2);
		expect(named.stdout).toContain('alertmanager.yml:1: not a rule file');
	});

	it('exits 1 on a broken link into the site, 0 when none is, and with --strict 1 on an alert with no runbook', () => {
		expect(alerts(`${RULES}/prometheus`).status).toBe(1);
		const fine = alerts(`${RULES}/k8s/prometheusrule.yaml`, `${RULES}/grafana`);
		expect(fine.status).toBe(0);
		expect(fine.stdout.trim().split('\n').pop()).toBe('OK');
		expect(alerts(`${RULES}/k8s/prometheusrule.yaml`, '--strict').status).toBe(0);
		const strict = alerts(`${RULES}/prometheus`, '--format', 'json', '--strict');
		const report = JSON.parse(strict.stdout) as {
			ok: boolean;
			summary: Record<string, number>;
			alerts: { name: string; outcome: string }[];
		};
		expect(report.ok).toBe(false);
		expect(report.summary).toEqual({ broken: 2, missing: 1, elsewhere: 0, unchecked: 0, found: 1, linked: 1 });
		expect(report.alerts.map((a) => a.name)).toEqual([
			'CheckoutLatencyHigh',
			'CheckoutLatencyHigh',
			'CheckoutLatencyCritical',
			'CheckoutErrorsHigh',
			'CheckoutDown',
		]);
	});

	it('writes a Markdown table for a pull request', () => {
		const run = alerts(`${RULES}/k8s`, '--format', 'markdown');
		expect(run.stdout).toContain('| | Alert | Where | What |');
		expect(run.stdout).toMatch(
			/^\| runbook_url points elsewhere \| `KubeNodeNotReady` \| `tests\/fixtures\/alerts\/rules\/k8s\/prometheusrule\.yaml:23` \|/m,
		);
	});

	it('rewrites the rule files into another folder with runbook_url set to the alert addresses, never over the inputs', () => {
		const before = filesUnder(RULES).map((f) => readFileSync(join(RULES, f), 'utf8'));
		const out = mkdtempSync(join(tmpdir(), 'runsheet-rules-'));
		dirs.push(out);
		const run = alerts(`${RULES}/prometheus`, `${RULES}/k8s`, '--rewrite', '--out-dir', out);
		expect(run.status).toBe(0);
		expect(filesUnder(out).sort()).toEqual(['checkout.rules.yml', 'prometheusrule.yaml']);
		const urls = (file: string) =>
			parseAllDocuments(readFileSync(join(out, file), 'utf8')).flatMap((doc) => {
				const data = doc.toJS() as { groups?: unknown[]; spec?: { groups: unknown[] } };
				const groups = (data.groups ?? data.spec?.groups ?? []) as {
					rules: { alert?: string; annotations?: { runbook_url?: string } }[];
				}[];
				return groups.flatMap((g) => g.rules.filter((r) => r.alert).map((r) => `${r.alert} ${r.annotations?.runbook_url ?? '-'}`));
			});
		expect(urls('checkout.rules.yml')).toEqual([
			// Arrives already (the pattern): left as written.
			`CheckoutLatencyHigh ${BASE}/alerts/{{ $labels.alertname }}/`,
			`CheckoutLatencyHigh ${BASE}/alerts/CheckoutLatencyHigh/`,
			`CheckoutLatencyCritical ${BASE}/alerts/CheckoutLatencyCritical/`,
			// No runbook here: nothing to point at.
			'CheckoutErrorsHigh -',
			`CheckoutDown ${BASE}/runbooks/checkout-down/`,
		]);
		expect(urls('prometheusrule.yaml')).toEqual([
			`KubePodCrashLooping ${BASE}/alerts/KubePodCrashLooping/`,
			'KubeNodeNotReady https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready',
			`SearchIndexStale ${BASE}/runbooks/search-index-stale/#check-index-age`,
			`SearchQueueFull ${BASE}/{{ $labels.namespace }}/search-queue/`,
			`SearchCrashLooping ${BASE}/alerts/kubepodcrashlooping/`,
		]);
		expect(filesUnder(RULES).map((f) => readFileSync(join(RULES, f), 'utf8'))).toEqual(before);
		expect(alerts(`${RULES}/prometheus`, '--rewrite', '--out-dir', `${RULES}/prometheus`).status).toBe(2);
	});

	it('prints one rewritten file to stdout as it is, and says how to call it when called wrong', () => {
		const run = alerts(`${RULES}/prometheus/checkout.rules.yml`, '--rewrite');
		expect(run.stdout.startsWith('# Checkout’s alerting rules'.replace('’', "'"))).toBe(true);
		expect(run.stdout).toContain(`runbook_url: ${BASE}/alerts/CheckoutLatencyCritical/`);
		const none = spawnSync(process.execPath, ['scripts/alerts.ts'], { encoding: 'utf8' });
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/^usage: npm run alerts -- <rule files or folders/);
		expect(alerts(RULES, '--format', 'yaml').status).toBe(2);
	});
});
