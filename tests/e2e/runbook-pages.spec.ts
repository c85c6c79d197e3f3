import { expect, test } from '@playwright/test';
import { loadRunbooks, sectionsOf, stepsOf } from '../support/content.ts';

const runbooks = loadRunbooks();

test('the bundled runbooks are all there', () => {
	expect(runbooks.map((r) => r.id).sort()).toEqual(['productivity-platform', 'spatial-intel', 'twiga-scan', 'yogaflow', 'yogaflow-launch']);
});

for (const runbook of runbooks) {
	test(`${runbook.id}: every step is a checkbox tied to its text, every section and step has its id`, async ({ page }) => {
		await page.goto(`/runbooks/${runbook.id}/`);
		await expect(page.locator('h1')).toHaveText(runbook.title);
		const steps = stepsOf(runbook);
		expect(steps.length).toBeGreaterThan(50);
		await expect(page.locator('.rs-steps > li')).toHaveCount(steps.length);
		await expect(page.locator('.rs-steps > li > .rs-step-row > input[type=checkbox].rs-check')).toHaveCount(steps.length);

		// A step's id is on its text, once: it names the step's controls and is where a link to it
		// arrives; the item itself carries no copy of it (a third copy of every id was 6.6 KB of this page).
		const ids = await page.locator('.rs-steps > li').evaluateAll((els) =>
			els.map((el) => {
				const { id } = el.querySelector(':scope > .rs-step-row > .rs-step-text')!;
				return [id, [...el.attributes].some((a) => a.value.includes(id))];
			}),
		);
		expect(ids).toEqual(steps.map((s) => [s.id, false]));
		for (const section of sectionsOf(runbook)) {
			await expect(page.locator(`[id="${section.id}"]`), section.id).toHaveCount(1);
		}
		// Each checkbox's accessible name is its step text, which lives outside any <label> so that
		// Pagefind indexes it; the box itself is left out of the index.
		const first = steps[0]!;
		const box = page.locator(`li:has(> .rs-step-row > [id="${first.id}"]) > .rs-step-row > .rs-check`);
		const name = (await page.locator(`[id="${first.id}"]`).innerText()).trim();
		await expect(box).toHaveAccessibleName(name);
		await expect(page.getByRole('checkbox', { name, exact: true }).first()).toBeVisible();
		// Pagefind takes an element's text, its id (as an anchor) and the attributes named by
		// data-pagefind-* (it reads no title): a box has none of them, so data-pagefind-ignore on it
		// did nothing and it carries none. The index holds no box's words (a group box's title).
		expect(
			await box.evaluate((el) => [el.textContent, el.id, el.getAttributeNames().filter((a) => a.startsWith('data-pagefind'))]),
		).toEqual(['', '', []]);
		const indexed = await page.evaluate(async () => {
			// @ts-expect-error: served by the built site
			const pagefind = await import('/pagefind/pagefind.js');
			const search = await pagefind.search('ticking');
			const pages = await Promise.all(search.results.map((r: { data: () => Promise<{ content: string }> }) => r.data()));
			return pages.filter((p) => p.content.includes('Ticking this ticks')).length;
		});
		expect(indexed).toBe(0);
		expect(await page.locator('label .rs-steps > li, label .rs-step-text').count()).toBe(0);
		// Every section and step offers a visible link to itself.
		await expect(page.locator(`li:has(> .rs-step-row > [id="${first.id}"]) .rs-anchor`).first()).toHaveAttribute('href', `#${first.id}`);
		await expect(page.locator(`li:has(> .rs-step-row > [id="${first.id}"]) .rs-anchor`).first()).toBeVisible();
	});
}

test('the sign-off block lists the roles from the data', async ({ page }) => {
	const runbook = runbooks.find((r) => r.id === 'twiga-scan')!;
	await page.goto('/runbooks/twiga-scan/');
	const rows = page.locator('.rs-signatures tbody th');
	await expect(rows).toHaveText(runbook.signoff!.roles.map((r) => r.title));
	await expect(page.locator('.rs-record')).toContainText('Successful');
	await expect(page.locator('.rs-record')).toContainText('Rolled Back');
});

