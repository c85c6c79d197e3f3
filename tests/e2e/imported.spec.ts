import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe } from '../support/axe.ts';
import type { Page } from '@playwright/test';
import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse } from 'yaml';
import { filesUnder } from '../../src/build/content/walk.ts';
import { expect, test } from '../support/test.ts';
import { PROMETHEUS_CORPUS } from '../support/fixtures.ts';

/**
 * The site built from runbooks nobody here wrote (npm run test:imported-site): the 109
 * documents of prometheus-operator's alert runbooks imported with `npm run import -- <folder>`, and a team's
 * Markdown folder read at build time (tests/fixtures/team-runbooks).
 */
const CORPUS = PROMETHEUS_CORPUS;
const CONTENT = '.test-sites/imported/runbooks';
/** The imported site as built. */
const BUILT = '.test-sites/imported/dist';
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Source document -> runbook id, as the import wrote them (each runbook file names its source). */
function importedRunbooks(): { source: string; id: string }[] {
	return filesUnder(join(CONTENT, 'prometheus-operator-runbooks'))
		.filter((f) => f.endsWith('.yaml'))
		.map((f) => ({
			source: (parse(readFileSync(join(CONTENT, 'prometheus-operator-runbooks', f), 'utf8')) as { source: string }).source,
			id: f.split('/').pop()!.replace('.yaml', ''),
		}));
}

/** What to type from each fenced block of a source: its prompted lines without the prompt, else every line. */
function commandLines(source: string): string[][] {
	const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(source) as Root;
	const blocks: string[][] = [];
	visit(tree, 'code', (node: Code) => {
		const lines = node.value.split('\n').filter((l) => l.trim());
		if (!lines.length) return;
		const prompted = lines.filter((l) => /^\s*\$ /.test(l));
		blocks.push((prompted.length ? prompted.map((l) => l.replace(/^\s*\$ /, '')) : lines).map((l) => l.trim()));
	});
	return blocks;
}

/** The fenced blocks of a source document of the corpus, as commandLines reads them. */
const sourceBlocks = (source: string) =>
	commandLines(readFileSync(join(CORPUS, source.replace('prometheus-operator-runbooks/', '')), 'utf8'));

/** Placeholders, whichever way written (`$NAMESPACE`, `<my-pvc>`, `{{$POD}}`, `{{NAMESPACE}}`), as one mark. */
const neutral = (text: string) => text.replace(/\{\{\$?[A-Z][A-Z0-9_]*\}\}|<[a-z][a-z0-9_-]*>|\$\{?[A-Z][A-Z0-9_]*\}?/g, '§');

/** The code every copy button of the page copies, as built. */
const copied = (page: Page) =>
	page
		.locator('.expressive-code .copy button')
		.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.code!.replace(/\u007f/g, '\n')));

/** The code of every command block that has a copy button, as shown. */
const commandBlocks = (page: Page) =>
	page.locator('.expressive-code:has(.copy button) pre').evaluateAll((blocks) => blocks.map((b) => (b as HTMLElement).innerText));

/** Images the runbooks link on other hosts: this machine has no Internet, a reader does. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const offline = (page: Page) =>
	page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));

/** Code blocks (and printed output) that stick out of their box or of the page's content column. */
const overflowing = (page: Page) =>
	page.evaluate(() => {
		const column = document.querySelector('.sl-markdown-content, main')!.getBoundingClientRect();
		return [...document.querySelectorAll<HTMLElement>('.expressive-code, .rs-output')].flatMap((block) => {
			const box = block.getBoundingClientRect();
			const pre = block.querySelector('pre')!;
			const out = box.right > column.right + 1 || box.left < column.left - 1 || pre.scrollWidth > pre.clientWidth + 1;
			return out
				? [
						`${block.textContent!.slice(0, 60)}: ${Math.round(box.right)} > ${Math.round(column.right)} or ${pre.scrollWidth} > ${pre.clientWidth}`,
					]
				: [];
		});
	});

