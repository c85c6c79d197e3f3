import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadRunbooks, stepsOf } from '../support/content.ts';
import { expect, test } from '../support/test.ts';

/**
 * Expected results (`expect:` on a step): beside the step on the runbook page, and on the sheet
 * as a form's "Expected / Actual". The lint findings note is for maintainers: off on this site.
 */
const runbook = loadRunbooks().find((r) => r.id === 'twiga-scan')!;
const expecting = stepsOf(runbook).filter((step) => step.expect);
/** Inline Markdown as it reads: no code marks. */
const plain = (markdown: string) => markdown.replace(/`/g, '');
const squash = (text: string) => text.replace(/\s+/g, '');

test('the page shows each step’s expected result under its text', async ({ page }) => {
	expect(expecting.length).toBeGreaterThan(3);
	await page.goto('/runbooks/twiga-scan/');
	for (const step of expecting) {
		const shown = page.locator(`li:has(> .rs-step-row > [id="${step.id}"]) > .rs-expect`);
		await expect(shown).toHaveText(`Expect: ${plain(step.expect!)}`);
		// Under the step's own row, before its commands.
		const [row, expectBox] = await Promise.all([
			page.locator(`li:has(> .rs-step-row > [id="${step.id}"]) > .rs-step-row`).boundingBox(),
			shown.boundingBox(),
		]);
		expect(expectBox!.y).toBeGreaterThanOrEqual(row!.y + row!.height - 1);
	}
	// Off for readers unless the site's settings turn it on.
	await expect(page.locator('.rs-lint')).toHaveCount(0);
});

test('the printed sheet gives each expected result with a line for the actual one', async ({ page }) => {
	await page.goto('/signoff/twiga-scan/');
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	let text = '';
	for (let n = 1; n <= doc.numPages; n++) {
		const items = (await (await doc.getPage(n)).getTextContent()).items as { str?: string }[];
		text += items.map((i) => i.str ?? '').join(' ');
	}
	for (const step of expecting) expect(squash(text)).toContain(squash(`Expected: ${plain(step.expect!)} Actual:`));
	// The actual is written by hand: a line as wide as a few words.
	const line = await page.locator(`[data-sheet-step="${expecting[0]!.id}"] .sheet-actual-line`).boundingBox();
	expect(line!.width).toBeGreaterThan(80);
});
