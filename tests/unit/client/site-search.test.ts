import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUNBOOK_PAGES, searchPages } from '../../../src/client/site-search.ts';

/** A search box's element whose `data-pagefind` is a stand-in for the site's pagefind.js, written from `source`. */
function boxWith(source: string): HTMLElement {
	const script = join(mkdtempSync(join(tmpdir(), 'site-search-')), 'pagefind.js');
	writeFileSync(script, source);
	return { dataset: { pagefind: pathToFileURL(script).href, base: '/' } } as unknown as HTMLElement;
}

/**
 * A stand-in for the site's pagefind.js, loaded as the box loads it (a module at `data-pagefind`):
 * as at 1,000 runbooks, a query about a rollback finds the rollback pages (weighted up for the
 * finder) first, 12 of them before any runbook page, unless the search asks for runbook pages.
 */
const FAKE_PAGEFIND = `
const page = (url, title) => ({ score: 1, data: async () => { globalThis.fetched.push(url); return { url, meta: { title }, excerpt: '' }; } });
globalThis.fetched = [];
globalThis.asked = [];
export async function options() {}
export async function init() {}
export async function preload() {}
export async function search(query, options) {
	globalThis.asked.push(options?.filters ?? null);
	const rollbacks = Array.from({ length: 12 }, (_, i) => page('/rollback/db-' + i + '/', 'Roll back ' + i));
	const runbooks = Array.from({ length: 8 }, (_, i) => page('/runbooks/db-' + i + '/#restore', 'Restore ' + i));
	return { results: options?.filters?.kind === 'runbook' ? runbooks : [...rollbacks, ...runbooks] };
}
`;

describe('the runbooks a search box lists', () => {
	it('are searched among runbook pages only, their data fetched for no more than the box shows, the best one first and shown alone', async () => {
		const root = boxWith(FAKE_PAGEFIND);
		const shown: number[] = [];
		const hits = await searchPages(root, ['restore database backup'], {
			limit: 6,
			under: '/runbooks/',
			filters: RUNBOOK_PAGES,
			// How many results' data had been asked for when the box was told of its hits.
			found: (h) => shown.push(h.length, (globalThis as unknown as { fetched: string[] }).fetched.length),
		});
		expect(hits.map((h) => h.url)).toEqual([
			'/runbooks/db-0/',
			'/runbooks/db-1/',
			'/runbooks/db-2/',
			'/runbooks/db-3/',
			'/runbooks/db-4/',
			'/runbooks/db-5/',
		]);
		expect(hits[0]!.title).toBe('Restore 0');
		const g = globalThis as unknown as { asked: unknown[]; fetched: string[] };
		expect(g.asked).toEqual([{ kind: 'runbook' }]);
		// The first hit is shown once its own data is in, before the rest is fetched.
		expect(g.fetched).toHaveLength(6);
		expect(shown).toEqual([1, 1, 6, 6]);
	});
});

/**
 * A stand-in pagefind.js whose metadata takes its time, as on a slow network: its script answers at
 * once, and a search (the warm-up's) only once the test lets the metadata in.
 */
const SLOW_PAGEFIND = `
globalThis.preloaded = [];
let letIn;
const metadata = new Promise((resolve) => (letIn = resolve));
globalThis.letMetadataIn = () => letIn();
export async function options() {}
export async function init() {}
globalThis.searched = [];
globalThis.filtersPreloaded = [];
export async function preload(words, options) {
	await metadata;
	if (words === null) globalThis.filtersPreloaded.push(options?.filters);
	else globalThis.preloaded.push(words);
	// A chunk's round trip, when the test sets one.
	await new Promise((resolve) => setTimeout(resolve, globalThis.preloadMs ?? 0));
}
export async function search(words) { globalThis.searched.push(words); await metadata; return { results: [] }; }
`;

/**
 * Until the stand-in script has been imported (warmUp imports it; on a busy machine that took more
 * than the 50 ms these tests once waited), and forgetting it after each test so that the next one
 * waits for its own.
 */
