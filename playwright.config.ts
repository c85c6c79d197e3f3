import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './tests/support/browser.ts';
import { PORTS } from './tests/support/ports.ts';

const executablePath = findChromium();
if (!executablePath) {
	console.error(NO_BROWSER_MESSAGE);
	process.exit(1);
}

const PORT = PORTS.site;
// The site built from runbooks nobody here wrote (npm run test:imported-site).
const IMPORTED_PORT = PORTS.imported;
const IMPORTED = '.test-sites/imported';
// The site as a plain `astro build` makes it, without speed-ups (npm run test:speed-ups).
const STOCK_PORT = PORTS.stock;
// The bundled runbooks built below a path, as GitHub Pages serves a project (npm run test:base-site).
const BASE_PORT = PORTS.base;
const BASE_PATH = '/ops-runbooks';
// The sites built from the packed package (npm run test:package, tests/package/package.test.ts).
const PACKAGE_SITES = '.test-sites/package';
// Astro's own command, not `npx astro`: npx's start doubled each server's (1.9 → 3.4 s idle), and
// Playwright starts the six one after the other.
const PREVIEW = 'node_modules/.bin/astro preview --host 127.0.0.1';

// Tests run against the built site (`npm run build` first) served by `astro preview`, which
// Playwright starts and stops itself.
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Two at least: Playwright's default, half the cores, is one on a 2-core machine, and the browser
	// waits on the preview servers much of the time.
	workers: Math.max(2, Math.floor(availableParallelism() / 2)),
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	// axe on a 150-step page takes 10-30 s on a 2-core machine running two workers.
	timeout: 90_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		// Pages are served as built; the offline tests (offline.spec.ts) turn the service worker on.
		serviceWorkers: 'block',
		launchOptions: { executablePath, args: CHROMIUM_ARGS },
	},
	// Budgets are timed alone, after everything else and one at a time (workers: 1), so no other
	// test shares the CPU: two budget files side by side read a cached search at 519 ms in CI
	// (150-250 ms alone).
	projects: [
		{ name: 'site', testIgnore: /(budgets|imported|stock|base|package)\.spec\.ts$/ },
		// The sites built from the packed package (npm run test:package): absolute URLs, two sites.
		{ name: 'package', testMatch: /package\.spec\.ts$/ },
		{ name: 'imported', testMatch: /imported\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${IMPORTED_PORT}` } },
		{ name: 'stock', testMatch: /stock\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${STOCK_PORT}` } },
		{ name: 'base', testMatch: /base\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}/` } },
		{ name: 'budgets', testMatch: /budgets\.spec\.ts$/, dependencies: ['site', 'imported', 'stock', 'base', 'package'], workers: 1 },
	],
	webServer: [
		{
			command: `${PREVIEW} --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/runbooks/`,
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			// A second preview of the same project: Astro allows one unless told not to track it.
			command: `${PREVIEW} --port ${IMPORTED_PORT} --ignore-lock`,
			url: `http://127.0.0.1:${IMPORTED_PORT}/runbooks/`,
			env: { RUNSHEET_CONTENT: `${IMPORTED}/runbooks`, RUNSHEET_OUT: `${IMPORTED}/dist` },
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			// Astro's preview serves the site below its base, as the host would.
			command: `${PREVIEW} --port ${BASE_PORT} --ignore-lock --outDir .test-sites/base/dist`,
			url: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}/runbooks/`,
			env: { RUNSHEET_BASE: BASE_PATH },
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			command: `${PREVIEW} --port ${STOCK_PORT} --ignore-lock --outDir .test-sites/stock/dist`,
			url: `http://127.0.0.1:${STOCK_PORT}/runbooks/`,
			reuseExistingServer: false,
			timeout: 60_000,
		},
		// What tests/package built from the packed package: a team's folder and a team's Starlight site.
		...(['team', 'host'] as const).map((site) => ({
			command: `${PREVIEW} --port ${PORTS[site]} --ignore-lock --outDir ${PACKAGE_SITES}/${site}/dist`,
			url: `http://127.0.0.1:${PORTS[site]}/runbooks/`,
			reuseExistingServer: false,
			timeout: 60_000,
		})),
	],
});
