import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/test.ts';
import { HOSTILE_FOLDER_NAME } from '../support/fixtures.ts';
import { openSearchBox } from '../support/search.ts';

/**
 * Hostile input (tests/fixtures/hostile, issue 33): markup in names is shown as text by every
 * library that draws it (Starlight, Expressive Code, Pagefind's search box) and never runs; only
 * the files a runbook links, of the kinds allowed, are published.
 */

// As the fixtures write them: a YAML `system`, a Markdown `service:`, an `_index.md` H1, a folder's name.
const SYSTEMS = [
	'Sys<img src=x onerror=alert(1)>',
	'Svc<img src=x onerror=alert(window.pwned=2)>',
	'Idx<img src=x onerror=alert(window.pwned=3)>',
	HOSTILE_FOLDER_NAME,
];
// tests/fixtures/hostile/markup/quokka-markup.yaml
const TITLE = 'Quokka <img src=x onerror=alert(window.pwned=11)> restart';
const SUMMARY = 'Restarts quokka <img src=x onerror=alert(window.pwned=12)> safely.';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every dialog the page opens (a payload's `alert`), dismissed and kept. */
function dialogsOf(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	return dialogs;
}

/** Nothing ran: no dialog, no global a payload sets, no image a payload makes (`<img src=x>`). */
async function expectNothingRan(page: Page, dialogs: string[]) {
	expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	expect(dialogs).toEqual([]);
}

test.describe('markup in names', () => {
	test('shows as text on the page and in the search box’s results and filters, and never runs', async ({ page }) => {
		const dialogs = dialogsOf(page);
		await page.goto('/runbooks/quokka-markup/');
		// Starlight: the title, the tab's title and the description; "On this page"; Expressive Code's frame title.
		await expect(page.locator('h1')).toHaveText(TITLE);
		expect(await page.title()).toContain(TITLE);
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', SUMMARY);
		await expect(page.locator('runsheet-toc a').filter({ hasText: 'Restart <img' })).toHaveText(
			'Restart <img src=x onerror=alert(window.pwned=16)> quokka',
		);
		await expect(page.locator('.expressive-code .frame .title').first()).toHaveText('<img src=x onerror=alert(window.pwned=18)> quokka.sh');
		await expect(page.locator('.expressive-code pre').nth(1)).toHaveText(
			'echo "<img src=x onerror=alert(window.pwned=19)>" > /tmp/quokka.html',
		);
		await expect(page.locator('.rs-meta dd').first()).toHaveText(SYSTEMS[0]!);

		// Pagefind's search box: a result's title and meta as text; the filters, which it draws as HTML.
		const box = await openSearchBox(page);
		const dialog = page.getByRole('dialog', { name: 'Search' });
		const titles = dialog.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title > a');
		await box.fill('helm rollback quokka');
		await expect(dialog.locator('[data-pagefind-ui-meta="runbook"]').first()).toHaveText(`Runbook: ${TITLE}`);
		await box.fill('quokka restart');
		await expect(titles.first()).toHaveText(TITLE);
		await box.fill('quokka');
		const system = dialog.locator('.pagefind-ui__filter-block').filter({ has: page.locator('summary', { hasText: /^System$/ }) });
		await system.locator('summary').click();
		const labels = system.locator('.pagefind-ui__filter-label');
		// "<name> (<count of pages>)"
		for (const name of SYSTEMS) await expect(labels.filter({ hasText: name })).toHaveText(new RegExp(`^${escapeRegExp(name)} \\(\\d+\\)$`));
		await expect(dialog.locator('.pagefind-ui__filter-panel img')).toHaveCount(0);
		// A value chosen finds its runbook.
		await labels.filter({ hasText: SYSTEMS[1]! }).click();
		await expect(titles).toHaveText(['Quokka queue drain']);
		await expectNothingRan(page, dialogs);
	});

	test('filter the rollback finder’s step hits, and its hits name their runbook as text', async ({ page }) => {
		const dialogs = dialogsOf(page);
		await page.goto(`/rollback/?system=${encodeURIComponent(SYSTEMS[0]!)}`);
		await expect(page.locator('[data-finder-system]')).toHaveValue(SYSTEMS[0]!);
		await page.getByLabel('Search rollback steps').fill('helm rollback quokka');
		const hit = page.locator('[data-finder-result-list] > li');
		await expect(hit).toHaveCount(1);
		await expect(hit.locator('a')).toHaveText('Roll back the quokka release with helm');
		await expect(hit.locator('.rs-hit-where')).toHaveText(`${TITLE} · Roll back quokka`);
		await expectNothingRan(page, dialogs);
	});
});

test.describe('files beside the runbooks', () => {
	// tests/fixtures/hostile/ops: a diagram and a PDF linked from quokka-failover.md, a text file
	// from quokka-markup.yaml; an unlinked diagram, a kubeconfig and prod.env.txt beside them.
	test('only those a runbook links, of the kinds allowed, are published', async ({ page }) => {
		const published = readdirSync('.test-sites/imported/dist/runbook-files', { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name).replace('.test-sites/imported/dist/runbook-files/', ''))
			.sort();
		// The corpora's own images are published too (tests/e2e/corpora.imported.spec.ts); of every kind,
		// only those allowed.
		expect(published.filter((file) => !/\.(png|jpe?g|gif|webp|pdf|txt|csv|json|sh|sql|log)$/i.test(file))).toEqual([]);
		expect(published.filter((file) => /^(hostile|team)\//.test(file))).toEqual([
			'hostile/ops/diagram.png',
			'hostile/ops/failover.pdf',
			'hostile/ops/quokka-checklist.txt',
			'team/payments/images/dashboard.png',
		]);
		for (const [file, type] of [
			['diagram.png', 'image/png'],
			['failover.pdf', 'application/pdf'],
			['quokka-checklist.txt', 'text/plain'],
		] as const) {
			const response = await page.request.get(`/runbook-files/hostile/ops/${file}`);
			expect(response.status(), file).toBe(200);
			expect(response.headers()['content-type'], file).toContain(type);
		}
		for (const file of ['diagram-unlinked.png', 'kubeconfig', 'prod.env.txt'])
			expect((await page.request.get(`/runbook-files/hostile/ops/${file}`)).status(), file).toBe(404);

		await page.goto('/runbooks/quokka-failover/');
		const diagram = page.getByRole('img', { name: 'Quokka failover' });
		await expect(diagram).toBeVisible();
		expect(await diagram.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
		await expect(page.locator('main a', { hasText: 'failover plan' })).toHaveAttribute('href', '/runbook-files/hostile/ops/failover.pdf');
	});
});