test.describe('every imported alert runbook', () => {
	const runbooks = importedRunbooks();

	test('was imported: one runbook per document of the folder', () => {
		const documents = filesUnder(CORPUS).filter((f) => f.endsWith('.md') && !f.endsWith('_index.md'));
		expect(runbooks.map((r) => r.source).sort()).toEqual(documents.map((d) => `prometheus-operator-runbooks/${d}`).sort());
	});

	// A page with no code block and no printed output, as built, has nothing these checks look at:
	// it is not visited (most alert runbooks hold no code).
	const hasBlocks = ({ source, id }: { source: string; id: string }) =>
		sourceBlocks(source).length > 0 ||
		/class="[^"]*\b(?:expressive-code|rs-output)\b/.test(readFileSync(join(BUILT, 'runbooks', id, 'index.html'), 'utf8'));
	// In shares, so that the browser tests' workers take them side by side; one visit per page
	// checks both widths.
	const SHARES = 4;
	for (let share = 0; share < SHARES; share++) {
		const mine = runbooks.filter((_, i) => i % SHARES === share);
		test(`shows every fenced code block of its source as a command block with a copy button, none out of its box at 1280 or 390 px (${share + 1} of ${SHARES})`, async ({
			page,
		}) => {
			test.setTimeout(240_000);
			await offline(page);
			for (const { source, id } of mine.filter(hasBlocks)) {
				await page.setViewportSize({ width: 1280, height: 800 });
				await page.goto(`/runbooks/${id}/`, { waitUntil: 'domcontentloaded' });
				const codes = neutral((await commandBlocks(page)).join('\n'));
				for (const lines of sourceBlocks(source))
					for (const line of lines) expect(codes.includes(neutral(line)), `${source}: ${line}`).toBe(true);
				expect(await overflowing(page), `${id} at 1280 px`).toEqual([]);
				// Expressive Code's styles come with the page's first block, a code block in prose as well.
				const html = await page.content();
				const first = html.indexOf('<div class="expressive-code"');
				if (first >= 0) expect(html.search(/<link rel="stylesheet" href="\/_astro\/ec\./), id).toBeGreaterThan(first);
				await page.setViewportSize({ width: 390, height: 844 });
				expect(await overflowing(page), `${id} at 390 px`).toEqual([]);
			}
		});
	}
	test('has the code blocks those shares check: more than 60 in the sources, on more than 20 pages', () => {
		expect(runbooks.flatMap(({ source }) => sourceBlocks(source)).length).toBeGreaterThan(60);
		expect(runbooks.filter(hasBlocks).length).toBeGreaterThan(20);
	});
});

test.describe('an imported alert runbook page', () => {
	test('reads as the alert runbook it is: title, alert, prose parts, steps to tick with their commands', async ({ page }) => {
		await page.goto('/runbooks/kube-pod-crash-looping/');
		// The title from the front matter; the H1 names the alert.
		await expect(page.locator('h1')).toHaveText('Kube Pod Crash Looping');
		await expect(page.locator('.rs-meta')).toContainText('AlertKubePodCrashLooping');
		await expect(page.locator('.rs-meta')).toContainText('Runbook versionunversioned');
		await expect(page.locator('.rs-meta')).toContainText('Last reviewednot reviewed yet');
		for (const prose of ['meaning', 'impact']) {
			const section = page.locator(`[data-section="${prose}"]`);
			await expect(section.locator('.rs-check')).toHaveCount(0);
			await expect(section.locator('.rs-badge')).toHaveCount(0);
			await expect(section.locator('.rs-secprog')).toHaveCount(0);
		}
		const diagnosis = page.locator('[data-section="diagnosis"]');
		await expect(diagnosis.locator('ol.rs-steps > li')).toHaveCount(4);
		await expect(diagnosis.locator('.rs-steps > li').first().locator('.expressive-code')).toHaveCount(1);
		await expect(page.locator('[data-progress-text]')).toHaveText('0/5 done');
	});

	test('shows what a step says after its command after the command, as the source has it', async ({ page }) => {
		await page.goto('/runbooks/kube-persistent-volume-filling-up/');
		const step = page.locator('[data-section="direct-volume-resizing"] .rs-steps > li').first();
		await expect(step.locator('.rs-step-text')).toContainText('To check if volume expansion is available');
		const order = await step
			.locator(':scope > :is(.expressive-code, .rs-output, .rs-note)')
			.evaluateAll((els) => els.map((el) => el.className.split(' ')[0]));
		expect(order).toEqual(['expressive-code', 'rs-output', 'rs-note']);
		await expect(step.locator(':scope > .rs-note')).toContainText('ALLOWVOLUMEEXPANSION is true');
	});

	test('a page with nothing to tick shows no run bar', async ({ page, request }) => {
		const catalog = (await (await request.get('/runbooks.json')).json()) as {
			runbooks: { id: string; sections: { steps: unknown[] }[] }[];
		};
		const prose = catalog.runbooks.find((r) => r.sections.every((s) => s.steps.length === 0))!;
		await page.goto(`/runbooks/${prose.id}/`);
		await expect(page.locator('.rs-runbook.rs-js')).toHaveCount(1);
		await expect(page.locator('[data-runbar]')).toBeHidden();
		await expect(page.locator('main')).not.toContainText('0 of 0', { useInnerText: true });
	});

	test('copies a command with its shell variables for the shell, and with the run’s values once given', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/runbooks/kube-pod-crash-looping/');
		const block = page.locator('[data-section="diagnosis"] .rs-steps > li').first().locator('.expressive-code');
		await expect(block.locator('[data-var="NAMESPACE"]')).toHaveText('$NAMESPACE');
		await block.hover();
		await block.locator('.copy button').click();
		expect(await clipboard(page)).toBe('kubectl -n $NAMESPACE get pod $POD');
		await expect(page.locator('[data-status]')).toContainText('$NAMESPACE, $POD as written: your shell fills them in');
		// All values here are optional: the panel starts folded.
		const panel = page.locator('[data-vars]');
		await expect(panel).not.toHaveAttribute('open');
		await panel.locator('summary').click();
		await page.locator('#var--NAMESPACE').fill('payments');
		await block.hover();
		await block.locator('.copy button').click();
		expect(await clipboard(page)).toBe('kubectl -n payments get pod $POD');
		await expect(block.locator('[data-var="NAMESPACE"]')).toHaveText('payments');
	});

	test('keeps Go templates in commands as written, and a transcript’s output apart from what is copied', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/runbooks/etcd-members-down/');
		expect((await copied(page)).some((code) => code.includes(`--template='{{range .items}}{{"===> node:> "}}{{.metadata.name}}`))).toBe(
			true,
		);
		await page.goto('/runbooks/prometheus-duplicate-timestamps/');
		const step = page.locator('.rs-steps > li').first();
		await expect(step.locator('.rs-output pre')).toContainText('prometheus-k8s-0                       2/2     Running');
		await step.locator('.expressive-code').hover();
		await step.locator('.expressive-code .copy button').click();
		expect(await clipboard(page)).toBe('kubectl -n {{NAMESPACE}} get pod');
	});

	test('copies a comment of a command block with its command, and keeps apart only what a command printed', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/runbooks/node-file-descriptor-limit/');
		// node/NodeFileDescriptorLimit.md: `$ oc debug "node/$NODE_NAME"`, then `# sysctl -a | grep 'fs.file-'`
		// (a comment, or root's prompt: copied as written), two lines it printed, and `# lsof -n`.
		const block = page.locator('.expressive-code', { hasText: 'oc debug' });
		await block.hover();
		await block.locator('.copy button').click();
		const copied = await clipboard(page);
		expect(copied).toContain(`oc debug "node/$NODE_NAME"\n# sysctl -a | grep 'fs.file-'`);
		expect(copied).not.toContain('fs.file-max');
		await expect(page.locator('.rs-output pre', { hasText: 'fs.file-max' })).toHaveText(
			'fs.file-max = 1597016\nfs.file-nr = 7104       0       1597016',
		);
		await expect(page.locator('.rs-output pre', { hasText: 'sysctl' })).toHaveCount(0);
		const next = page.locator('.expressive-code', { hasText: '# lsof -n' });
		await next.hover();
		await next.locator('.copy button').click();
		expect(await clipboard(page)).toBe('# lsof -n');
	});

	test('follows a link between documents to the right heading', async ({ page }) => {
		// Written `[Node Clok Skew Detected]({{< ref "./NodeClockSkewDetected.md" >}})` in the source.
		await page.goto('/runbooks/node-clock-not-synchronising/');
		await page.locator('main a', { hasText: 'Node Clok Skew Detected' }).click();
		await expect(page).toHaveURL(/\/runbooks\/node-clock-skew-detected\/$/);
		await expect(page.locator('h1')).toHaveText('Node Clock Skew Detected');
		// And to a heading of the same page.
		await page.goto('/runbooks/kube-api-error-budget-burn/');
		await page.locator('main a', { hasText: 'Check the queries below!' }).click();
		await expect(page).toHaveURL(/#example-queries-for-slow-requests$/);
		await expect(page.locator('#example-queries-for-slow-requests')).toBeInViewport();
	});
});

