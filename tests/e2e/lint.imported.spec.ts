import { spawnSync } from 'node:child_process';
import { expect, test } from '../support/test.ts';

/**
 * The imported site (npm run test:imported-site) holds tests/fixtures/lint/payments-restore.yaml
 * as `npm run lint:runbooks -- --fix` left it, and its settings show lint findings on pages.
 */
const FILE = '.test-sites/imported/runbooks/lint/payments-restore.yaml';
const PAGE = '/runbooks/payments-restore/';

test('the runbook --fix wrote builds: its commands fill in from the new variables', async ({ page }) => {
	await page.goto(PAGE);
	const restore = page.locator('li:has(> .rs-step-row > [id="restore-backup"]) .expressive-code code');
	// A host keeps working as written (the variable's default); a date is chosen per run.
	await expect(restore).toContainText('pg_restore -h db1.payments.internal -d payments');
	await expect(restore).toContainText('payments_{{BACKUP_DATE}}.dump');
	await page.locator('#var--BACKUP_DATE').fill('20261130');
	await expect(restore).toContainText('pg_restore -h db1.payments.internal -d payments payments_20261130.dump');
	await page.locator('#var--PREVIOUS_VERSION').fill('2.4.0');
	await expect(page.locator('li:has(> .rs-step-row > [id="redeploy"]) .expressive-code code')).toContainText(
		'helm upgrade payments ./chart --version 2.4.0 --set image.tag=v2.4.0',
	);
});

test('the site’s settings show the lint findings on the page, each linked to its step', async ({ page }) => {
	const cli = spawnSync(process.execPath, ['scripts/lint-runbooks.ts', FILE, '--format', 'json'], { encoding: 'utf8' });
	const { findings } = JSON.parse(cli.stdout) as { findings: { rule: string; path: string }[] };
	expect(findings.length).toBeGreaterThan(3);
	await page.goto(PAGE);
	const note = page.locator('details.rs-lint');
	await expect(note.locator('summary')).toContainText(`${findings.length} lint findings`);
	// Closed until a maintainer opens it.
	await expect(note.locator('li').first()).toBeHidden();
	await note.locator('summary').click();
	await expect(note.locator('li')).toHaveCount(findings.length);
	expect((await note.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule')))).sort()).toEqual(
		findings.map((f) => f.rule).sort(),
	);
	const stop = note.locator('li[data-rule="step-without-instruction"] a');
	await expect(stop).toHaveText('Stop writes');
	await stop.click();
	await expect(page).toHaveURL(/#stop-writes$/);
	await expect(page.locator('#stop-writes')).toBeInViewport();
});
