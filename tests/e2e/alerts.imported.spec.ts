import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { axe } from '../support/axe.ts';
import { expect, newContext, test } from '../support/test.ts';
import { runTimed } from '../support/cpu-time.ts';

/**
 * /alerts/ on the site built from runbooks nobody here wrote (npm run test:imported-site): the
 * prometheus-operator alert runbooks, and tests/fixtures/alerts/runbooks, where two runbooks answer
 * KubePodCrashLooping beside the corpus's own.
 */
const CONTENT = '.test-sites/imported/runbooks';

test.describe('an alert’s address', () => {
	test('lands on the runbook that answers it, keeping the run and the step', async ({ page }) => {
		await page.goto('/alerts/CheckoutLatencyHigh/?run=incident-7#scale-out');
		await expect(page).toHaveURL(/\/runbooks\/checkout-latency-high\/\?run=incident-7#scale-out$/);
		await expect(page.locator('h1')).toHaveText('Checkout latency high');
		await expect(page.locator('#scale-out')).toBeInViewport();
	});

	test('works with the alert name lowercased, as rule sets often write it', async ({ page }) => {
		await page.goto('/alerts/etcdmembersdown/');
		await expect(page).toHaveURL(/\/runbooks\/etcd-members-down\/$/);
		await page.goto('/alerts/kubeapidown/');
		await expect(page).toHaveURL(/\/runbooks\/kube-api-down\/$/);
	});

	// On a slow network every byte before the runbook counts: the redirect page asks for nothing
	// but itself (Astro's stylesheet and script, 100 KB, were fetched beside the runbook).
	test('loads nothing on the way but the redirect itself', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto('/alerts/CheckoutLatencyHigh/');
		await expect(page).toHaveURL(/\/runbooks\/checkout-latency-high\/$/);
		expect(requested.slice(0, requested.indexOf('/runbooks/checkout-latency-high/'))).toEqual(['/alerts/CheckoutLatencyHigh/']);
	});

	test('lands without JavaScript too', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/alerts/SearchIndexStale/');
		await expect(page).toHaveURL(/\/runbooks\/search-index-stale\/$/);
		await context.close();
	});

	test('offers a choice when several runbooks answer the alert, with each one’s system and severity', async ({ page }) => {
		await page.goto('/alerts/KubePodCrashLooping/');
		await expect(page.locator('h1')).toHaveText('Alert KubePodCrashLooping');
		const choices = page.locator('.rs-alert-choices li');
		await expect(choices).toHaveText([
			'Any pod crash looping Platform · warning',
			'Checkout pods crash looping Checkout · critical',
			'Kube Pod Crash Looping kubernetes',
		]);
		await page.goto('/alerts/kubepodcrashlooping/');
		await expect(choices).toHaveCount(3);
		await choices.getByRole('link', { name: 'Checkout pods crash looping' }).click();
		await expect(page).toHaveURL(/\/runbooks\/checkout-pods-crash-looping\/$/);
	});

	test('is not found for an alert no runbook names, and the page names it, finds its closest runbooks and shows the file to add', async ({
		page,
		errors,
	}) => {
		// A name no runbook has, whose words are those of KubePodCrashLooping's runbooks (read from the alert list).
		const response = await page.goto('/alerts/KubePodCrashLoopingTooOften/');
		expect(response!.status()).toBe(404);
		errors.length = 0; // the browser logs the 404 itself
		await expect(page.locator('h1')).toHaveText('No runbook for KubePodCrashLoopingTooOften');
		await expect(page).toHaveTitle(/^No runbook for KubePodCrashLoopingTooOften/);
		const main = page.locator('main');
		await expect(main).toContainText('No runbook here names the alert KubePodCrashLoopingTooOften yet');
		await expect(main).not.toContainText('formerIds', { useInnerText: true });
		await expect(main.getByText('This address is not a page here')).toBeHidden();
		const closest = page.locator('[data-alert-closest] a');
		await expect(closest.first()).toBeVisible();
		const hrefs = await closest.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeLessThanOrEqual(5);
		expect(hrefs.every((href) => href.startsWith('/runbooks/'))).toBe(true);
		await page.goto('/alerts/KubePodCrashLooping/');
		const answering = await page.locator('.rs-alert-choices a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(
			hrefs.filter((href) => answering.includes(href)),
			`${hrefs} among ${answering}`,
		).not.toEqual([]);
		await page.goBack();
		errors.length = 0;
		// The Markdown file, with the name filled in, copied as a whole.
		const template = page.getByRole('region', { name: "The runbook's Markdown file" });
		await expect(template).toContainText('alerts: [KubePodCrashLoopingTooOften]');
		await expect(template).toContainText('# KubePodCrashLoopingTooOften');
		for (const part of ['## Meaning', '## Impact', '## Diagnosis', '## Mitigation']) await expect(template).toContainText(part);
		await expect(main.locator('code', { hasText: 'KubePodCrashLoopingTooOften.md' })).toBeVisible();
		// Search for its words in the site's search.
		await page.getByRole('button', { name: 'Search the site for “Kube Pod Crash Looping Too Often”' }).click();
		await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' })).toHaveValue(
			'Kube Pod Crash Looping Too Often',
		);
	});

	test('is a plain not-found page for an address that is not an alert’s name, which is never written into the page', async ({
		page,
		errors,
	}) => {
		for (const path of ['/alerts/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/', '/alerts/a%22b/', '/alerts/A/B/']) {
			expect((await page.goto(path))!.status()).toBe(404);
			await expect(page.locator('h1')).toHaveText('Page not found');
			await expect(page.getByText('This address is not a page here')).toBeVisible();
			await expect(page.locator('main img')).toHaveCount(0);
			await expect(page.locator('[data-unknown-alert]')).toBeHidden();
		}
		errors.length = 0;
	});

	test('without JavaScript, the not-found page says what to do for an alert without a runbook', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		expect((await page.goto('/alerts/KubePodCrashLoopingTooOften/'))!.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText('Page not found');
		await expect(page.getByRole('heading', { name: 'Came from an alert’s link?' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'every alert that has a runbook', exact: true })).toHaveAttribute('href', '/alerts/');
		await expect(page.getByRole('region', { name: "A runbook's Markdown file" })).toContainText('alerts: [AlertName]');
		await context.close();
	});
});