test('a step link puts the step in view below the sticky header', async ({ page }) => {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 },
	]) {
		await page.setViewportSize(viewport);
		await page.goto('/runbooks/spatial-intel/#restore-database-backup');
		const step = page.locator('[id="restore-database-backup"]');
		await expect(step).toBeInViewport();
		const header = await page.locator('header.header').boundingBox();
		const box = await step.boundingBox();
		expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
		expect(box!.y).toBeLessThan(viewport.height / 2);
	}
});

test('a section link puts the section heading in view', async ({ page }) => {
	await page.goto('/runbooks/productivity-platform/#quick-rollback-kubernetes');
	await expect(page.locator('[id="quick-rollback-kubernetes"]')).toBeInViewport();
});

test('alternatives become keyboard-operable tabs, and a link to an option opens it', async ({ page }) => {
	await page.goto('/runbooks/yogaflow/');
	const group = page.locator('[data-alternatives="deploy-backend"]');
	const tabs = group.getByRole('tab');
	await expect(tabs).toHaveText(['Option A: Docker Compose', 'Option B: Systemd Service', 'Option C: Manual']);
	await expect(group.locator('[id="docker-compose"]')).toBeVisible();
	await expect(group.locator('[id="systemd-service"]')).toBeHidden();
	await tabs.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(tabs.nth(1)).toBeFocused();
	await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
	await expect(group.locator('[id="systemd-service"]')).toBeVisible();
	await expect(group.locator('[id="docker-compose"]')).toBeHidden();

	await page.goto('/runbooks/yogaflow/#nginx');
	await expect(page.locator('[id="nginx"]')).toBeVisible();
});

test('commands come with a copy button', async ({ page }) => {
	await page.goto('/runbooks/yogaflow/#database-backup');
	const step = page.locator('li:has(> .rs-step-row > [id="database-backup"])');
	await expect(step.locator('pre')).toContainText('pg_dump -h localhost');
	await expect(step.getByRole('button', { name: /copy/i })).toHaveCount(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the runbook reads, shows every option and says progress is not kept', async ({ page }) => {
		await page.goto('/runbooks/yogaflow/');
		await expect(page.locator('.rs-noscript')).toBeVisible();
		await expect(page.locator('.rs-noscript')).toContainText('not kept');
		await expect(page.locator('[id="docker-compose"]')).toBeVisible();
		await expect(page.locator('[id="systemd-service"]')).toBeVisible();
		await expect(page.locator('.rs-steps > li')).toHaveCount(stepsOf(runbooks.find((r) => r.id === 'yogaflow')!).length);
		// No control that could do nothing: N/A comes with the page script (client/run/step-controls.ts).
		await expect(page.locator('.rs-na')).toHaveCount(0);
		await expect(page.locator('.rs-steps > li').getByRole('button')).toHaveCount(0);
	});
	test('a link to a step still arrives at it; the step rows’ own link marks come with the page script, the sections’ are written in the page', async ({
		page,
	}) => {
		await page.goto('/runbooks/spatial-intel/#restore-database-backup');
		await expect(page.locator('[id="restore-database-backup"]')).toBeInViewport();
		// 113 bytes a step in the page (client/run/step-controls.ts): 18 KB of yogaflow's.
		await expect(page.locator('.rs-step-row > .rs-anchor')).toHaveCount(0);
		await expect(page.locator('.rs-heading > .rs-anchor').first()).toHaveAttribute('href', /^#[a-z0-9-]+$/);
	});
});

test('at phone width nothing overflows sideways', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const runbook of runbooks) {
		await page.goto(`/runbooks/${runbook.id}/`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, runbook.id).toBeLessThanOrEqual(0);
	}
});
