import { afterEach, describe, expect, it, vi } from 'vitest';

/** The paths module as a build with this base and trailing slash sees it (Vite's import.meta.env). */
async function pathsWith(base: string, trailingSlash?: 'always' | 'never' | 'ignore') {
	vi.resetModules();
	vi.stubEnv('BASE_URL', base);
	if (trailingSlash) vi.stubEnv('RUNSHEET_TRAILING_SLASH', trailingSlash);
	return import('../../../src/model/paths.ts');
}

afterEach(() => {
	vi.unstubAllEnvs();
	vi.resetModules();
});

describe('the URL contract follows the site’s base and trailing slash', () => {
	it('at a domain’s root, paths are as they always were', async () => {
		const { paths, withoutBase, basePath } = await pathsWith('/');
		expect(basePath()).toBe('');
		expect(paths.runbook('restore-db')).toBe('/runbooks/restore-db/');
		expect(paths.signoff('restore-db', { run: 'INC-1' })).toBe('/signoff/restore-db/?run=INC-1');
		expect(withoutBase('/runbooks/x/')).toBe('/runbooks/x/');
	});

	it('below a path, every page, file and script carries it', async () => {
		const { paths, withoutBase, sitePath, pagefindPath } = await pathsWith('/ops-runbooks/');
		expect(paths.home()).toBe('/ops-runbooks/');
		expect(paths.runbook('restore-db')).toBe('/ops-runbooks/runbooks/restore-db/');
		expect(paths.rollback('restore-db')).toBe('/ops-runbooks/rollback/restore-db/');
		expect(paths.signoff('restore-db', { run: 'INC-1', part: 'rollback' })).toBe(
			'/ops-runbooks/signoff/restore-db/?run=INC-1&part=rollback',
		);
		expect(paths.system('Payments API')).toBe('/ops-runbooks/runbooks/#system-payments-api');
		expect(paths.data('restore-db')).toBe('/ops-runbooks/runbooks/restore-db.json');
		expect(paths.alert('KubePodCrashLooping')).toBe('/ops-runbooks/alerts/KubePodCrashLooping/');
		expect(paths.file('team/diagram one.png')).toBe('/ops-runbooks/runbook-files/team/diagram%20one.png');
		expect(sitePath('/favicon.svg')).toBe('/ops-runbooks/favicon.svg');
		expect(pagefindPath()).toBe('/ops-runbooks/pagefind/pagefind.js');
		// Route parameters and the link checker compare paths without it.
		expect(withoutBase('/ops-runbooks/runbooks/x/')).toBe('/runbooks/x/');
		expect(withoutBase('/ops-runbooks')).toBe('/');
		expect(withoutBase('/ops-runbooksx/')).toBe('/ops-runbooksx/');
	});

	it('trailingSlash: never writes pages without their last slash', async () => {
		const { paths } = await pathsWith('/ops-runbooks/', 'never');
		expect(paths.runbook('restore-db')).toBe('/ops-runbooks/runbooks/restore-db');
		expect(paths.signoff('x', { run: 'r' })).toBe('/ops-runbooks/signoff/x?run=r');
		expect(paths.home()).toBe('/ops-runbooks/');
		expect(paths.data('x')).toBe('/ops-runbooks/runbooks/x.json');
	});

	it('absolute URLs: a site given with or without its sub-path gets it once', async () => {
		const { absolute } = await pathsWith('/');
		expect(absolute('https://runbooks.example.com', '/runbooks/x/')).toBe('https://runbooks.example.com/runbooks/x/');
		expect(absolute('https://acme.github.io/ops-runbooks', '/runbooks/x/')).toBe('https://acme.github.io/ops-runbooks/runbooks/x/');
		expect(absolute('https://acme.github.io/ops-runbooks/', '/ops-runbooks/runbooks/x/')).toBe(
			'https://acme.github.io/ops-runbooks/runbooks/x/',
		);
		expect(absolute('https://acme.github.io', '/ops-runbooks/runbooks/x/')).toBe('https://acme.github.io/ops-runbooks/runbooks/x/');
	});
});

describe('links in runbook text follow the base', () => {
	it('root-relative links and images get it once; others are left alone', async () => {
		const { withBase } = await import('../../../src/render/base-links.ts');
		expect(withBase('/runbooks/x/#step', '/ops')).toBe('/ops/runbooks/x/#step');
		expect(withBase('/ops/runbooks/x/', '/ops')).toBe('/ops/runbooks/x/');
		expect(withBase('/ops', '/ops')).toBe('/ops');
		expect(withBase('//cdn.example.com/x.png', '/ops')).toBe('//cdn.example.com/x.png');
		expect(withBase('https://example.com/', '/ops')).toBe('https://example.com/');
		expect(withBase('#step', '/ops')).toBe('#step');
		expect(withBase('/runbooks/x/', '')).toBe('/runbooks/x/');
	});
	it('as the page renders them', async () => {
		vi.resetModules();
		vi.stubEnv('BASE_URL', '/ops-runbooks/');
		const { renderInline } = await import('../../../src/render/markdown.ts');
		expect(renderInline('See [restore](/runbooks/restore-db/#restore) and [docs](https://example.com/x)')).toBe(
			'See <a href="/ops-runbooks/runbooks/restore-db/#restore">restore</a> and <a href="https://example.com/x">docs</a>',
		);
	});
});
