/**
 * The sites built from the packed package, installed outside the repository (tests/package/):
 * a team's folder built with `npx runsheet build runbooks/`, and a team's own Starlight site with
 * the Runsheet plugin. Served by playwright.config.ts from .test-sites/package/.
 */
import type { Page } from '@playwright/test';
import { PORTS } from '../support/ports.ts';
import { searchIndex } from '../support/search.ts';
import { expect, test } from '../support/test.ts';

const TEAM = `http://127.0.0.1:${PORTS.team}`;
const HOST = `http://127.0.0.1:${PORTS.host}`;
const box = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`);

test.describe('a team folder built with npx runsheet build', () => {
	test('a tick is kept, the sign-off sheet opens with it, and search finds a step', async ({ page }) => {
		await page.goto(`${TEAM}/runbooks/yogaflow/`);
		await expect(page.locator('.site-title')).toContainText('Acme Ops Runbooks');
		await box(page, 'secret-key-set-to-strong-random-value-64-chars').check();
		await page.reload();
		await expect(box(page, 'secret-key-set-to-strong-random-value-64-chars')).toBeChecked();

		await page.locator('[data-sheet-link]').click();
		await expect(page).toHaveURL(/\/signoff\/yogaflow\//);
		await expect(page.locator('h1')).toContainText('YogaFlow');

		// A command of a Markdown runbook, read through the importer at build time.
		const hits = await searchIndex(page, 'helm history payments');
		expect(hits.map((hit) => hit.url)).toContainEqual(expect.stringMatching(/^\/runbooks\/[^/]+\/$/));
	});

	test('the config’s links are in the sidebar', async ({ page }) => {
		await page.goto(`${TEAM}/runbooks/`);
		await expect(page.getByRole('link', { name: 'Status page' }).first()).toHaveAttribute('href', 'https://status.acme.example');
		await expect(page.getByRole('link', { name: 'Incident channel' }).first()).toHaveAttribute(
			'href',
			'https://chat.acme.example/incidents',
		);
	});
});

test.describe('a team’s Starlight site with the Runsheet plugin', () => {
	test('its own pages and the runbook pages are both there, and search finds both', async ({ page }) => {
		await page.goto(`${HOST}/guides/onboarding/`);
		await expect(page.locator('.site-title')).toContainText('Acme Docs');
		await expect(page.getByRole('link', { name: 'Onboarding' }).first()).toBeVisible();
		await page.getByRole('link', { name: 'Runbooks', exact: true }).first().click();
		await expect(page).toHaveURL(`${HOST}/runbooks/`);
		await expect(page.locator('main a[href="/runbooks/twiga-scan/"]').first()).toBeAttached();
		await page.goto(`${HOST}/runbooks/twiga-scan/`);
		await expect(page).toHaveURL(/\/runbooks\/twiga-scan\/$/);
		await expect(page.locator('.site-title')).toContainText('Acme Docs');

		expect((await searchIndex(page, 'marsupial')).map((hit) => hit.url)).toEqual(['/guides/onboarding/']);
		expect((await searchIndex(page, 'stop accepting new traffic')).map((hit) => hit.url)).toContainEqual('/rollback/twiga-scan/');
		// A site of one runbook counts it as one ("1 rollback procedures in 1 runbooks" before).
		await page.goto(`${HOST}/rollback/`);
		await expect(page.locator('main p').first()).toContainText('1 rollback procedure in 1 runbook.');
	});
});