test.describe('an imported alert runbook’s sign-off sheet', () => {
	test('lists the steps to tick, not the prose parts as empty headings', async ({ page }) => {
		await page.goto('/signoff/etcd-members-down/');
		// Meaning and Impact are prose: read on the page, not printed as headings over nothing.
		await expect(page.locator('.sheet-heading')).toHaveText(['Record', 'Diagnosis', 'General etcd health', 'Mitigation', 'Signatures']);
		await expect(page.locator('select[data-part] option')).toHaveText(['the whole runbook', 'Diagnosis only', 'Mitigation only']);
		await expect(page.locator('.sheet')).toContainText('Runbook versionunversioned');
	});
});

test.describe('a team’s Markdown folder read at build time', () => {
	test('gives its pages, its images, its links and its pinned ids', async ({ page }) => {
		await page.goto('/runbooks/payments-high-error-rate/');
		await expect(page.locator('h1')).toHaveText('Payments API error rate high');
		await expect(page.locator('.rs-meta')).toContainText('Last reviewed2026-10-02');
		await expect(page.locator('li:has(> .rs-step-row > [id="roll-back-release"])')).toHaveCount(1);
		const image = await page.request.get('/runbook-files/team/payments/images/dashboard.png');
		expect(image.status()).toBe(200);
		expect(image.headers()['content-type']).toContain('image/png');
		await page.locator('main a', { hasText: 'Database lag' }).click();
		await expect(page).toHaveURL(/\/runbooks\/database-replication-lag\/#resolution$/);
		await expect(page.locator('#resolution')).toBeInViewport();
		await page.goBack();
		await page.locator('main a', { hasText: 'Gather logs' }).click();
		await expect(page.locator('h1')).toHaveText('Gather logs');
	});

	test('gives each folder’s title and summary to the catalog', async ({ page }) => {
		await page.goto('/runbooks/');
		const payments = page.locator('section.rs-system', { has: page.locator('h2', { hasText: 'Payments API' }) });
		await expect(payments.locator('.rs-system-summary')).toHaveText('Card payments for the web shop and the mobile app.');
		await expect(payments.locator('tr[data-runbook]')).toHaveCount(2);
		await expect(page.locator('section.rs-system h2', { hasText: 'etcd' })).toHaveCount(1);
		await expect(page.locator('tr[data-runbook="etcd-members-down"]')).toContainText('not reviewed yet');
	});
});

test.describe('runbooks written for other tools’ Markdown', () => {
	test('a GitHub alert and a MkDocs admonition read as titled notes, never as a quote; a command in one copies, and is no step', async ({
		page,
	}) => {
		await page.goto('/runbooks/disk-full/');
		const warning = page.getByRole('note').filter({ hasText: 'Never delete files' });
		await expect(warning.locator('.rs-callout-title')).toHaveText('Warning');
		await expect(warning).toHaveClass(/rs-callout--caution/);
		const danger = page.getByRole('note').filter({ hasText: 'Take a snapshot first' });
		await expect(danger.locator('.rs-callout-title')).toHaveText('Before expanding');
		await expect(danger).toHaveClass(/rs-callout--danger/);
		await expect(page.locator('main')).not.toContainText('[!WARNING]');
		await expect(page.locator('main')).not.toContainText('!!!');
		// The snapshot command in the warning copies as written (commands in notes are command blocks,
		// issue 34), and is not a step to tick.
		expect(await copied(page)).toContain(
			'aws ec2 create-snapshot --volume-id vol-0abc --description pre-expand-snapshot-of-the-data-volume',
		);
		await expect(page.locator('.rs-check', { hasText: 'create-snapshot' })).toHaveCount(0);
		// The numbered checks under "Possible checks" are steps to tick, each with its command.
		await expect(page.locator('[data-section="possible-checks"] .rs-check')).toHaveCount(3);
		expect(await copied(page)).toEqual(
			expect.arrayContaining([
				'ssh ops@storage-node-17',
				'sudo du -xh --max-depth=1 /var/log | sort -h | tail',
				'sudo journalctl --vacuum-size=500M',
			]),
		);
	});

	test('on a phone the note wraps its command: nothing scrolls sideways', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/runbooks/disk-full/');
		const danger = page.getByRole('note').filter({ hasText: 'Take a snapshot first' });
		await danger.scrollIntoViewIfNeeded();
		const overflow = await danger.evaluate((note) => {
			const box = note.getBoundingClientRect();
			return [...note.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > box.right + 1).length;
		});
		expect(overflow).toBe(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	});

	test('a table of steps is steps to tick, each with its command and what confirms it; a wiki link arrives', async ({ page }) => {
		await page.goto('/runbooks/certificate-rotation/');
		await expect(page.locator('.rs-summary')).toContainText('every 60 days');
		const steps = page.locator('[data-section="procedure"] .rs-steps > li');
		await expect(steps.locator('.rs-step-text')).toHaveText(['Check the expiry date', 'Renew the certificate', 'Reload nginx']);
		await expect(steps.nth(1).locator('.rs-expect')).toContainText('Congratulations');
		expect(await copied(page)).toEqual([
			'openssl x509 -enddate -noout -in /etc/tls/storage-api.pem',
			'sudo certbot renew --cert-name storage-api',
			'sudo systemctl reload nginx',
		]);
		await steps.nth(0).locator('.rs-check').check();
		await expect(page.locator('[data-progress-text]')).toHaveText('1/3 done');
		await page.locator('main a', { hasText: 'the disk runbook' }).click();
		await expect(page).toHaveURL(/\/runbooks\/disk-full\/#resolution$/);
	});

	test('"Step 1:" headings are steps with their commands, and links to them arrive at the step', async ({ page }) => {
		await page.goto('/runbooks/expand-volume/');
		await expect(page.locator('[data-section="steps"] > .rs-steps > li .rs-step-text')).toHaveText([
			'Snapshot',
			'Resize',
			'Grow the filesystem',
		]);
		expect(await copied(page)).toEqual(expect.arrayContaining(['sudo growpart /dev/nvme1n1 1 && sudo resize2fs /dev/nvme1n1p1']));
		await expect(page.getByRole('note').filter({ hasText: 'describe-volumes-modifications' }).locator('.rs-callout-title')).toHaveText(
			'Resizing takes a few minutes',
		);
		await page.goto('/runbooks/disk-full/');
		await page.locator('main a', { hasText: 'Expand a volume' }).click();
		await expect(page).toHaveURL(/\/runbooks\/expand-volume\/#snapshot$/);
		await expect(page.locator('li:has(> .rs-step-row > [id="snapshot"])')).toBeInViewport();
	});
});

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });
		for (const path of ['/runbooks/', '/runbooks/etcd-members-down/', '/runbooks/payments-high-error-rate/', '/runbooks/disk-full/']) {
			test(`axe finds no violations on ${path}`, async ({ page }) => {
				await page.goto(path);
				const results = await axe(page, scheme).analyze();
				expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
			});
		}
	});
}
