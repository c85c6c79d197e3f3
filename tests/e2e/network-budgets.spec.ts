import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { parse } from 'yaml';
import { PHONE } from '../support/layout.ts';
import { slowNetwork } from '../support/network.ts';
import { serveStatic } from '../support/static-server.ts';
import { expect, newContext, test } from '../support/test.ts';

/**
 * Search and the first step on a bad network: Chromium's "Fast 3G" (562.5 ms round trip,
 * 1.44 Mbit/s down), the built site served compressed by a plain static host. Timed alone with
 * the other budgets. Figures are printed for the closing note and docs/performance.md.
 */
test.use({ serviceWorkers: 'allow' });

/** How long a reader reads the finder before typing: the page fetches search meanwhile. */
const READING_MS = 3000;
const QUERY = 'restore database backup';

/** A page on a fresh phone over Fast 3G: no service worker, nothing cached. */
async function coldPhone(browser: Browser) {
	const context = await newContext(browser, { serviceWorkers: 'block', viewport: PHONE });
	const page = await context.newPage();
	await slowNetwork(page);
	return { context, page };
}

/** From typing the query to the first hit on screen, in ms. */
async function timeToFirstHit(page: Page): Promise<number> {
	const started = Date.now();
	await page.getByLabel('Search rollback steps').fill(QUERY);
	await page.locator('[data-finder-result-list] > li > a').first().waitFor({ state: 'visible', timeout: 20_000 });
	return Date.now() - started;
}

/**
 * Times, in the page, from the first key pressed to the first element matching each selector,
 * whatever the test's own round trips cost; `read()` gives them in ms, by name.
 */
async function timeFromKeystroke(page: Page, selectors: Record<string, string>) {
	await page.addInitScript((wanted) => {
		const times: Record<string, number> = {};
		(window as { keystrokeTimes?: Record<string, number> }).keystrokeTimes = times;
		addEventListener('keydown', () => (times.key ??= performance.now()), { capture: true });
		new MutationObserver(() => {
			for (const [name, selector] of Object.entries(wanted))
				if (times[name] === undefined && document.querySelector(selector)) times[name] = performance.now();
		}).observe(document, { childList: true, subtree: true });
	}, selectors);
	return {
		read: async (): Promise<Record<string, number>> => {
			const times = await page.evaluate(() => (window as unknown as { keystrokeTimes: Record<string, number> }).keystrokeTimes);
			return Object.fromEntries(Object.keys(selectors).map((name) => [name, Math.round(times[name]! - times.key!)]));
		},
	};
}

let server: Awaited<ReturnType<typeof serveStatic>>;
test.beforeAll(async () => {
	// RUNSHEET_NETWORK_DIST measures another build the same way (an earlier one, for comparison).
	server = await serveStatic(process.env.RUNSHEET_NETWORK_DIST ?? 'dist');
});
test.afterAll(async () => server.close());

test('on a phone over Fast 3G the rollback finder’s first hit comes within 1.5 s of typing, at once on a later visit', async ({
	browser,
}) => {
	// A first visit: no service worker yet, every file over the slow network (the worker's own
	// requests escape Chromium's network emulation, so it is kept out of this measure).
	const { context: first, page } = await coldPhone(browser);
	await page.goto(`${server.origin}/rollback/`);
	await page.waitForTimeout(READING_MS);
	const cold = await timeToFirstHit(page);
	await first.close();

	// A later visit: what the first one kept, with the network down, so nothing but the cache answers.
	const context = await newContext(browser, { viewport: PHONE });
	const warmUp = await context.newPage();
	await warmUp.goto(`${server.origin}/rollback/`);
	await warmUp.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
	// A visit the worker serves keeps the finder and its search (the first came before the worker).
	await warmUp.reload();
	await timeToFirstHit(warmUp);
	await context.setOffline(true);
	const later = await context.newPage();
	await later.goto(`${server.origin}/rollback/`);
	await later.waitForTimeout(READING_MS);
	const warm = await timeToFirstHit(later);
	console.log(
		`Fast 3G, rollback finder, "${QUERY}": first visit ${cold} ms, later visit ${warm} ms from the cache (typing to first hit, after ${READING_MS} ms reading)`,
	);
	expect(cold).toBeLessThanOrEqual(1500);
	expect(warm).toBeLessThanOrEqual(500);
	await context.close();
});

