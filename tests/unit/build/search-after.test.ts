import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	buildIndex,
	buildThenIndex,
	fragmentFileLimit,
	indexInStarlightsPlace,
	PAGEFIND_ENV,
	PAGEFIND_ENV_FROM_PAGES,
	pagefindEnv,
	SEARCH_AFTER_ENV,
	SEARCH_FRAGMENT_FILES,
	SEARCH_FRAGMENT_FILES_ENV,
	searchAfterFile,
	skipStarlightSearch,
} from '../../../src/build/search-after.ts';

const page = (title: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Restore the database from last night's backup.</p></main></body></html>`;

const STYLES = 'main{color:#123}';

/** A built site as Astro leaves it when the index comes after: a runbook page, its sign-off sheet (indexable, to see it set aside), its rollback page with its styles linked. */
function site(): string {
	const dist = join(mkdtempSync(join(tmpdir(), 'search-after-')), 'dist');
	const files: [path: string, html: string][] = [
		['runbooks/restore-db/index.html', page('Restore the database')],
		['signoff/restore-db/index.html', page('Sign-off sheet')],
		['rollback/restore-db/index.html', page('Roll back').replace('</head>', `<link rel="stylesheet" href="/ops/_astro/page.css"></head>`)],
		['_astro/page.css', STYLES],
	];
	for (const [path, html] of files) {
		mkdirSync(dirname(join(dist, path)), { recursive: true });
		writeFileSync(join(dist, path), html);
	}
	return dist;
}

describe('the search index after Astro’s process', () => {
	it('is built from what the build handed over: the sheets set aside and back, then the offline list with the index’s files', async () => {
		const dist = site();
		let handover = '';
		const status = await buildThenIndex((env) => {
			handover = env[SEARCH_AFTER_ENV]!;
			writeFileSync(
				handover,
				JSON.stringify({ dist, base: '/ops', offline: { enabled: true, base: '/ops', runbooks: 1, present: readdirSync(dist) } }),
			);
			// Written after the offline step's turn: not in its list.
			writeFileSync(join(dist, 'sitemap-index.xml'), '<sitemapindex/>');
			return 0;
		});
		expect(status).toBe(0);
		const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
		expect(readFileSync(join(dist, 'signoff/restore-db/index.html'), 'utf8')).toBe(page('Sign-off sheet'));
		const offline = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8'));
		const urls = offline.keep.map((f: { url: string }) => f.url);
		expect(urls).toContain('/ops/runbooks/restore-db/');
		expect(urls).toContain('/ops/pagefind/pagefind.js');
		expect(offline.runbooks).toBe(1);
		expect(readFileSync(join(dist, 'sw.js'), 'utf8')).toContain('"base":"/ops"');
		// The rollback page's styles inlined after the index (which read the page without them),
		// before the offline list, which gives its size with them.
		expect(entry.languages.en.page_count).toBe(2);
		const rollback = readFileSync(join(dist, 'rollback/restore-db/index.html'));
		expect(rollback.toString()).toContain(`<style>${STYLES}</style></head>`);
		expect(offline.keep.find((f: { url: string }) => f.url === '/ops/rollback/restore-db/').bytes).toBe(rollback.length);
		// The handover's folder is gone.
		expect(existsSync(dirname(handover))).toBe(false);
	}, 30_000);

	it('is not built when the build failed, nor when the build built it itself (nothing handed over)', async () => {
		const dist = site();
		expect(await buildThenIndex(() => 3)).toBe(3);
		expect(await buildThenIndex(() => null)).toBe(1);
		expect(await buildThenIndex(() => 0)).toBe(0);
		expect(existsSync(join(dist, 'pagefind'))).toBe(false);
	});

	it('is asked for only by a starter that made the handover’s folder', () => {
		const folder = mkdtempSync(join(tmpdir(), 'search-after-'));
		expect(searchAfterFile({})).toBeUndefined();
		expect(searchAfterFile({ [SEARCH_AFTER_ENV]: join(folder, 'handover.json') })).toBe(join(folder, 'handover.json'));
		expect(searchAfterFile({ [SEARCH_AFTER_ENV]: join(folder, 'gone', 'handover.json') })).toBeUndefined();
	});
});

describe('Starlight’s own search step', () => {
	const integrations = (): AstroIntegration[] => [
		{ name: '@astrojs/starlight', hooks: { 'astro:config:setup': () => {}, 'astro:build:done': () => {} } },
		{ name: 'runsheet', hooks: { 'astro:build:done': () => {} } },
	];

	it('is taken out of Astro’s build, and nothing else', () => {
		const list = integrations();
		skipStarlightSearch(list, '0.42.4');
		expect(Object.keys(list[0]!.hooks)).toEqual(['astro:config:setup']);
		expect(Object.keys(list[1]!.hooks)).toEqual(['astro:build:done']);
	});

	it('gives way to Runsheet’s, in its place, where the index is built in Astro’s build; another Starlight keeps its own', () => {
		const list = integrations();
		const own = list[0]!.hooks['astro:build:done'];
		expect(indexInStarlightsPlace(list, '0.42.4')).toBe(true);
		expect(list[0]!.hooks['astro:build:done']).not.toBe(own);
		expect(Object.keys(list[0]!.hooks)).toEqual(['astro:config:setup', 'astro:build:done']);
		const other = integrations();
		const theirs = other[0]!.hooks['astro:build:done'];
		expect(indexInStarlightsPlace(other, '0.43.0')).toBe(false);
		expect(indexInStarlightsPlace(other, undefined)).toBe(false);
		expect(other[0]!.hooks['astro:build:done']).toBe(theirs);
	});

	it('stops the build on a Starlight it was not written for, or when Starlight has no such step', () => {
		expect(() => skipStarlightSearch(integrations(), '0.43.0')).toThrow(/written against 0\.42\.x and 0\.43\.0 is installed/);
		expect(() => skipStarlightSearch(integrations().slice(1), '0.42.4')).toThrow(/search step/);
	});
});

describe('the search index’s fragments', () => {
	it('are a file per page up to the limit, and bundled past it, each page’s in one of them', async () => {
		const dist = join(mkdtempSync(join(tmpdir(), 'fragments-')), 'dist');
		for (let i = 0; i < 12; i++) {
			mkdirSync(join(dist, 'runbooks', `r${i}`), { recursive: true });
			writeFileSync(join(dist, 'runbooks', `r${i}`, 'index.html'), page(`Restore database ${i}`));
		}
		await buildIndex(dist, 100);
		expect(readdirSync(join(dist, 'pagefind', 'fragment'))).toHaveLength(12);
		rmSync(join(dist, 'pagefind'), { recursive: true });
		await buildIndex(dist, 4);
		const folder = join(dist, 'pagefind', 'fragment');
		const bundled = readdirSync(folder);
		expect(bundled.length).toBeLessThanOrEqual(4);
		// Each page's fragment is in one of them (gzipped JSON, as Pagefind writes it).
		const urls = new Set(
			bundled.flatMap(
				(file) =>
					gunzipSync(readFileSync(join(folder, file)))
						.toString()
						.match(/\/runbooks\/r\d+\//g) ?? [],
			),
		);
		expect(urls.size).toBe(12);
	}, 30_000);

	it('anchor a page’s headings only: a step’s id is no sub-result, and its anchor was bytes nobody read', async () => {
		const dist = join(mkdtempSync(join(tmpdir(), 'anchors-')), 'dist');
		mkdirSync(join(dist, 'rollback', 'api'), { recursive: true });
		writeFileSync(
			join(dist, 'rollback', 'api', 'index.html'),
			'<!doctype html><html lang="en"><head><title>API</title></head><body><main data-pagefind-body><h1 id="_top">API</h1>' +
				'<h2 id="restore-db">Restore the database</h2><div id="stop-api"><p>Stop the API before the restore.</p></div></main></body></html>',
		);
		await buildIndex(dist, 100);
		const folder = join(dist, 'pagefind', 'fragment');
		const [file] = readdirSync(folder);
		const fragment = JSON.parse(
			gunzipSync(readFileSync(join(folder, file!)))
				.toString()
				.replace(/^pagefind_dcd/, ''),
		) as {
			url: string;
			anchors: { element: string; id: string; text: string }[];
		};
		expect(fragment.url).toBe('/rollback/api/');
		expect(fragment.anchors.map(({ element, id, text }) => [element, id, text])).toEqual([
			['h1', '_top', 'API'],
			['h2', 'restore-db', 'Restore the database'],
		]);
		// The built page keeps its ids.
		expect(readFileSync(join(dist, 'rollback', 'api', 'index.html'), 'utf8')).toContain('<div id="stop-api">');
	}, 30_000);

	it('are limited to 1,000 files, or to the number the environment says', () => {
		expect(fragmentFileLimit({})).toBe(SEARCH_FRAGMENT_FILES);
		expect(SEARCH_FRAGMENT_FILES).toBe(1000);
		expect(fragmentFileLimit({ [SEARCH_FRAGMENT_FILES_ENV]: '300' })).toBe(300);
		for (const wrong of ['0', '-5', '2.5', 'many', ''])
			expect(fragmentFileLimit({ [SEARCH_FRAGMENT_FILES_ENV]: wrong }), wrong).toBe(SEARCH_FRAGMENT_FILES);
	});
});

describe('Pagefind’s process', () => {
	it('hands freed memory back soon only for a large index, where it can be the build’s peak', () => {
		expect(pagefindEnv(1812)).toEqual({});
		expect(pagefindEnv(PAGEFIND_ENV_FROM_PAGES)).toEqual(PAGEFIND_ENV);
		expect(pagefindEnv(18_012)._RJEM_MALLOC_CONF).toMatch(/dirty_decay_ms:200/);
	});
});
