import { answer } from '../support/dialogs.ts';
import { LAPTOP } from '../support/layout.ts';
import { expect, test } from '../support/test.ts';

/**
 * The run bar on a laptop (issue 36): at 1280 px the count ("12/150 done") ran under Next once the
 * row was full, with a run's name in the selector and a three-figure count.
 */
test('at 1280 px the run’s count never runs under Next', async ({ page }) => {
	await page.setViewportSize(LAPTOP);
	await page.goto('/runbooks/yogaflow/');
	const boxes = page.locator('.rs-steps > li > .rs-step-row > .rs-check');
	// Ten steps ticked: a count of two figures over three.
	for (let i = 0; i < 10; i++) await boxes.nth(i).check();
	// And two not applicable, with their reason: the longest count the bar shows.
	for (const i of [20, 21]) {
		await page.locator('.rs-steps > li > .rs-step-row > .rs-na').nth(i).click();
		await answer(page, 'not on this release');
	}
	const text = page.locator('[data-progress-text]');
	await expect(text).toHaveText(/^\d{2}\/\d{3} done · 2 N\/A$/);
	const [count, next, select] = await Promise.all([
		text.evaluate((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return range.getBoundingClientRect().right;
		}),
		page.locator('[data-action="next"]').boundingBox(),
		page.locator('[data-run-select]').boundingBox(),
	]);
	expect(count, 'the count ends before Next starts').toBeLessThanOrEqual(next!.x);
	// The run's name stays readable beside it.
	expect(select!.width).toBeGreaterThanOrEqual(80);
});
