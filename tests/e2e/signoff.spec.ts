import { writeFileSync } from 'node:fs';
import { axe } from '../support/axe.ts';
import { searchIndex } from '../support/search.ts';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import jsQR from 'jsqr';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadRunbooks, sectionsOf, stepsOf } from '../support/content.ts';
import { answer } from '../support/dialogs.ts';
import { runMenu, setInitials } from '../support/run-menu.ts';

const runbooks = loadRunbooks();

/** Markdown of step text as it reads on paper: no emphasis marks, links as their text. */
const plain = (markdown: string) =>
	markdown
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\*\*|`/g, '')
		// A value not given is a line to write on (its label printed under it), a shell variable reads $NAME.
		.replace(/\{\{\$([A-Z][A-Z0-9_]*)\}\}/g, '$$$1')
		.replace(/\{\{[A-Z][A-Z0-9_]*\}\}/g, '');
/** PDF text loses where lines wrapped; compare without any white space. */
const squash = (text: string) => text.replace(/\s+/g, '');
const EMOJI = /\p{Extended_Pictographic}\uFE0F?/u;

interface PdfPage {
	text: string;
	/** Body lines from top to bottom (the running header and footer left out). */
	lines: string[];
}

async function printSheet(page: Page, paper: 'A4' | 'letter'): Promise<PdfPage[]> {
	return (await printPdf(page, paper)).pages;
}

async function printPdf(page: Page, paper: 'A4' | 'letter'): Promise<{ doc: PDFDocumentProxy; pages: PdfPage[] }> {
	await page.locator('[data-paper]').selectOption(paper);
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	const pages: PdfPage[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const p = await doc.getPage(n);
		const height = p.getViewport({ scale: 1 }).height;
		const items = ((await p.getTextContent()).items as { str?: string; transform?: number[] }[])
			.filter((i) => i.str?.trim())
			.map((i) => ({ str: i.str!, transform: i.transform! }));
		const byLine = new Map<number, string[]>();
		for (const item of items) {
			const y = Math.round(item.transform[5]!);
			// The running header and footer sit in the page margins (top and bottom 17 mm).
			if (y > height - 45 || y < 45) continue;
			byLine.set(y, [...(byLine.get(y) ?? []), item.str]);
		}
		const lines = [...byLine].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.join(' '));
		pages.push({ text: items.map((i) => i.str).join(' '), lines });
	}
	return { doc, pages };
}

interface Canvas {
	getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
	toBuffer(type: 'image/png'): Buffer;
}

/**
 * The QR codes printed on a PDF page, read as a phone would: the page rendered at 200 dpi (pdf.js
 * in Node draws on its own canvas), each code cut out beside its caption and decoded with jsQR.
 */
async function readQrCodes(doc: PDFDocumentProxy, n: number, captions: string[]): Promise<{ png: Buffer; codes: (string | undefined)[] }> {
	const page = await doc.getPage(n);
	const scale = 200 / 72;
	const viewport = page.getViewport({ scale });
	const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: Canvas; context: CanvasRenderingContext2D } };
	const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
	await page.render({ canvasContext: context, canvas: null, viewport, background: '#fff' }).promise;
	const items = (await page.getTextContent()).items as { str?: string; transform?: number[] }[];
	const mm = (72 / 25.4) * scale;
	const codes = captions.map((caption) => {
		const item = items.find((i) => i.str?.startsWith(caption));
		if (!item) return undefined;
		// The code sits left of its caption, its top level with the caption's first line.
		const [x, y] = viewport.convertToViewportPoint(item.transform![4]!, item.transform![5]!) as [number, number];
		const box = {
			x: Math.max(0, Math.round(x - 50 * mm)),
			y: Math.max(0, Math.round(y - 8 * mm)),
			w: Math.round(50 * mm),
			h: Math.round(55 * mm),
		};
		const { data } = canvas.getContext('2d').getImageData(box.x, box.y, box.w, box.h);
		return jsQR(data, box.w, box.h)?.data;
	});
	return { png: canvas.toBuffer('image/png'), codes };
}

/** The steps a run counts: those without sub-steps, at any depth (the runbook page's count). */
type Tree = { steps?: Tree[] };
const counted = (steps: Tree[] = []): Tree[] => steps.flatMap((s) => (s.steps?.length ? counted(s.steps) : [s]));

const counts: string[] = [];
test.afterAll(() => console.log(`Sheet page counts: ${counts.join('; ')}`));

for (const runbook of runbooks) {
	for (const paper of ['A4', 'letter'] as const) {
		test(`${runbook.id} prints on ${paper}: every step, role and page number; no split rows; no lonely headings`, async ({ page }) => {
			await page.goto(`/signoff/${runbook.id}/`);
			const pages = await printSheet(page, paper);
			counts.push(`${runbook.id} ${paper} ${pages.length}`);
			const all = squash(pages.map((p) => p.text).join(' '));

			// Page X of Y, the title and the version on every page.
			pages.forEach((p, i) => {
				expect(p.text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
				expect(squash(p.text), `page ${i + 1}`).toContain(squash(`${runbook.title} · version`));
			});
			// Every step, each whole on one page (a split row would show part on each).
			for (const step of stepsOf(runbook)) {
				// Emoji need a colour emoji font to reach a PDF (CI machines have none): the text
				// on either side of one must be there, on the same page.
				const parts = plain(step.text).split(EMOJI).map(squash).filter(Boolean);
				for (const part of parts) expect(all, step.id).toContain(part);
				expect(
					pages.some((p) => parts.every((part) => squash(p.text).includes(part))),
					`${step.id} is split`,
				).toBe(true);
			}
			// Every sign-off role, with its name/signature/date lines on the same page.
			const roles = runbook.signoff?.roles.map((r) => r.title) ?? ['Approved by'];
			for (const role of roles) {
				// The role and its name/signature/date captions sit in one row: on one page, together.
				expect(
					pages.some((p) => squash(p.text).includes(`${squash(role)}NameSignatureDate`)),
					`${role}: signature row missing or split`,
				).toBe(true);
			}
			// The signature block whole: its heading and every role on one page.
			expect(
				pages.some(
					(p) =>
						squash(p.text).includes('Signatures') && roles.every((role) => squash(p.text).includes(`${squash(role)}NameSignatureDate`)),
				),
				'the signature block is split across pages',
			).toBe(true);
			// No page ends with a section heading.
			const headings = new Set(sectionsOf(runbook).map((s) => squash(plain(s.title))));
			headings.add('Record');
			headings.add('Signatures');
			pages.slice(0, -1).forEach((p, i) => {
				const last = squash(p.lines.at(-1) ?? '');
				expect(headings.has(last) || last === 'DoneStepInitialsTime', `page ${i + 1} ends with "${p.lines.at(-1)}"`).toBe(false);
			});
		});
	}
}

test('commands stay whole on one page and can be left out for a shorter sheet', async ({ page }) => {
	await page.goto('/signoff/productivity-platform/');
	const withCommands = await printSheet(page, 'A4');
	for (const code of [
		'kubectl rollout undo deployment/backend -n productivity-platform',
		'docker-compose -f docker-compose.prod.yml build',
	]) {
		expect(
			withCommands.some((p) => squash(p.text).includes(squash(code))),
			code,
		).toBe(true);
	}
	await page.locator('[data-commands]').uncheck();
	const without = await printSheet(page, 'A4');
	expect(without.length).toBeLessThan(withCommands.length);
	expect(squash(without.map((p) => p.text).join(''))).not.toContain(squash('kubectl rollout undo'));
});

test('printing one section alone', async ({ page }) => {
	await page.goto('/signoff/spatial-intel/?part=rollback-procedures');
	await expect(page.locator('select[data-part]')).toHaveValue('rollback-procedures');
	const pages = await printSheet(page, 'A4');
	const text = squash(pages.map((p) => p.text).join(''));
	expect(text).toContain(squash('Restore database backup'));
	expect(text).toContain(squash('Deployment Lead'));
	expect(text).not.toContain(squash('Provision production servers'));
	await page.locator('select[data-part]').selectOption('');
	expect(pages.length).toBeLessThan((await printSheet(page, 'A4')).length);
});

test('print this run: the sheet filled from a run, with ticks, N/A, times, initials and the run name', async ({ page }) => {
	await page.goto('/runbooks/twiga-scan/');
	await runMenu(page, 'new');
	await answer(page, 'Release 2.0');
	await setInitials(page, 'jd', 'JD');
	await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();
	await page.locator('li:has(> .rs-step-row > [id="redis-connectivity"]) > .rs-step-row > .rs-na').click();
	await answer(page, 'no Redis');
	await runMenu(page, 'print');
	await expect(page).toHaveURL(/\/signoff\/twiga-scan\/\?run=release-2-0$/);
	const row = page.locator('[data-sheet-step="deploy-services"]');
	await expect(row.locator('[data-box]')).toHaveText('✓');
	await expect(row.locator('[data-initials]')).toHaveText('JD');
	await expect(row.locator('[data-time]')).toHaveText(/\d\d:\d\d/);
	await expect(page.locator('[data-sheet-step="redis-connectivity"] [data-box]')).toHaveText('N/A');
	await expect(page.locator('[data-sheet-step="redis-connectivity"] [data-reason]')).toHaveText(' N/A: no Redis');
	await expect(page.locator('[data-sheet-step="run-migrations"] [data-box]')).toHaveText('');
	await expect(page.locator('[data-run-name]')).toHaveText('Release 2.0');
	const pages = await printSheet(page, 'A4');
	expect(pages.every((p) => p.text.includes('Run: Release 2.0'))).toBe(true);
	// The blank sheet stays available.
	await page.locator('[data-run]').selectOption('');
	await expect(row.locator('[data-box]')).toHaveText('');
	await expect(page.locator('[data-run-name]')).toHaveText('');
});

test('sheets are linked from runbook pages, the catalog and their index, and are not searchable', async ({ page }) => {
	await page.goto('/runbooks/yogaflow/');
	await page.locator('[data-sheet-link]').click();
	await expect(page).toHaveURL(/\/signoff\/yogaflow\/$/);
	await page.goto('/runbooks/');
	await expect(page.getByRole('link', { name: `Sign-off sheet: ${runbooks[0]!.title}` })).toHaveAttribute(
		'href',
		`/signoff/${runbooks[0]!.id}/`,
	);
	await page.goto('/signoff/');
	for (const r of runbooks) await expect(page.getByRole('link', { name: r.title })).toHaveAttribute('href', `/signoff/${r.id}/`);
	const urls = (await searchIndex(page, 'Technical Lead approval')).map((d) => d.url);
	expect(urls.length).toBeGreaterThan(0);
	expect(urls.filter((u: string) => u.startsWith('/signoff/'))).toEqual([]);
});

test('the sheet preview has no accessibility violations', async ({ page }) => {
	await page.goto('/signoff/twiga-scan/');
	const results = await axe(page).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('the runbook page prints as a document, not the screen layout', async ({ page }) => {
	await page.goto('/runbooks/yogaflow/');
	await page.emulateMedia({ media: 'print' });
	for (const selector of ['header.header', '#starlight__sidebar', '[data-runbar]', '.rs-na', 'runsheet-toc', 'runsheet-mobile-toc']) {
		const visible = await page
			.locator(selector)
			.first()
			.isVisible()
			.catch(() => false);
		expect(visible, selector).toBe(false);
	}
	const pdf = await page.pdf({ format: 'A4' });
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	const first = await (await doc.getPage(1)).getTextContent();
	const text = first.items.map((i) => ('str' in i ? i.str : '')).join(' ');
	expect(text).toContain('YogaFlow Production Deployment Checklist');
	expect(text).not.toContain('Run actions');
	expect(text).not.toContain('Search');
});

test.describe('the run is the record', () => {
	// A release manager in Berlin: every time must say its date and zone.
	test.use({ timezoneId: 'Europe/Berlin' });

	/** A run of twiga-scan on 2026-12-01 at 01:21 UTC: release 1.4.0, initials JD, one tick, one N/A. */
	async function runRelease(page: Page) {
		await page.clock.install({ time: new Date('2026-12-01T01:21:00Z') });
		await page.goto('/runbooks/twiga-scan/');
		await runMenu(page, 'new');
		await answer(page, 'Release 1.4.0');
		await setInitials(page, 'jd', 'JD');
		const version = page.locator('#var--VERSION');
		if (!(await version.isVisible())) await page.locator('[data-values] summary').click();
		await version.fill('1.4.0');
		await version.press('Tab');
		await page.locator('li:has(> .rs-step-row > [id="deploy-services"]) > .rs-step-row > .rs-check').check();
		await page.locator('li:has(> .rs-step-row > [id="redis-connectivity"]) > .rs-step-row > .rs-na').click();
		await answer(page, 'no Redis');
		await expect(page.locator('li:has(> .rs-step-row > [id="redis-connectivity"])')).toHaveAttribute('data-state', 'na');
		await page.goto('/signoff/twiga-scan/?run=release-1-4-0');
	}

	test('the sheet says which run, runbook version, release, who, when and the status, and keeps what is written on it', async ({
		page,
	}) => {
		await runRelease(page);
		const record = (id: string) => page.locator(`[data-record-field="${id}"]`);
		// Filled from the run where it honestly can be: the start, the operator, the release.
		await expect(record('deployment-date').locator('[data-record-input]')).toHaveAttribute('placeholder', '2026-12-01');
		await expect(record('deployment-by').locator('[data-record-input]')).toHaveAttribute('placeholder', 'JD');
		await expect(record('version').locator('[data-record-input]')).toHaveAttribute('placeholder', '1.4.0');
		await record('status').locator('select').selectOption('Successful');
		await record('notes').locator('textarea').fill('CDN purge took 4 minutes.');
		await record('notes').locator('textarea').blur();
		await expect(page.locator('[data-status]')).toHaveText('Successful');

		for (const paper of ['A4', 'letter'] as const) {
			const pages = await printSheet(page, paper);
			const first = squash(pages[0]!.lines.join(' '));
			// The runbook's own version and the release are told apart, on the first page.
			expect(first).toContain(squash('Runbook version 1.0.0'));
			expect(first).toContain(squash('Release 1.4.0'));
			expect(first).toContain(squash('Started 2026-12-01 02:21 UTC+1'));
			expect(first).toContain(squash('Operator JD'));
			expect(first).toContain(squash('Status Successful'));
			expect(first).toContain(squash('Deployment Date 2026-12-01'));
			expect(first).toContain(squash('Deployment By JD'));
			expect(first).toContain(squash('Release version 1.4.0'));
			expect(first).toContain(squash('CDN purge took 4 minutes.'));
			const all = pages.map((p) => p.text).join(' ');
			expect(all).not.toContain('{{');
			// Step times carry their date and zone.
			expect(squash(all)).toContain(squash('2026-12-01 02:21 UTC+1'));
			expect(squash(all)).toContain(squash('N/A: no Redis'));
		}

		// A run can be shown in UTC; the choice is kept with the run.
		await page.locator('[data-utc]').check();
		await expect(page.locator('[data-sheet-step="deploy-services"] [data-time]')).toHaveText('2026-12-01 01:21 UTC');
		await expect(page.locator('[data-started]')).toHaveText('2026-12-01 01:21 UTC');
		await page.reload();
		await expect(page.locator('[data-utc]')).toBeChecked();

		// Ticking on the runbook page afterwards keeps what the sheet wrote.
		await page.goto('/runbooks/twiga-scan/');
		await page.locator('li:has(> .rs-step-row > [id="verify-services-running"]) > .rs-step-row > .rs-check').check();
		await page.goto('/signoff/twiga-scan/?run=release-1-4-0');
		await expect(page.locator('[data-status]')).toHaveText('Successful');
		await expect(page.locator('[data-sheet-step="verify-services-running"] [data-box]')).toHaveText('✓');
	});

	test('the rollback part carries the contacts and only the values it uses, and asks its lead to sign', async ({ page }) => {
		await runRelease(page);
		await page.locator('select[data-part]').selectOption('rollback-checklist-if-needed');
		const text = squash((await printSheet(page, 'A4')).map((p) => p.text).join(' '));
		expect(text).toContain(squash('Emergency contacts'));
		expect(text).toContain(squash('DevOps Lead:'));
		expect(text).toContain(squash('Restore previous version'));
		expect(text).toContain(squash('Technical Lead'));
		expect(text).not.toContain(squash('Product Owner'));
		expect(text).not.toContain(squash('Security Review'));
		// VERSION (the release) and DOMAIN are used by other parts only; the rollback's own values
		// (the version to go back to, the backup's date) are asked for.
		expect(text).not.toMatch(/(?<!PREVIOUS_)VERSION|Releaseversion/);
		expect(text).not.toContain('DOMAIN');
		expect(text).toContain(squash('Previous version PREVIOUS_VERSION'));
		expect(text).toContain(squash('Backup date BACKUP_DATE'));
		expect(text).not.toContain('{{');
		// The summary counts the part printed: none of the run's ticks are in it.
		const part = sectionsOf(runbooks.find((r) => r.id === 'twiga-scan')!).find((s) => s.id === 'rollback-checklist-if-needed')!;
		const inPart = sectionsOf({ sections: [part] } as never).flatMap((s) => counted(s.steps as Tree[])).length;
		expect(text).toContain(squash(`Summary: 0 done · 0 N/A · ${inPart} open, of ${inPart} steps`));

		// spatial-intel's rollback part starts with when to roll back.
		await page.goto('/signoff/spatial-intel/?part=rollback-procedures');
		const spatial = squash((await printSheet(page, 'A4')).map((p) => p.text).join(' '));
		expect(spatial).toContain(squash('When to Rollback'));
		expect(spatial).toContain(squash('Deployment Lead'));
		expect(spatial).not.toContain(squash('Product Owner'));
	});

	test('the filled sheet is the record: groups done from their sub-steps, a summary and links back to the run on page 1, read back from A4 and Letter', async ({
		page,
		baseURL,
	}, testInfo) => {
		await runRelease(page);
		// Two groups finished (one with an N/A among its sub-steps), one all N/A, one begun.
		await page.goto('/runbooks/twiga-scan/?run=release-1-4-0');
		for (const id of [
			'no-wildcard-in-production-cors-origins',
			'only-production-domains-listed',
			'deploy-to-staging-first',
			'run-smoke-tests',
			'verify-all-features-work',
			'visit-https-your-domain-com',
		])
			await page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`).check();
		for (const id of [
			'check-performance-metrics',
			'access-metrics-endpoint-http-your-domain-com-monitoring',
			'verify-metrics-are-collected',
		]) {
			answer(page, 'not used here');
			await page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-na`).click();
			await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"])`)).toHaveAttribute('data-state', 'na');
		}
		await page.goto('/signoff/twiga-scan/?run=release-1-4-0');
		const box = (id: string) => page.locator(`[data-sheet-step="${id}"] [data-box]`);
		await expect(box('check-cors-configuration')).toHaveText('✓');
		await expect(box('staging-environment')).toHaveText('✓');
		await expect(box('prometheus-metrics')).toHaveText('N/A');
		await expect(box('frontend-accessible')).toHaveText('');
		await expect(page.locator('[data-sheet-step="check-cors-configuration"] [data-initials]')).toHaveText('JD');
		await expect(page.locator('[data-sheet-run]')).toHaveAttribute('data-ready', 'true');

		// The counts, from the runbook: every counted step, 7 done and 4 N/A by JD, the rest open.
		const twiga = runbooks.find((r) => r.id === 'twiga-scan')!;
		const total = sectionsOf(twiga).flatMap((s) => counted(s.steps as Tree[])).length;
		const summary = `7 done · 4 N/A · ${total - 11} open, of ${total} steps · ticked by JD (11)`;
		const runLink = `${baseURL}/runbooks/twiga-scan/?run=release-1-4-0`;
		const shareLink = await page.locator('[data-link="share"] [data-url]').getAttribute('href');
		expect(shareLink).toMatch(new RegExp(`^${baseURL}/runbooks/twiga-scan/#share=[\\w-]+$`));

		for (const paper of ['A4', 'letter'] as const) {
			const { doc, pages } = await printPdf(page, paper);
			const first = squash(pages[0]!.text);
			expect(first).toContain(squash(summary));
			expect(pages[0]!.text).toMatch(/Printed 2026-12-01 02:2\d UTC\+1/);
			expect(first).toContain(squash(runLink));
			const { png, codes } = await readQrCodes(doc, 1, ['This run’s page', 'Share link']);
			// Kept beside the test's results, to look at.
			writeFileSync(testInfo.outputPath(`twiga-scan-${paper}-page-1.png`), png);
			expect(codes[0], `${paper}: the run's QR code`).toBe(runLink);
			expect(codes[1], `${paper}: the share link's QR code`).toBe(shareLink);
			// Group rows print their mark on paper too, and no signature block is split.
			const all = squash(pages.map((p) => p.text).join(' '));
			expect(all).toContain(squash('✓ Check CORS Configuration'));
			const roles = twiga.signoff!.roles.map((r) => squash(`${r.title}NameSignatureDate`));
			expect(pages.some((p) => squash(p.text).includes('Signatures') && roles.every((r) => squash(p.text).includes(r)))).toBe(true);
		}

		// The time printed is the time of printing, taken again as the browser prints.
		await page.clock.fastForward('30:00');
		await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
		await expect(page.locator('[data-printed]')).toHaveText(/^Printed 2026-12-01 02:5\d UTC\+1$/);
		// The new block only: the whole sheet is checked blank above (and takes half a minute).
		const results = await axe(page).include('[data-sheet-run]').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

		// The share link printed opens the run as printed, for anyone.
		await page.goto(shareLink!);
		// The run menu's code loads first: on a loaded 2-core machine that took over 5 s once.
		await expect(page.locator('[data-share-banner]')).toBeVisible({ timeout: 15_000 });
		await expect(page.locator('li:has(> .rs-step-row > [id="staging-environment"])')).toHaveAttribute('data-state', 'done');
		await expect(page.locator('li:has(> .rs-step-row > [id="redis-connectivity"])')).toHaveAttribute('data-state', 'na');
	});
});
