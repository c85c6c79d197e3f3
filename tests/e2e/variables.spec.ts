import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { axe } from '../support/axe.ts';
import { answer } from '../support/dialogs.ts';
import { LAPTOP, PHONE } from '../support/layout.ts';
import { runMenu } from '../support/run-menu.ts';
import { expect, newContext, test } from '../support/test.ts';

const TWIGA = '/runbooks/twiga-scan/';
/** twiga-scan's variables without a default: each is one to fill in. */
const TO_FILL = (parse(readFileSync('content/runbooks/twiga-scan.yaml', 'utf8')) as { variables: { default?: string }[] }).variables.filter(
	(v) => v.default === undefined,
).length;
const field = (page: Page, name: string) => page.locator(`#var--${name}`);
const vars = (page: Page, name: string) => page.locator(`main [data-var="${name}"]`);
const stepEl = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"])`);
const copyButton = (page: Page, id: string) => stepEl(page, id).locator('.expressive-code .copy button').first();
const stored = (page: Page, run = 'default') =>
	page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), `runsheet:run:twiga-scan:${run}`);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const copy = async (page: Page, id: string) => {
	await stepEl(page, id).locator('.expressive-code').first().hover();
	await copyButton(page, id).click();
};

test.describe('runbook variables', () => {
	test('a value fills every step, command and link at once, and is kept with the run', async ({ page }) => {
		await page.goto(TWIGA);
		// As built: each use is a visibly marked placeholder (steps, commands, links).
		const uses = readFileSync('content/runbooks/twiga-scan.yaml', 'utf8').match(/\{\{DOMAIN\}\}/g)!.length;
		await expect(vars(page, 'DOMAIN')).toHaveCount(uses);
		for (const el of await vars(page, 'DOMAIN').all()) {
			await expect(el).toHaveAttribute('data-state', 'unset');
			await expect(el).toHaveText('{{DOMAIN}}');
		}
		await expect(page.locator('[data-vars-count]')).toHaveText(`${TO_FILL} to fill in`);
		const unsetStyle = await vars(page, 'DOMAIN')
			.first()
			.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(unsetStyle).toBe('dashed');

		await field(page, 'DOMAIN').fill('scan.example.org');
		for (const el of await vars(page, 'DOMAIN').all()) {
			await expect(el).toHaveText('scan.example.org');
			await expect(el).toHaveAttribute('data-state', 'ok');
		}
		await expect(stepEl(page, 'visit-https-your-domain-com')).toContainText('Visit https://scan.example.org');
		await expect(page.locator('.rs-resources a', { hasText: 'status.scan.example.org' })).toHaveAttribute(
			'href',
			'https://status.scan.example.org',
		);
		await expect(page.locator('[data-vars-count]')).toHaveText(`${TO_FILL - 1} of ${TO_FILL} not set`);
		expect((await stored(page)).values).toEqual({ DOMAIN: 'scan.example.org' });

		await page.reload();
		await expect(field(page, 'DOMAIN')).toHaveValue('scan.example.org');
		await expect(stepEl(page, 'check-health-endpoints').locator('.expressive-code code')).toContainText(
			'curl http://scan.example.org/health',
		);
	});

	test('values belong to a run: another run has its own, switching back restores them', async ({ page }) => {
		await page.goto(TWIGA);
		await field(page, 'VERSION').fill('2.4.1');
		await expect(stepEl(page, 'tag-images').locator('code')).toContainText('twiga-scan-backend:v2.4.1');
		await runMenu(page, 'new');
		await answer(page, 'Release 2.5.0');
		await expect(field(page, 'VERSION')).toHaveValue('');
		await expect(stepEl(page, 'tag-images').locator('code')).toContainText('twiga-scan-backend:v{{VERSION}}');
		await field(page, 'VERSION').fill('2.5.0');
		await page.locator('[data-run-select]').selectOption('default');
		await expect(field(page, 'VERSION')).toHaveValue('2.4.1');
		await expect(stepEl(page, 'tag-images').locator('code')).toContainText('twiga-scan-frontend:v2.4.1');
		expect((await stored(page, 'release-2-5-0')).values).toEqual({ VERSION: '2.5.0' });
	});

	test('copy gives the filled-in command, and warns when a value is unset or looks wrong', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(TWIGA);
		await copy(page, 'tag-images');
		expect(await clipboard(page)).toBe(
			'docker tag twiga-scan-backend:latest twiga-scan-backend:v{{VERSION}}\ndocker tag twiga-scan-frontend:latest twiga-scan-frontend:v{{VERSION}}',
		);
		await expect(page.locator('[data-status]')).toContainText('Copied, but not ready: {{VERSION}} is not set');

		await field(page, 'VERSION').fill('2.4.1');
		await copy(page, 'tag-images');
		expect(await clipboard(page)).toBe(
			'docker tag twiga-scan-backend:latest twiga-scan-backend:v2.4.1\ndocker tag twiga-scan-frontend:latest twiga-scan-frontend:v2.4.1',
		);

		// A value that breaks the pattern is flagged where it is typed and where it is used.
		await field(page, 'VERSION').fill('v2.4');
		await expect(field(page, 'VERSION')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('[data-var-field="VERSION"] [data-var-message]')).toContainText('expected something like 1.2.0');
		await expect(vars(page, 'VERSION').first()).toHaveAttribute('data-state', 'invalid');
		await expect(page.locator('[data-vars-count]')).toHaveText(`${TO_FILL - 1} of ${TO_FILL} not set`);
		await copy(page, 'tag-images');
		await expect(page.locator('[data-status]')).toContainText('Copied, but check {{VERSION}}');
		expect(await clipboard(page)).toContain('twiga-scan-backend:vv2.4');
	});

	test('a blank value is filled where it is used: the command stays in view, then copies with the value (phone and desktop)', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		// BACKUP_DATE: a rollback step far down the page, its rule from the runbook (\d{8}, like 20231120).
		for (const [viewport, value] of [
			[PHONE, '20240101'],
			[LAPTOP, '20240202'],
		] as const) {
			await page.setViewportSize(viewport);
			await page.goto(TWIGA);
			const command = stepEl(page, 'restore-database').locator('.expressive-code').first();
			const inView = async () => {
				const b = (await command.boundingBox())!;
				return b.y >= 0 && b.y + b.height <= viewport.height;
			};
			await command.scrollIntoViewIfNeeded();
			expect(await inView()).toBe(true);
			await command.locator('[data-var="BACKUP_DATE"]').click();
			const inPlace = stepEl(page, 'restore-database').locator('.expressive-code + [data-var-inplace="BACKUP_DATE"]');
			const input = inPlace.getByRole('textbox', { name: /Backup date/ });
			await expect(input).toBeFocused();
			expect(await inView()).toBe(true);
			// What the panel would say of a value that does not look right is said here.
			await input.fill('2024');
			await expect(inPlace).toContainText('expected something like 20231120');
			await expect(input).toHaveAttribute('aria-invalid', 'true');
			expect((await axe(page).include('[data-var-inplace]').analyze()).violations).toEqual([]);
			await input.fill(value);
			await expect(input).toHaveAttribute('aria-invalid', 'false');
			await input.press('Enter');
			await expect(inPlace).toHaveCount(0);
			await expect(page.locator('li:has(> .rs-step-row > [id="restore-database"]) > .rs-step-row > .rs-check')).toBeFocused();
			await expect(command.locator('[data-var="BACKUP_DATE"]')).toHaveText(value);
			expect(await inView()).toBe(true);
			await copy(page, 'restore-database');
			expect(await clipboard(page)).toBe(`psql -U postgres -d twiga_scan < backup_pre_deploy_${value}.sql`);
			await page.evaluate(() => localStorage.removeItem('runsheet:run:twiga-scan:default'));
		}
	});

	test('a value is text: markup, a second line or a script link cannot come out of it', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto(TWIGA);
		const hostile = '<img src=x onerror=alert(1)>"; rm -rf ~';
		await field(page, 'DOMAIN').fill(hostile);
		await expect(vars(page, 'DOMAIN').first()).toHaveText(hostile);
		await expect(page.locator('main img[src="x"]')).toHaveCount(0);
		// A pasted newline is not a new command line.
		await field(page, 'VERSION').evaluate((el: HTMLInputElement) => {
			el.value = '2.4.1\nrm -rf /';
			el.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await copy(page, 'tag-images');
		expect((await clipboard(page)).split('\n')).toHaveLength(2);
		expect(await clipboard(page)).not.toContain('\nrm -rf');
		// A value that would make a link run script leaves the link without an address.
		await field(page, 'DOMAIN').fill('javascript:alert(1)//');
		await expect(page.locator('.rs-resources a[data-href-template]').first()).not.toHaveAttribute('href', /.+/);
		expect(dialogs).toBe(0);
	});

	test('secret values are used on the page but never stored, shared or exported', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		// The step sits in an option tab: a link to it opens the tab.
		await page.goto('/runbooks/productivity-platform/#create-secrets-update-with-real-values-first');
		await expect(field(page, 'SECRET_KEY')).toHaveAttribute('type', 'password');
		await field(page, 'SECRET_KEY').fill('s3cr3t-value');
		await field(page, 'DOMAIN').fill('app.example.org');
		const secretStep = 'create-secrets-update-with-real-values-first';
		await expect(stepEl(page, secretStep).locator('[data-var="SECRET_KEY"]')).toHaveText('••••••');
		await stepEl(page, secretStep).locator('.expressive-code').first().hover();
		await stepEl(page, secretStep).locator('.copy button').first().click();
		expect(await clipboard(page)).toContain('--from-literal=secret-key="s3cr3t-value"');
		const storage = await page.evaluate(() => JSON.stringify(localStorage));
		expect(storage).toContain('app.example.org');
		expect(storage).not.toContain('s3cr3t');
		const [json] = await Promise.all([page.waitForEvent('download'), runMenu(page, 'export-json')]);
		const exported = readFileSync((await json.path())!, 'utf8');
		expect(JSON.parse(exported).run.values).toEqual({ DOMAIN: 'app.example.org' });
		expect(exported).not.toContain('s3cr3t');
		await runMenu(page, 'share');
		await expect(page.locator('[data-status]')).toContainText('Share link copied');
		const other = await (await newContext(context.browser()!)).newPage();
		await other.goto(await clipboard(page));
		await expect(other.locator('[data-share-banner]')).toBeVisible();
		await expect(other.locator('main [data-var="DOMAIN"]').first()).toHaveText('app.example.org');
		await expect(other.locator('main [data-var="SECRET_KEY"]').first()).toHaveText('{{SECRET_KEY}}');
		await page.reload();
		await expect(field(page, 'SECRET_KEY')).toHaveValue('');
		await expect(stepEl(page, secretStep).locator('[data-var="SECRET_KEY"]')).toHaveText('{{SECRET_KEY}}');
	});

	test('a share link carries the run’s values; the receiver sees them read-only', async ({ page, context, browser }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(TWIGA);
		await field(page, 'DOMAIN').fill('scan.example.org');
		await page.locator('li:has(> .rs-step-row > [id="tag-images"]) > .rs-step-row > .rs-check').check();
		await runMenu(page, 'share');
		await expect(page.locator('[data-status]')).toContainText('Share link copied');
		const link = await clipboard(page);
		const other = await (await newContext(browser)).newPage();
		await other.goto(link);
		await expect(other.locator('[data-share-banner]')).toBeVisible();
		await expect(vars(other, 'DOMAIN').first()).toHaveText('scan.example.org');
		await expect(field(other, 'DOMAIN')).toHaveValue('scan.example.org');
		await expect(field(other, 'DOMAIN')).toBeDisabled();
		await other.getByRole('button', { name: 'Save as a run' }).click();
		await answer(other, 'From chat');
		await expect(field(other, 'DOMAIN')).toBeEnabled();
		await expect(field(other, 'DOMAIN')).toHaveValue('scan.example.org');
		expect(await other.evaluate(() => localStorage.getItem('runsheet:run:twiga-scan:from-chat'))).toContain('scan.example.org');
	});

	test('the printed sheet of a run shows the values used; the blank sheet has write-in lines', async ({ page }) => {
		await page.goto(TWIGA);
		await field(page, 'VERSION').fill('2.4.1');
		await field(page, 'DEVOPS_LEAD_CONTACT').fill('Asha M. +255 700 000 111');
		await page.locator('li:has(> .rs-step-row > [id="tag-images"]) > .rs-step-row > .rs-check').check();
		await runMenu(page, 'print');
		await expect(page).toHaveURL(/\/signoff\/twiga-scan\/\?run=default/);
		const values = page.locator('[data-sheet-value="VERSION"]');
		await expect(values.locator('[data-value]')).toHaveText('2.4.1');
		await expect(page.locator('[data-sheet-step="tag-images"] .sheet-cmd')).toContainText('twiga-scan-backend:v2.4.1');
		await expect(page.locator('[data-sheet-step="check-health-endpoints"] [data-var="DOMAIN"]')).toHaveAttribute('data-state', 'unset');
		// Contacts print once, in the sheet's own block.
		await expect(page.locator('.sheet-contacts')).toHaveCount(0);
		await expect(page.locator('.sheet-emergency')).toContainText('DevOps Lead: Asha M. +255 700 000 111');
		const pdfText = async () => {
			const doc = await getDocument({ data: new Uint8Array(await page.pdf({ preferCSSPageSize: true })), useSystemFonts: false }).promise;
			let text = '';
			for (let n = 1; n <= doc.numPages; n++)
				text += `${((await (await doc.getPage(n)).getTextContent()).items as { str?: string }[]).map((i) => i.str ?? '').join('')}\n`;
			return text;
		};
		expect(await pdfText()).toContain('twiga-scan-backend:v2.4.1');

		await page.locator('[data-run]').selectOption('');
		await expect(values.locator('[data-value]')).toHaveText('');
		const line = await values.locator('[data-value]').evaluate((el) => getComputedStyle(el).borderBottomStyle);
		expect(line).toBe('solid');
		const blankUse = page.locator('[data-sheet-step="tag-images"] [data-var="VERSION"]').first();
		await expect(blankUse).toHaveAttribute('data-state', 'unset');
		expect(await blankUse.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
		expect(await pdfText()).not.toContain('2.4.1');
	});
});

