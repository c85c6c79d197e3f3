import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import Ajv from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadRunbooks, sectionsOf, stepsOf } from '../support/content.ts';
import { answer } from '../support/dialogs.ts';
import { expect, newContext, test } from '../support/test.ts';

/** True when the element's middle is what a reader sees there: not under a sticky bar. */
async function expectUncovered(locator: Locator) {
	await expect(locator).toBeInViewport();
	const covered = await locator.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + Math.min(box.height / 2, 10));
		return hit && (el.contains(hit) || hit.contains(el)) ? '' : `covered by ${hit?.className || hit?.tagName}`;
	});
	expect(covered).toBe('');
}

const row = (page: Page, id: string) => page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row`);

test.describe('arriving through a link', () => {
	test('a step link scrolls the step below the bars, focuses it and highlights it until the reader acts', async ({ page }) => {
		await page.goto('/runbooks/productivity-platform/#rollback-deployment');
		const step = page.locator('li:has(> .rs-step-row > [id="rollback-deployment"])');
		await expect(step).toHaveClass(/rs-arrived/);
		await expectUncovered(row(page, 'rollback-deployment'));
		await expect(page.locator('li:has(> .rs-step-row > [id="rollback-deployment"]) > .rs-step-row > .rs-check')).toBeFocused();
		await page.waitForTimeout(300);
		await expect(step).toHaveClass(/rs-arrived/);
		await page.mouse.click(5, 400);
		await expect(step).not.toHaveClass(/rs-arrived/);
	});

	test('a section link does the same for its heading', async ({ page }) => {
		await page.goto('/runbooks/twiga-scan/#if-deployment-fails');
		const heading = page.locator('.rs-heading:has(> #if-deployment-fails)');
		await expect(heading).toHaveClass(/rs-arrived/);
		await expectUncovered(page.locator('#if-deployment-fails'));
	});

	test('on a phone, the step lands below the header, the contents bar and the run bar', async ({ browser }) => {
		const context = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		for (const path of ['/runbooks/twiga-scan/#restore-database', '/rollback/yogaflow/#database-rollback']) {
			await page.goto(path);
			const id = path.split('#')[1]!;
			await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"])`)).toHaveClass(/rs-arrived/);
			await expectUncovered(row(page, id));
		}
		await context.close();
	});

	test('a link into a folded section or a hidden option unfolds it', async ({ page }) => {
		await page.goto('/runbooks/spatial-intel/');
		for (const id of [
			'critical-bug-affecting-core-functionality',
			'data-corruption-detected',
			'performance-degradation-50',
			'security-vulnerability-introduced',
		]) {
			await page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`).check();
		}
		const fold = page.locator('[data-section="when-to-rollback"] > .rs-heading .rs-fold');
		await fold.click();
		await expect(page.locator('li:has(> .rs-step-row > [id="data-corruption-detected"])')).toBeHidden();
		await page.evaluate(() => (location.hash = 'data-corruption-detected'));
		await expect(page.locator('li:has(> .rs-step-row > [id="data-corruption-detected"])')).toHaveClass(/rs-arrived/);
		await expectUncovered(row(page, 'data-corruption-detected'));
		await expect(fold).toHaveText('Fold');
		await expect(fold).toHaveAttribute('aria-expanded', 'true');

		await page.goto('/runbooks/productivity-platform/#create-namespace');
		await expect(page.getByRole('tab', { name: /Kubernetes/ })).toHaveAttribute('aria-selected', 'true');
		await expectUncovered(row(page, 'create-namespace'));
	});
});

test.describe('renamed ids keep old links working', () => {
	test('an old step id arrives at the step’s new place, with a notice', async ({ page }) => {
		for (const base of ['/runbooks/twiga-scan/', '/rollback/twiga-scan/']) {
			await page.goto(`${base}#restore-database-if-schema-changed`);
			await expect(page).toHaveURL(new RegExp(`${base}#restore-database$`));
			await expect(page.locator('li:has(> .rs-step-row > [id="restore-database"])')).toHaveClass(/rs-arrived/);
			await expect(page.locator('.rs-arrival-note')).toContainText('old id “restore-database-if-schema-changed”');
			await expectUncovered(row(page, 'restore-database'));
		}
	});

	test('an anchor that leads nowhere says so', async ({ page }) => {
		await page.goto('/runbooks/twiga-scan/#no-such-step');
		await expect(page.locator('.rs-arrival-note')).toContainText('Nothing here is called “no-such-step”');
	});

	test('an old runbook URL redirects, keeping the run and the step', async ({ page }) => {
		await page.goto('/runbooks/twiga-scan-deployment-checklist/?run=incident-42#check-error-rates');
		await expect(page).toHaveURL(/\/runbooks\/twiga-scan\/\?run=incident-42#check-error-rates$/);
		await answer(page, '');
		await expect(page.locator('li:has(> .rs-step-row > [id="check-error-rates"])')).toHaveClass(/rs-arrived/);
		await expect(page.locator('[data-run-select] option:checked')).toContainText('incident-42');
		await page.goto('/rollback/twiga-scan-deployment-checklist/#restore-database');
		await expect(page).toHaveURL(/\/rollback\/twiga-scan\/#restore-database$/);
		await page.goto('/signoff/twiga-scan-deployment-checklist/');
		await expect(page).toHaveURL(/\/signoff\/twiga-scan\/$/);
	});

	test('the redirect works without JavaScript too', async ({ browser }) => {
		const context = await newContext(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/runbooks/twiga-scan-deployment-checklist/');
		await expect(page).toHaveURL(/\/runbooks\/twiga-scan\/$/);
		await context.close();
	});
});

test.describe('machine-readable catalog', () => {
	test('/runbooks.json lists every runbook, section and step, and matches its JSON Schema', async ({ request }) => {
		const catalog = await (await request.get('/runbooks.json')).json();
		const schema = await (await request.get('/catalog.schema.json')).json();
		const ajv = new Ajv({ allErrors: true, strict: false });
		const valid = ajv.validate(schema, catalog);
		expect(ajv.errors ?? [], JSON.stringify(ajv.errors)).toEqual([]);
		expect(valid).toBe(true);
		const runbooks = loadRunbooks();
		expect(catalog.runbooks.map((r: { id: string }) => r.id).sort()).toEqual(runbooks.map((r) => r.id).sort());
		for (const raw of runbooks) {
			const entry = catalog.runbooks.find((r: { id: string }) => r.id === raw.id);
			expect(entry.sections.map((s: { id: string }) => s.id)).toEqual(sectionsOf(raw).map((s) => s.id));
			const steps = entry.sections.flatMap((s: { steps: { id: string; url: string }[] }) => s.steps);
			expect(steps.map((s: { id: string }) => s.id)).toEqual(stepsOf(raw).map((s) => s.id));
			for (const step of steps) expect(step.url).toBe(`${catalog.site}/runbooks/${raw.id}/#${step.id}`);
		}
	});

	test('by default no runbook has a JSON file of its own: /runbooks.json lists them all', async ({ request }) => {
		const catalog = await (await request.get('/runbooks.json')).json();
		expect(catalog.runbooks.length).toBe(loadRunbooks().length);
		for (const entry of catalog.runbooks) expect(entry.urls.data).toBeUndefined();
		expect((await request.get('/runbooks/twiga-scan.json')).status()).toBe(404);
	});
});

test.describe('review staleness', () => {
	// The rule, written out here: due `reviewEveryDays` (or the site default) after lastReviewed.
	const siteDefault = parse(readFileSync('runsheet.config.yaml', 'utf8')).reviewEveryDays as number;
	const due = (id: string) => {
		const yaml = parse(readFileSync(`content/runbooks/${id}.yaml`, 'utf8'));
		const last = new Date(`${yaml.lastReviewed}T00:00:00Z`);
		last.setUTCDate(last.getUTCDate() + (yaml.reviewEveryDays ?? siteDefault));
		return last.toISOString().slice(0, 10);
	};

	test('overdue runbooks show a notice with their owners, and the catalog lists them', async ({ page }) => {
		const today = new Date().toISOString().slice(0, 10);
		const ids = loadRunbooks().map((r) => r.id);
		const overdue = ids.filter((id) => due(id) <= today);
		expect(overdue).toContain('spatial-intel');
		await page.goto('/runbooks/');
		const listed = await page.locator('[data-overdue] li:visible a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(listed.sort()).toEqual(overdue.map((id) => `/runbooks/${id}/`).sort());
		await expect(page.locator('[data-overdue]')).toContainText('Spatial Intel team');
		for (const id of ids) {
			await page.goto(`/runbooks/${id}/`);
			const notice = page.locator('.rs-review');
			if (overdue.includes(id)) await expect(notice).toContainText(`Review overdue since ${due(id)}`);
			else await expect(notice).toBeHidden();
		}
	});

	test('a review that falls due after the build shows up without a rebuild', async ({ page }) => {
		await page.clock.install({ time: new Date('2031-01-01T09:00:00Z') });
		await page.goto('/runbooks/');
		await expect(page.locator('[data-overdue] li:visible')).toHaveCount(loadRunbooks().length);
		await page.goto('/runbooks/yogaflow-launch/');
		await expect(page.locator('.rs-review')).toBeVisible();
	});
});