test.describe('the alert list', () => {
	test('lists every alert a runbook names, once, with its runbooks, and is linked from the catalog', async ({ page }) => {
		// What the runbooks name, read from their files (the imported YAML and the Markdown front matter).
		const named = new Set<string>();
		for (const line of spawnSync(
			'grep',
			['-rhoE', '^(  - |alerts: \\[)[A-Za-z][A-Za-z0-9]+', '--include=*.yaml', `${CONTENT}/prometheus-operator-runbooks`],
			{ encoding: 'utf8' },
		).stdout.split('\n'))
			if (line) named.add(line.replace(/^( {2}- |alerts: \[)/, ''));
		await page.goto('/runbooks/');
		await page.getByRole('link', { name: 'every alert' }).click();
		await expect(page).toHaveURL(/\/alerts\/$/);
		const rows = page.locator('table.rs-alerts tbody tr');
		const listed = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.alert!));
		expect(new Set(listed).size).toBe(listed.length);
		for (const name of [
			'etcdMembersDown',
			'KubePodCrashLooping',
			'NodeRAIDDiskFailure',
			'PrometheusRemoteWriteBehind',
			'CheckoutLatencyCritical',
		])
			expect(listed).toContain(name);
		expect(listed.length).toBeGreaterThanOrEqual(named.size);
		const row = page.locator('tr[data-alert="CheckoutLatencyHigh"]');
		await expect(row.locator('td').nth(1)).toHaveText('Checkout latency high Checkout · warning');
		await expect(row.getByRole('link', { name: 'CheckoutLatencyHigh' })).toHaveAttribute('href', '/alerts/CheckoutLatencyHigh/');
		await expect(page.locator('tr[data-alert="KubePodCrashLooping"] td').nth(1).getByRole('link')).toHaveCount(3);
		await expect(page.locator('.rs-alert-pattern')).toContainText('/alerts/{{ $labels.alertname }}/');
		// The site was built without an address: the pattern's host stands for one, never localhost.
		await expect(page.locator('.rs-alert-pattern')).toHaveText('runbook_url: https://runbooks.example.com/alerts/{{ $labels.alertname }}/');
	});

	test('narrows as you type in its filter box, by alert, runbook or system', async ({ page }) => {
		await page.goto('/alerts/');
		const rows = page.locator('table.rs-alerts tbody tr');
		const all = await rows.count();
		const box = page.getByRole('searchbox', { name: 'Filter alerts' });
		await box.pressSequentially('pod crash');
		const shown = await page.locator('tr[data-alert]:visible').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.alert!));
		expect(shown).toContain('KubePodCrashLooping');
		for (const name of shown) expect(name.toLowerCase()).toMatch(/pod.*crash|crash.*pod/);
		await expect(page.locator('#alert-filter-status')).toHaveText(`${shown.length} of ${all} alerts`);
		await box.fill('checkout critical');
		await expect(page.locator('tr[data-alert]:visible')).toHaveCount(
			await page
				.locator('tr[data-alert]')
				.evaluateAll((trs) => trs.filter((tr) => /checkout/i.test(tr.textContent!) && /critical/i.test(tr.textContent!)).length),
		);
		await box.fill('');
		await expect(rows.locator('visible=true')).toHaveCount(all);
	});

	test('gives each runbook’s alert addresses in /runbooks.json', async ({ request }) => {
		const catalog = (await (await request.get('/runbooks.json')).json()) as {
			runbooks: { id: string; alerts: string[]; alertUrls: Record<string, string>; severity?: string }[];
		};
		const checkout = catalog.runbooks.find((r) => r.id === 'checkout-latency-high')!;
		expect(checkout.alertUrls).toEqual({
			CheckoutLatencyHigh: 'http://localhost:4321/alerts/CheckoutLatencyHigh/',
			CheckoutLatencyCritical: 'http://localhost:4321/alerts/CheckoutLatencyCritical/',
		});
		expect(checkout.severity).toBe('warning');
		for (const runbook of catalog.runbooks) expect(Object.keys(runbook.alertUrls)).toEqual(runbook.alerts);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violations on the list and a chooser (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			for (const path of ['/alerts/', '/alerts/KubePodCrashLooping/']) {
				await page.goto(path);
				const results = await axe(page, scheme).analyze();
				expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
			}
		});
	}
});