test('the rollback page asks only for the values its procedures use, from the same run', async ({ page }) => {
	await page.goto('/runbooks/spatial-intel/');
	await field(page, 'BACKUP_FILE').fill('backup_20261122.sql');
	await page.goto('/rollback/spatial-intel/');
	// The revision and backup of its database steps, the version its `git checkout` goes back to.
	await expect(page.locator('[data-var-input]')).toHaveCount(3);
	await expect(field(page, 'REVISION')).toHaveValue('');
	await expect(field(page, 'PREVIOUS_VERSION')).toHaveValue('');
	await expect(field(page, 'BACKUP_FILE')).toHaveValue('backup_20261122.sql');
	await expect(page.locator('main [data-var="BACKUP_FILE"]').first()).toHaveText('backup_20261122.sql');
	await field(page, 'BACKUP_FILE').fill('backup_2026.sql');
	await expect(page.locator('[data-var-field="BACKUP_FILE"] [data-var-message]')).toContainText(
		'expected something like backup_20250131.sql',
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the panel explains the placeholders, which stay as written', async ({ page }) => {
		await page.goto(TWIGA);
		await expect(page.locator('[data-vars]')).toContainText('Release version');
		await expect(field(page, 'DOMAIN')).toBeDisabled();
		await expect(field(page, 'DOMAIN')).toHaveAttribute('placeholder', 'e.g. example.com');
		await expect(stepEl(page, 'tag-images').locator('code')).toContainText('twiga-scan-backend:v{{VERSION}}');
	});
});