test('on a phone over Fast 3G, cold, the rollback finder answers within 1.5 s of the first keystroke, with no reading first', async ({
	browser,
}) => {
	// A responder who types as soon as the search box shows: the page's own list answers (steps by
	// the words of their ids), Pagefind's hits follow once its files are here.
	const { context, page } = await coldPhone(browser);
	// To the first hit in the list, and to the first of Pagefind's hits (with a step's text).
	const timer = await timeFromKeystroke(page, {
		hit: '[data-finder-result-list] > li > a',
		text: '[data-finder-result-list] .rs-hit-excerpt',
	});
	await page.goto(`${server.origin}/rollback/`, { waitUntil: 'commit' });
	const box = page.getByLabel('Search rollback steps');
	await box.waitFor({ state: 'visible', timeout: 20_000 });
	await box.pressSequentially(QUERY);
	await page.locator('[data-finder-result-list] > li > a').first().waitFor({ state: 'visible', timeout: 20_000 });
	// The first hit is a step of a rollback procedure: its link goes to the step itself.
	await expect(page.locator('[data-finder-result-list] > li > a').first()).toHaveAttribute('href', /\/rollback\/[a-z-]+\/#[a-z0-9-]+$/);
	// Pagefind's hits, with the steps' text, replace the page's own once its files are here.
	await expect(page.locator('[data-finder-result-list] .rs-hit-excerpt').first()).toBeVisible({ timeout: 20_000 });
	const { hit: first, text: full } = await timer.read();
	console.log(
		`Fast 3G, cold, rollback finder, "${QUERY}" typed at once: first hit ${first} ms, Pagefind's hits ${full} ms after the first keystroke`,
	);
	expect(first).toBeLessThanOrEqual(1500);
	await context.close();
});

test('on a phone over Fast 3G, cold, the home page’s search box shows its first runbook within 2.5 s of typing (10 s before)', async ({
	browser,
}) => {
	// The box fetches Pagefind once the page is idle, the words' part of the index as they are
	// typed, and the first runbooks' data together: measured 1.9 s on a busy machine, 10.0 s when
	// all came one after another from the first search (npm run bench:search reports it too).
	const { context, page } = await coldPhone(browser);
	const timer = await timeFromKeystroke(page, { hit: '[data-home-search-hits] a' });
	await page.goto(`${server.origin}/`);
	await page.waitForTimeout(READING_MS);
	await page.getByRole('searchbox', { name: 'Search the runbooks' }).pressSequentially(QUERY);
	const first = page.locator('[data-home-search-hits] a').first();
	await expect(first).toHaveAttribute('href', /^\/runbooks\/[a-z0-9-]+\/$/, { timeout: 20_000 });
	const { hit: shown } = await timer.read();
	console.log(
		`Fast 3G, cold, home page search box, "${QUERY}" typed after ${READING_MS} ms reading: first runbook ${shown} ms after the first keystroke`,
	);
	expect(shown).toBeLessThanOrEqual(2500);
	await context.close();
});

/** When step 1's text is first painted on a cold visit (the Element Timing API), in ms. */
async function firstStepPainted(browser: Browser): Promise<number> {
	const { context, page } = await coldPhone(browser);
	// The first step's text is marked as the parser inserts it; Chromium reports its first paint.
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			const text = document.querySelector('.rs-step-text');
			if (!text) return;
			text.setAttribute('elementtiming', 'first-step');
			observer.disconnect();
		}).observe(document, { childList: true, subtree: true });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
				if (entry.identifier === 'first-step') (window as { firstStep?: number }).firstStep = entry.renderTime;
		}).observe({ type: 'element', buffered: true });
	});
	await page.goto(`${server.origin}/rollback/twiga-scan/`);
	await page.waitForFunction(() => (window as { firstStep?: number }).firstStep !== undefined);
	// On the first screen, as a reader sees it.
	await expect(page.locator('.rs-step-text').first()).toBeInViewport();
	const shown = Math.round(await page.evaluate(() => (window as { firstStep?: number }).firstStep!));
	await context.close();
	return shown;
}