test.describe('npm run alerts on a rule set of 120 alerts', () => {
	// tests/fixtures/alerts/rules-large: the kube-prometheus style rules of the corpus's alerts and a
	// team's own; a comment before each rule says what the check must report for it.
	test('reports every alert as its rule file expects, and the processor time it took', () => {
		const expected = new Map<string, number>();
		for (const file of ['kube-prometheus.yaml', 'shop.rules.yml'])
			for (const [, outcome] of readFileSync(`tests/fixtures/alerts/rules-large/${file}`, 'utf8').matchAll(/# expect: (\w+)/g))
				expected.set(outcome!, (expected.get(outcome!) ?? 0) + 1);
		const run = runTimed(process.execPath, [
			'scripts/alerts.ts',
			'tests/fixtures/alerts/rules-large',
			'--content',
			CONTENT,
			'--base',
			'https://runbooks.example.com',
			'--format',
			'json',
		]);
		const report = JSON.parse(run.stdout) as { summary: Record<string, number>; alerts: { line: number; file: string; outcome: string }[] };
		expect(report.alerts).toHaveLength(120);
		for (const [outcome, count] of expected) expect(report.summary[outcome], outcome).toBe(count);
		expect(run.status).toBe(1); // three runbook_urls with a typo in the name
		console.log(
			`alerts check: 120 alerts, ${JSON.stringify(report.summary)}, ${run.cpuSeconds.toFixed(2)} s of processor time with Node's start (${run.wallSeconds.toFixed(2)} s on the clock)`,
		);
		// Processor time: the clock's time doubles when the machine runs another job.
		expect(run.cpuSeconds).toBeLessThan(10);
	});
});
