import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, newContext, test } from '../support/test.ts';

/**
 * docs/hosting/nginx.conf, as written, serving the built site (dist/) with Debian's nginx: a page,
 * a folder without its slash, a renamed runbook's redirect, the 404 page, caching and compression.
 * Skipped, saying so, where nginx is not installed (apt-get install nginx).
 */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const PORT = Number(process.env.RUNSHEET_TEST_PORT ?? 4329) + 9;
const ORIGIN = `http://127.0.0.1:${PORT}`;

test.describe('the nginx config', () => {
	test.skip(!NGINX, 'nginx is not installed (Debian: apt-get install nginx libnginx-mod-http-brotli-filter)');
	// One server on one port for both tests.
	test.describe.configure({ mode: 'serial' });
	let server: ChildProcess | undefined;
	const brotli = existsSync(BROTLI);

	test.beforeAll(async () => {
		const prefix = mkdtempSync(join(tmpdir(), 'runsheet-nginx-'));
		mkdirSync(join(prefix, 'logs'));
		// The server block as shipped; only where it listens, the folder it serves and the brotli
		// snippet's place are this machine's.
		const site = readFileSync('docs/hosting/nginx.conf', 'utf8')
			.replace('listen 80;', `listen 127.0.0.1:${PORT};`)
			.replace('root /var/www/runsheet;', `root ${resolve('dist')};`)
			.replace('/etc/nginx/runsheet-brotli.conf*', resolve(brotli ? 'docs/hosting/runsheet-brotli.conf' : 'docs/hosting/absent*'))
			// The build's redirects, beside dist/ (src/build/host-redirects.ts).
			.replace('/etc/nginx/runsheet-redirects.map*', resolve('host-config/nginx-redirects.map'));
		writeFileSync(join(prefix, 'site.conf'), site);
		writeFileSync(
			join(prefix, 'nginx.conf'),
			[
				brotli ? `load_module ${BROTLI};` : '',
				process.getuid?.() === 0 ? 'user root;' : '',
				`pid ${prefix}/nginx.pid;`,
				`error_log ${prefix}/logs/error.log;`,
				'events {}',
				'http {',
				'  include /etc/nginx/mime.types;',
				'  default_type application/octet-stream;',
				'  access_log off;',
				...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`),
				`  include ${prefix}/site.conf;`,
				'}',
			].join('\n'),
		);
		const check = spawnSync(NGINX!, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
		expect(check.status, check.stderr).toBe(0);
		server = spawn(NGINX!, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
		for (let i = 0; i < 50; i++) {
			if (
				await fetch(`${ORIGIN}/`).then(
					() => true,
					() => false,
				)
			)
				return;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error('nginx did not start');
	});
	test.afterAll(() => {
		server?.kill();
	});

	test('pages revalidate, hashed assets are immutable, text is compressed', async ({ request }) => {
		const page = await request.get(`${ORIGIN}/runbooks/twiga-scan/`, { headers: { 'Accept-Encoding': 'gzip' } });
		expect(page.status()).toBe(200);
		expect(page.headers()['cache-control']).toBe('no-cache');
		expect(page.headers()['content-encoding']).toBe('gzip');
		expect(await page.text()).toContain('Twiga Scan');
		const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await page.text())![1]!;
		const asset = await request.get(`${ORIGIN}${css}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
		expect(asset.status()).toBe(200);
		expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(asset.headers()['content-type']).toContain('text/css');
		expect(asset.headers()['content-encoding']).toBe(brotli ? 'br' : 'gzip');
		const json = await request.get(`${ORIGIN}/runbooks.json`, { headers: { 'Accept-Encoding': 'gzip' } });
		expect(json.headers()['content-type']).toContain('application/json');
		expect(json.headers()['content-encoding']).toBe('gzip');
	});

	test('a folder without its slash, a renamed runbook, and a missing page', async ({ page, request, errors }) => {
		const bare = await request.get(`${ORIGIN}/runbooks/twiga-scan`, { maxRedirects: 0 });
		expect(bare.status()).toBe(301);
		expect(new URL(bare.headers().location!, ORIGIN).pathname).toBe('/runbooks/twiga-scan/');
		await page.goto(`${ORIGIN}/runbooks/twiga-scan-deployment-checklist/#deploy-services`);
		await expect(page).toHaveURL(`${ORIGIN}/runbooks/twiga-scan/#deploy-services`);
		// nginx answers it from the build's map, in one hop, with the run kept, and without its slash too.
		for (const from of ['/runbooks/twiga-scan-deployment-checklist/?run=night', '/runbooks/twiga-scan-deployment-checklist?run=night']) {
			const moved = await request.get(`${ORIGIN}${from}`, { maxRedirects: 0 });
			expect(moved.status(), from).toBe(301);
			expect(moved.headers().location, from).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/runbooks\/twiga-scan\/\?run=night$/);
		}
		const missing = await page.goto(`${ORIGIN}/runbooks/no-such-runbook/`);
		expect(missing!.status()).toBe(404);
		errors.length = 0; // the browser logs the 404 itself
		await expect(page.locator('main a', { hasText: 'All runbooks' })).toHaveAttribute('href', '/runbooks/');
	});

	test('an alert no runbook names: the not-found page names it and finds its closest runbooks, or says what to do without JavaScript', async ({
		page,
		browser,
		errors,
	}) => {
		const missing = await page.goto(`${ORIGIN}/alerts/TwigaScanDeployFailed/`);
		expect(missing!.status()).toBe(404);
		errors.length = 0; // the browser logs the 404 itself
		await expect(page.locator('h1')).toHaveText('No runbook for TwigaScanDeployFailed');
		await expect(page.locator('[data-alert-closest] a').first()).toHaveAttribute('href', '/runbooks/twiga-scan/');
		await expect(page.locator('pre[data-alert-template], pre:has([data-alert-template])')).toContainText('alerts: [TwigaScanDeployFailed]');
		const context = await newContext(browser, { javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto(`${ORIGIN}/alerts/TwigaScanDeployFailed/`);
		await expect(plain.locator('h1')).toHaveText('Page not found');
		await expect(plain.getByRole('heading', { name: 'Came from an alert’s link?' })).toBeVisible();
		await expect(plain.getByRole('region', { name: "A runbook's Markdown file" })).toContainText('alerts: [AlertName]');
		await context.close();
	});
});