test('on a phone over Fast 3G a cold rollback page paints its first step within 1.5 s (2.1 s before)', async ({ browser }) => {
	// The median of three cold visits. The page carries its styles inline (src/build/inline-styles.ts),
	// so it paints after one round trip, not two: 0.82-0.88 s measured, 1.38-1.67 s with linked styles.
	const times = [await firstStepPainted(browser), await firstStepPainted(browser), await firstStepPainted(browser)].sort((a, b) => a - b);
	console.log(
		`Fast 3G, cold /rollback/twiga-scan/ on a phone: first step painted at ${times.join(', ')} ms (median ${times[1]} ms; budget 1500 ms)`,
	);
	expect(times[1]).toBeLessThanOrEqual(1500);
});

/** The imported site's alert runbooks (npm run test:imported-site), where `/alerts/<Name>/` leads. */
const IMPORTED_DIST = process.env.RUNSHEET_NETWORK_IMPORTED_DIST ?? '.test-sites/imported/dist';
const ALERT = 'KubeStatefulSetReplicasMismatch';
/** Its runbook's step 1, from the imported YAML (the first step of its Diagnosis). */
const ALERT_STEP = (
	parse(
		readFileSync('.test-sites/imported/runbooks/prometheus-operator-runbooks/kubernetes/kube-stateful-set-replicas-mismatch.yaml', 'utf8'),
	) as { sections: { kind: string; steps?: { id: string }[] }[] }
).sections.find((s) => s.kind === 'diagnosis')!.steps![0]!.id;

/** The redirects a host reads from the build's `_redirects` (Netlify, Cloudflare Pages): `from to 301`. */
function hostRedirects(file: string): Map<string, string> {
	const redirects = new Map<string, string>();
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const [from, to] = line.trim().split(/\s+/);
		if (from && to && !from.startsWith('#')) redirects.set(from, to);
	}
	return redirects;
}

/** From following an alert's link (cold, on a phone, Fast 3G) to its runbook's step 1 whole on screen, in ms. */
async function alertToStep(browser: Browser, origin: string): Promise<number> {
	const { context, page } = await coldPhone(browser);
	const started = Date.now();
	await page.goto(`${origin}/alerts/${ALERT}/`, { waitUntil: 'commit' });
	await page.waitForFunction(
		(id) => {
			const row = document.querySelector(`li:has(> .rs-step-row > [id="${id}"]) > .rs-step-row`);
			if (!row || !document.styleSheets.length) return false;
			const rect = row.getBoundingClientRect();
			return rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight && location.pathname.startsWith('/runbooks/');
		},
		ALERT_STEP,
		{ polling: 'raf', timeout: 20_000 },
	);
	const shown = Date.now() - started;
	await context.close();
	return shown;
}

test('on a phone over Fast 3G an alert’s link shows its runbook’s step 1 within 2.5 s, cold', async ({ browser }) => {
	// A host that reads the build's _redirects answers /alerts/<Name>/ itself; a plain one serves the redirect page.
	const hosts = [await serveStatic(IMPORTED_DIST, '', hostRedirects(join(IMPORTED_DIST, '_redirects'))), await serveStatic(IMPORTED_DIST)];
	const [redirected, page] = [[] as number[], [] as number[]];
	for (let i = 0; i < 3; i++) {
		redirected.push(await alertToStep(browser, hosts[0]!.origin));
		page.push(await alertToStep(browser, hosts[1]!.origin));
	}
	await Promise.all(hosts.map((host) => host.close()));
	const median = (times: number[]) => times.sort((a, b) => a - b)[1]!;
	console.log(
		`Fast 3G, cold /alerts/${ALERT}/ on a phone to step 1 on screen: the host redirecting (_redirects) ${redirected.join(', ')} ms (median ${median(redirected)}), the redirect page ${page.join(', ')} ms (median ${median(page)}); budget 2500 ms`,
	);
	// The budget holds where the host redirects, and through the redirect page too now that the page
	// asks for nothing but itself (it was 2.5 s while it carried Astro's stylesheet and script).
	expect(median(redirected)).toBeLessThanOrEqual(2500);
	expect(median(page)).toBeLessThanOrEqual(2500);
});
