import { describe, expect, it } from 'vitest';
import { filesPresent, fileUrl, offlinePlan } from '../../../src/build/offline/plan.ts';
import { formatBytes } from '../../../src/model/bytes.ts';

const FILES = [
	{ path: 'index.html', bytes: 100 },
	{ path: '404.html', bytes: 50 },
	{ path: 'favicon.svg', bytes: 10 },
	{ path: '_astro/page.abc123.js', bytes: 2000 },
	{ path: '_astro/middleware.def456.css', bytes: 3000 },
	{ path: 'runbooks/index.html', bytes: 400 },
	{ path: 'runbooks/restore-db/index.html', bytes: 5000 },
	{ path: 'runbooks/restore-db.json', bytes: 800 },
	{ path: 'runbooks.json', bytes: 900 },
	{ path: 'rollback/index.html', bytes: 300 },
	{ path: 'rollback/restore-db/index.html', bytes: 2500 },
	{ path: 'signoff/restore-db/index.html', bytes: 4000 },
	{ path: 'systems/databases/index.html', bytes: 600 },
	{ path: 'systems/databases/2/index.html', bytes: 500 },
	{ path: 'guides/linking/index.html', bytes: 700 },
	{ path: 'alerts/DiskFull/index.html', bytes: 90 },
	{ path: 'pagefind/pagefind.js', bytes: 47000 },
	{ path: 'pagefind/wasm.en.pagefind', bytes: 60000 },
	{ path: 'pagefind/index/en_1.pf_index', bytes: 20000 },
	{ path: 'pagefind/fragment/en_2.pf_fragment', bytes: 1000 },
	{ path: 'pagefind/pagefind-modular-ui.js', bytes: 9000 },
	{ path: 'runbook.schema.json', bytes: 5000 },
];

describe('what the service worker keeps', () => {
	it('the shell: hashed CSS and JavaScript, fonts and the icon, below the base', () => {
		expect(offlinePlan(FILES, '/ops').shell).toEqual([
			'/ops/_astro/middleware.def456.css',
			'/ops/_astro/page.abc123.js',
			'/ops/favicon.svg',
		]);
	});

	it('"Keep all": runbook, rollback and system pages, their JSON, the catalog, the finder and the search index, with sizes', () => {
		const plan = offlinePlan(FILES, '');
		expect(plan.keep.map((f) => f.url)).toEqual([
			'/',
			'/pagefind/fragment/en_2.pf_fragment',
			'/pagefind/index/en_1.pf_index',
			'/pagefind/pagefind.js',
			'/pagefind/wasm.en.pagefind',
			'/rollback/',
			'/rollback/restore-db/',
			'/runbooks.json',
			'/runbooks/',
			'/runbooks/restore-db.json',
			'/runbooks/restore-db/',
			'/systems/databases/2/',
			'/systems/databases/',
		]);
		expect(plan.keepBytes).toBe(100 + 1000 + 20000 + 47000 + 60000 + 300 + 2500 + 900 + 400 + 800 + 5000 + 600 + 500);
	});

	it('a new build is a new version; the same files are the same version', () => {
		const a = offlinePlan(FILES, '').version;
		expect(offlinePlan([...FILES].reverse(), '').version).toBe(a);
		expect(offlinePlan([...FILES, { path: '_astro/page.new999.js', bytes: 2001 }], '').version).not.toBe(a);
	});

	it('names files by the URL a host serves them at', () => {
		expect(fileUrl('runbooks/x/index.html', '')).toBe('/runbooks/x/');
		expect(fileUrl('index.html', '/ops')).toBe('/ops/');
		expect(fileUrl('runbooks.json', '/ops')).toBe('/ops/runbooks.json');
	});

	it('says sizes as storage settings do', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(840_400)).toBe('840 KB');
		expect(formatBytes(1_934_000)).toBe('1.9 MB');
		expect(formatBytes(41_500_000)).toBe('42 MB');
	});
});

describe('the files the offline step sees when it runs after Astro’s process', () => {
	it('are those under what was there in its turn, and the search index; what came after is left out', () => {
		const later = [...FILES, { path: 'sitemap-index.xml', bytes: 200 }, { path: 'sitemap-0.xml', bytes: 9000 }];
		const present = [
			'index.html',
			'404.html',
			'favicon.svg',
			'_astro',
			'runbooks',
			'runbooks.json',
			'rollback',
			'signoff',
			'systems',
			'guides',
			'alerts',
			'runbook.schema.json',
		];
		expect(filesPresent(later, present)).toEqual(FILES);
		expect(offlinePlan(filesPresent(later, present), '').version).toBe(offlinePlan(FILES, '').version);
	});

	it('are every file when it runs in its turn', () => {
		expect(filesPresent(FILES)).toEqual(FILES);
		expect(filesPresent(FILES, [])).toEqual(FILES.filter((f) => f.path.startsWith('pagefind/')));
	});
});
