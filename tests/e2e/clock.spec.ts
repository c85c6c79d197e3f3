import { expect, test } from '../support/test.ts';

/**
 * The monitoring clock (issue "The run is the record"): spatial-intel's Hour 1, Hour 4 and Hour
 * 24 checks are due that long after the deployment, which is the last tick before them.
 */
const DEPLOYED = new Date('2026-12-01T01:21:00Z');
const due = (page: import('@playwright/test').Page, section: string) => page.locator(`[data-section="${section}"] .rs-due`);

test.describe('the monitoring clock', () => {
	test.use({ timezoneId: 'Europe/Berlin' });

	test('says when each check is due, overdue or done, names the next in the run bar, and prints the clock times', async ({ page }) => {
		await page.clock.install({ time: DEPLOYED });
		await page.goto('/runbooks/spatial-intel/');
		// Before the deployment: the schedule as the data says it.
		await expect(due(page, 'hour-4')).toHaveText('4 h after deployment');
		await page.locator('li:has(> .rs-step-row > [id="clear-cdn-cache"]) > .rs-step-row > .rs-check').check();
		// The tick's time, beside the step, with its date and zone.
		await expect(page.locator('li:has(> .rs-step-row > [id="clear-cdn-cache"]) .rs-step-row')).toHaveAttribute(
			'data-stamp',
			'✓ 2026-12-01 02:21 UTC+1',
		);
		await expect(due(page, 'hour-1')).toHaveText('due in 1 h');
		await expect(due(page, 'hour-24')).toHaveText('due in 24 h');
		await expect(page.locator('[data-next-due]')).toHaveText('Hour 1: due in 1 h');

		// Two hours on: Hour 1 is late, Hour 4 comes.
		await page.clock.fastForward('02:00:00');
		await expect(due(page, 'hour-1')).toHaveText('overdue by 1 h');
		await expect(due(page, 'hour-1')).toHaveAttribute('data-state', 'overdue');
		await expect(due(page, 'hour-4')).toHaveText('due in 2 h');
		await expect(page.locator('[data-next-due]')).toHaveText('Hour 1: overdue by 1 h');

		// Hour 1 done: the run bar moves on to Hour 4.
		for (const box of await page.locator('[data-section="hour-1"] .rs-check').all()) await box.check();
		await expect(due(page, 'hour-1')).toHaveText('done');
		await expect(page.locator('[data-next-due]')).toHaveText('Hour 4: due in 2 h');

		// Opened again later: the same state from the stored ticks, once the reader touches the page.
		await page.clock.fastForward('02:02:00');
		await page.reload();
		await page.mouse.wheel(0, 200);
		await expect(due(page, 'hour-4')).toHaveText('due now');
		await expect(due(page, 'hour-1')).toHaveText('done');

		// The sheet prints when each check is due, with date and zone.
		await page.goto('/signoff/spatial-intel/?run=default');
		const dues = page.locator('[data-sheet-due]');
		await expect(dues.nth(0)).toHaveText('(due 2026-12-01 03:21 UTC+1)');
		await expect(dues.nth(1)).toHaveText('(due 2026-12-01 06:21 UTC+1)');
		await page.locator('[data-run]').selectOption('');
		await expect(dues.nth(1)).toHaveText('(4 h after deployment)');
	});
});

test.describe('the monitoring clock follows the run', () => {
	test.use({ timezoneId: 'Europe/Berlin', hasTouch: true });
	const HOUR_1 = [
		'monitor-error-rates-should-be-0-1',
		'monitor-response-times-p95-1-second',
		'check-memory-usage-is-stable',
		'verify-no-database-connection-leaks',
	];
	const HOUR_4 = [
		'review-logs-for-any-warnings',
		'check-backup-job-completed-successfully',
		'verify-session-cleanup-is-working',
		'monitor-disk-space-usage',
	];

	test('a tick made with the x key, or by tapping a step’s text, redraws the clock at once, not at its next 30 s round', async ({
		page,
	}) => {
		await page.clock.install({ time: DEPLOYED });
		await page.goto('/runbooks/spatial-intel/');
		// The clock comes with the first gesture; the deployment is ticked.
		await page.mouse.wheel(0, 200);
		await page.locator('li:has(> .rs-step-row > [id="clear-cdn-cache"]) > .rs-step-row > .rs-check').check();
		await expect(due(page, 'hour-1')).toHaveText('due in 1 h');
		// From here the page's time stands still: only a redraw that follows the tick itself shows it.
		await page.clock.pauseAt(new Date(DEPLOYED.getTime() + 60_000));

		for (const id of HOUR_1) {
			await page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`).focus();
			await page.keyboard.press('x');
			await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`)).toBeChecked();
		}
		await expect(due(page, 'hour-1')).toHaveText('done');
		await expect(page.locator('[data-next-due]')).toHaveText(/^Hour 4: /);

		for (const id of HOUR_4) {
			await page.locator(`li:has(> .rs-step-row > [id="${id}"]) .rs-step-text`).tap();
			await expect(page.locator(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row > .rs-check`)).toBeChecked();
		}
		await expect(due(page, 'hour-4')).toHaveText('done');
		await expect(page.locator('[data-next-due]')).toHaveText(/^Hour 24: /);
	});
});
