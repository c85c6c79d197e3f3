import { axe } from '../support/axe.ts';
import { expect, test } from '@playwright/test';

const PAGES = [
	'/',
	'/runbooks/',
	'/guides/writing-runbooks/',
	'/guides/schema/',
	'/runbooks/yogaflow/',
	'/runbooks/twiga-scan/',
	'/runbooks/productivity-platform/',
	'/rollback/',
	'/rollback/?q=alembic',
	'/rollback/twiga-scan/',
	'/signoff/yogaflow/',
	'/guides/linking/',
	'/guides/several-responders/',
	// The not-found page as an alert without a runbook turns it (its closest runbooks, the file to add).
	'/alerts/TwigaScanDeployFailed/',
];
// The dark theme differs in colours only: one page of each kind (the big runbooks are built from
// the same components as yogaflow), which keeps the suite's time down.
const DARK_PAGES = [
	'/',
	'/runbooks/',
	'/alerts/TwigaScanDeployFailed/',
	'/guides/schema/',
	'/runbooks/yogaflow/',
	'/rollback/?q=alembic',
	'/rollback/twiga-scan/',
	'/signoff/yogaflow/',
];

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });
		for (const path of scheme === 'light' ? PAGES : DARK_PAGES) {
			test(`axe finds no violations on ${path}`, async ({ page }) => {
				// Axe walks every node: a big runbook takes half a minute on a quiet 2-core machine, more on a busy one.
				if (path.startsWith('/runbooks/') && path !== '/runbooks/') test.slow();
				await page.goto(path);
				// The not-found page fills itself in: axe looks once it has.
				if (path.startsWith('/alerts/')) await page.locator('[data-alert-closest] a').first().waitFor();
				const results = await axe(page, scheme).analyze();
				expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
			});
		}
	});
}