const standInLoaded = () =>
	vi.waitFor(() => {
		if (!(globalThis as { letMetadataIn?: unknown }).letMetadataIn) throw new Error('the stand-in pagefind.js is not imported yet');
	});
const forgetStandIn = () => {
	vi.resetModules();
	delete (globalThis as { letMetadataIn?: unknown }).letMetadataIn;
};

describe('the words typed into the home page’s box', () => {
	afterEach(forgetStandIn);

	it('fetch only the last ones typed while Pagefind is still loading, then as they are typed', async () => {
		vi.resetModules();
		const { preloadWords, RUNBOOK_PAGES, warmUp } = await import('../../../src/client/site-search.ts');
		const root = boxWith(SLOW_PAGEFIND);
		const g = globalThis as unknown as { preloaded: string[]; letMetadataIn: () => void };
		const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
		warmUp(root, RUNBOOK_PAGES);
		for (const words of ['rest', 'resto', 'restor']) preloadWords(root, words);
		await standInLoaded();
		await settled();
		expect(g.preloaded).toEqual([]);
		g.letMetadataIn();
		await settled();
		expect(g.preloaded).toEqual(['restor']);
		preloadWords(root, 'restore');
		await settled();
		expect(g.preloaded).toEqual(['restor', 'restore']);
		// The warm-up fetched the filters without searching: a search of no words lists every page
		// they keep, which at 10,000 runbooks held the first words back 0.4 s.
		const f = globalThis as unknown as { filtersPreloaded: unknown[]; searched: unknown[] };
		expect(f.filtersPreloaded).toEqual([RUNBOOK_PAGES]);
		expect(f.searched).toEqual([]);
	});

	it('fetch the words finished and the word being typed from its fourth character, each once', async () => {
		vi.resetModules();
		const { preloadWords, warmUp } = await import('../../../src/client/site-search.ts');
		const root = boxWith(SLOW_PAGEFIND);
		const g = globalThis as unknown as { preloaded: string[]; letMetadataIn: () => void };
		// Warm, as after a few seconds of reading the page.
		warmUp(root);
		await standInLoaded();
		g.letMetadataIn();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const query = 'restore db backup';
		for (let i = 1; i <= query.length; i++) {
			preloadWords(root, query.slice(0, i));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		expect(g.preloaded).toEqual([
			'rest',
			'resto',
			'restor',
			'restore',
			// "restore " asks for what "restore" did; "restore d", "restore db" for "restore" alone.
			'restore db',
			'restore db back',
			'restore db backu',
			'restore db backup',
		]);
	});
});

describe('Pagefind started by the page as it was parsed (the home page)', () => {
	afterEach(() => {
		vi.resetModules();
		delete (globalThis as { runsheetPagefind?: unknown }).runsheetPagefind;
	});

	const search = (query: string) => ({
		options: async () => undefined,
		init: async () => undefined,
		preload: async () => undefined,
		search: async () => ({
			results: [{ score: 1, data: async () => ({ url: `/runbooks/${query}/`, meta: { title: query }, excerpt: '' }) }],
		}),
	});

	it('is what the box searches, not a second copy of the script; a start that failed is not taken again', async () => {
		vi.resetModules();
		const { searchPages } = await import('../../../src/client/site-search.ts');
		const page = globalThis as { runsheetPagefind?: Promise<unknown> };
		// The script the box would import itself: a second Pagefind, which answers differently.
		const script = join(mkdtempSync(join(tmpdir(), 'site-search-')), 'pagefind.js');
		writeFileSync(
			script,
			`export async function options() {}
export async function init() {}
export async function preload() {}
export async function search() { return { results: [{ score: 1, data: async () => ({ url: '/runbooks/imported/', meta: { title: 'imported' }, excerpt: '' }) }] }; }`,
		);
		const root = { dataset: { pagefind: pathToFileURL(script).href, base: '/' } } as unknown as HTMLElement;
		const urls = async () => (await searchPages(root, ['x'], { limit: 1, under: '/runbooks/' })).map((h) => h.url);

		page.runsheetPagefind = Promise.resolve(search('started'));
		expect(await urls()).toEqual(['/runbooks/started/']);
		expect(page.runsheetPagefind).toBeUndefined();

		vi.resetModules();
		const again = await import('../../../src/client/site-search.ts');
		page.runsheetPagefind = Promise.reject(new Error('offline'));
		page.runsheetPagefind.catch(() => undefined);
		await expect(again.searchPages(root, ['x'], { limit: 1, under: '/runbooks/' })).rejects.toThrow('offline');
		// The next search imports the script itself.
		expect((await again.searchPages(root, ['x'], { limit: 1, under: '/runbooks/' })).map((h) => h.url)).toEqual(['/runbooks/imported/']);
	});
});

describe('the words typed faster than the index comes', () => {
	afterEach(() => {
		forgetStandIn();
		delete (globalThis as { preloadMs?: number }).preloadMs;
	});

	it('are fetched one fetch at a time: the first words, then only the newest', async () => {
		vi.resetModules();
		const { preloadWords, warmUp } = await import('../../../src/client/site-search.ts');
		const root = boxWith(SLOW_PAGEFIND);
		const g = globalThis as unknown as { preloaded: string[]; letMetadataIn: () => void; preloadMs: number };
		warmUp(root);
		await standInLoaded();
		g.letMetadataIn();
		await new Promise((resolve) => setTimeout(resolve, 50));
		g.preloadMs = 1500;
		const query = 'restore database backup';
		for (let i = 1; i <= query.length; i++) {
			preloadWords(root, query.slice(0, i));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await new Promise((resolve) => setTimeout(resolve, 1700));
		// Each prefix at once was 16 fetches, and a browser fetches six at a time: the word being typed
		// is fetched one fetch at a time (the query typed before the first ends), the words finished at once.
		expect(g.preloaded).toEqual(['rest', 'restore', 'restore database', 'restore database backup']);
	});
});

/** A stand-in whose every search keeps its worker busy a while, as at 10,000 runbooks (0.7 s). */
const BUSY_PAGEFIND = `
globalThis.searches = [];
let busy = 0;
export async function options() {}
export async function init() {}
export async function preload() {}
export async function search(query) {
	globalThis.searches.push({ query, overlapping: busy > 0 });
	busy++;
	await new Promise((resolve) => setTimeout(resolve, 60));
	busy--;
	return { results: [{ score: 1, data: async () => ({ url: '/runbooks/' + query.replace(/ /g, '-') + '/', meta: { title: query }, excerpt: '' }) }] };
}
`;

describe('searches asked for as a query is typed', () => {
	afterEach(() => vi.resetModules());

	it('run one at a time, and none for words typed over while it waited', async () => {
		vi.resetModules();
		const { searchPages } = await import('../../../src/client/site-search.ts');
		const root = boxWith(BUSY_PAGEFIND);
		let asked = 0;
		const ask = (query: string) => {
			const mine = ++asked;
			return searchPages(root, [query], { limit: 1, under: '/runbooks/', stale: () => mine !== asked });
		};
		const first = ask('rest');
		const g = globalThis as unknown as { searches: { query: string; overlapping: boolean }[] };
		// Typed on while the first search runs.
		while (!g.searches?.length) await new Promise((resolve) => setTimeout(resolve, 5));
		const answers = await Promise.all([first, ...['restore', 'restore data', 'restore database'].map((query) => ask(query))]);
		expect(g.searches.map((s) => s.query)).toEqual(['rest', 'restore database']);
		expect(g.searches.some((s) => s.overlapping)).toBe(false);
		expect(answers.at(-1)!.map((hit) => hit.url)).toEqual(['/runbooks/restore-database/']);
	});
});
