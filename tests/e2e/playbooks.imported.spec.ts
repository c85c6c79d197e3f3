import type { Page } from '@playwright/test';
import { expect, newContext, test } from '../support/test.ts';

/**
 * Playbooks on the imported site (tests/fixtures/playbooks, imported with the CLI by
 * npm run test:imported-site; its SOURCE.md says what each file is): many alerts in one file, each
 * alert a runbook of its own at /alerts/<Name>/, the file's shared parts a page that keeps every
 * alert heading's old anchor; and folder indexes that are pages, linked from the catalog.
 */

/** A step of the page by the words its source gives it. */
const stepWith = (page: Page, text: string) => page.locator('.rs-steps > li', { has: page.getByText(text, { exact: false }) }).last();
const box = (page: Page, text: string) => stepWith(page, text).locator('input[type="checkbox"]').first();

test.describe('a playbook alert', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('lands from /alerts/<Name>/ on its own content, its first step in view, and keeps its own progress', async ({ page }) => {
		await page.goto('/alerts/QueueConsumerLagHigh/');
		await expect(page).toHaveURL(/\/runbooks\/queue-consumer-lag-high\/$/);
		await expect(page.locator('h1')).toHaveText('QueueConsumerLagHigh');
		// The alert's own words, not the next alert's nor the file's introduction.
		await expect(page.getByText('A consumer group is more than 10,000 messages behind.')).toBeVisible();
		await expect(page.getByText('A broker’s data disk', { exact: false })).toHaveCount(0);
		await expect(page.getByText("A broker's data disk", { exact: false })).toHaveCount(0);
		const first = box(page, 'Find the group that lags');
		await expect(stepWith(page, 'Find the group that lags')).toBeInViewport();
		await first.check();
		await expect(first).toBeChecked();

		// Another alert of the same file: its own steps, none ticked.
		await page.goto('/alerts/QueueBrokerDiskFull/');
		await expect(page).toHaveURL(/\/runbooks\/queue-broker-disk-full\/$/);
		await expect(page.locator('h1')).toHaveText('QueueBrokerDiskFull');
		await expect(box(page, 'Find the broker')).not.toBeChecked();
		await expect(page.locator('.rs-steps > li input[type="checkbox"]:checked')).toHaveCount(0);
		await expect(page.getByText('Find the group that lags')).toHaveCount(0);

		// And the first alert's tick is still its own.
		await page.goto('/alerts/QueueConsumerLagHigh/');
		await expect(box(page, 'Find the group that lags')).toBeChecked();
	});

	test('answers every alert of headings that share one body', async ({ page }) => {
		for (const name of ['StorageVolumeReadOnly', 'StorageVolumeDegraded']) {
			await page.goto(`/alerts/${name}/`);
			await expect(page).toHaveURL(/\/runbooks\/storage-volume-read-only\/$/);
			await expect(
				stepWith(page, 'List the backend’s unhealthy replicas').or(stepWith(page, "List the backend's unhealthy replicas")),
			).toBeVisible();
		}
	});
});

test.describe('an old link into a playbook by an alert heading’s anchor', () => {
	for (const javaScriptEnabled of [true, false])
		test(`arrives at the alert’s heading on the shared page, which leads to its runbook${javaScriptEnabled ? '' : ' (no JavaScript)'}`, async ({
			browser,
		}) => {
			const context = await newContext(browser, { javaScriptEnabled });
			const page = await context.newPage();
			await page.goto('/runbooks/queue-playbook/#queueconsumerlaghigh');
			const heading = page.locator('[id="queueconsumerlaghigh"]');
			await expect(heading).toBeInViewport();
			await expect(heading).toContainText('QueueConsumerLagHigh');
			await page.getByRole('link', { name: 'Open the runbook for QueueConsumerLagHigh' }).click();
			await expect(page).toHaveURL(/\/runbooks\/queue-consumer-lag-high\/$/);
			await expect(page.getByText('A consumer group is more than 10,000 messages behind.')).toBeVisible();
			await context.close();
		});

	test('from another document of the folder goes straight to the alert’s runbook', async ({ page }) => {
		await page.goto('/runbooks/on-call/');
		await page.getByRole('link', { name: 'its playbook section', exact: true }).click();
		await expect(page).toHaveURL(/\/runbooks\/queue-consumer-lag-high\/$/);
	});
});

test.describe('a folder index that is more than a title and a summary', () => {
	test('is a page, linked from its folder’s entry in the catalog; a small index stays the folder’s summary', async ({ page }) => {
		await page.goto('/runbooks/');
		const keys = page.locator('section.rs-system', { has: page.getByRole('heading', { name: 'Keys handbook' }) });
		await keys.getByRole('link', { name: 'Keys handbook' }).first().click();
		await expect(page.locator('h1')).toHaveText('Keys handbook');
		await expect(page.getByText('Only the release role reads them', { exact: false })).toBeVisible();
		await page.goto('/runbooks/');
		const caches = page.locator('section.rs-system', { has: page.getByRole('heading', { name: 'Caches' }) });
		await expect(caches.locator('.rs-system-summary')).toHaveText('The read-through caches in front of the databases.');
		await expect(caches.locator('.rs-system-page')).toHaveCount(0);
	});
});
