/**
 * Runsheet as a team installs it: packed with `npm pack`, installed from the tarball into a folder
 * outside the repository (from npm's cache, as CI can), and run there through its command line
 * and its Starlight plugin. The sites built here are served to the browser tests of
 * tests/e2e/package.package.spec.ts (copied into .test-sites/package/).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../support/browser.ts';
import { PORTS } from '../support/ports.ts';

const REPO = resolve('.');
export const PACKAGE_SITES = join(REPO, '.test-sites/package');
/** The title the team's config gives its site: on every page. */
const TEAM_TITLE = 'Acme Ops Runbooks';
const version = (name: string) =>
	(JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

let root: string;

/**
 * The environment a team's shell would give the commands: this one without what Vitest adds
 * (NODE_ENV=test, MODE, BASE_URL, …), which Astro and Vite would read as their own.
 */
function teamEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|TEST|VITEST.*)$/.test(name)),
	);
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a command in a folder of the install; npm scripts put the project's Node 22 first on PATH. */
function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
	return spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		env: teamEnv(env),
		timeout: 200_000,
	});
}
const runsheet = (cwd: string, ...args: string[]) => run(cwd, 'npx', ['--no-install', 'runsheet', ...args]);
const output = (result: SpawnSyncReturns<string>) => `${result.stdout}\n${result.stderr}`;

/** Every file under a folder, with its size and time, to tell whether a build wrote into it. */
function listing(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[]).sort().map((path) => {
		const stat = statSync(join(dir, path));
		return `${path} ${stat.size} ${stat.mtimeMs}`;
	});
}

function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[]).filter((path) => path.endsWith('.html')).map((path) => join(dir, path));
}

function checkLinks(dist: string) {
	return run(REPO, process.execPath, ['scripts/check-links.ts', dist]);
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'runsheet-package-'));
	const packed = run(REPO, 'npm', ['pack', '--pack-destination', root, '--silent']);
	expect(packed.status, output(packed)).toBe(0);
	const tarball = packed.stdout.trim().split('\n').at(-1)!;
	// A team's repository: runsheet pinned (and, for the Starlight site below, Astro and Starlight
	// at the versions Runsheet was tested with, so that npm installs them once).
	writeFileSync(
		join(root, 'package.json'),
		`${JSON.stringify(
			{
				name: 'acme-runbooks',
				private: true,
				type: 'module',
				devDependencies: { runsheet: `file:./${tarball}`, astro: version('astro'), '@astrojs/starlight': version('@astrojs/starlight') },
			},
			null,
			2,
		)}\n`,
	);
	const installed = run(root, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error']);
	expect(installed.status, output(installed)).toBe(0);
	rmSync(PACKAGE_SITES, { recursive: true, force: true });
	mkdirSync(PACKAGE_SITES, { recursive: true });
});

afterAll(() => {
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('npx runsheet build on a team folder', () => {
	it('builds a folder of Markdown and YAML runbooks with the config’s title on every page, links that arrive, nothing written into node_modules', () => {
		cpSync(join(REPO, 'tests/fixtures/team-runbooks'), join(root, 'runbooks'), { recursive: true });
		cpSync(join(REPO, 'content/runbooks/yogaflow.yaml'), join(root, 'runbooks/release/yogaflow.yaml'), { recursive: true });
		writeFileSync(
			join(root, 'runsheet.config.yaml'),
			[
				`title: ${TEAM_TITLE}`,
				'logo:',
				'  src: ./brand/acme.svg',
				'  alt: Acme',
				'links:',
				'  - label: Status page',
				'    href: https://status.acme.example',
				'  - label: Incident channel',
				'    href: https://chat.acme.example/incidents',
				'',
			].join('\n'),
		);
		mkdirSync(join(root, 'brand'));
		writeFileSync(
			join(root, 'brand/acme.svg'),
			'<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="12" fill="#c33"/></svg>\n',
		);
		const before = listing(join(root, 'node_modules'));
		const built = runsheet(root, 'build', 'runbooks/');
		expect(built.status, output(built)).toBe(0);
		// In a Node of its own with the build's flags, as `npm run build` (scripts/lib/node-flags.ts).
		expect(built.stdout).toMatch(/runsheet: building \d+ runbook files with node --max-old-space-size=768 --max-semi-space-size=64/);
		expect(listing(join(root, 'node_modules'))).toEqual(before);
		// The search index built once Astro's process had exited (src/build/search-after.ts), then the
		// offline list, which lists the index's files.
		expect(built.stdout).toMatch(/\[runsheet:search\] Found \d+ HTML files/);
		const offline = JSON.parse(readFileSync(join(root, 'dist/offline.json'), 'utf8')) as { keep: { url: string }[] };
		expect(offline.keep.map((file) => file.url)).toContain('/pagefind/pagefind.js');

		const dist = join(root, 'dist');
		expect(existsSync(join(dist, 'runbooks/yogaflow/index.html'))).toBe(true);
		expect(existsSync(join(dist, 'signoff/yogaflow/index.html'))).toBe(true);
		// A Markdown runbook of the folder, read at build time.
		expect(readFileSync(join(dist, 'runbooks/index.html'), 'utf8')).toContain('Payments');
		const pages = htmlFiles(dist);
		expect(pages.length).toBeGreaterThan(10);
		for (const page of pages)
			expect(readFileSync(page, 'utf8'), relative(dist, page)).toMatch(new RegExp(`<title>[^<]*${TEAM_TITLE}</title>`));
		// The config's logo, beside the config file, in the header of every Starlight page.
		expect(readFileSync(join(dist, 'runbooks/yogaflow/index.html'), 'utf8')).toMatch(
			/<img[^>]*alt="Acme"[^>]*src="\/_astro\/acme\.[\w-]+\.svg"|<img[^>]*src="\/_astro\/acme\.[\w-]+\.svg"[^>]*alt="Acme"/,
		);
		const links = checkLinks(dist);
		expect(links.status, output(links)).toBe(0);
		cpSync(dist, join(PACKAGE_SITES, 'team/dist'), { recursive: true });
	});

	it('serves what build wrote with npx runsheet preview', async () => {
		const preview = spawn('npx', ['--no-install', 'runsheet', 'preview', '--port', String(PORTS.preview)], {
			cwd: root,
			env: teamEnv(),
			stdio: 'ignore',
			detached: true,
		});
		try {
			const page = async () => {
				const response = await fetch(`http://127.0.0.1:${PORTS.preview}/runbooks/yogaflow/`).catch(() => undefined);
				return response?.ok ? response.text() : '';
			};
			await expect.poll(page, { timeout: 60_000 }).toContain(`${TEAM_TITLE}</title>`);
		} finally {
			if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
		}
	});

	it('stops on a bad config naming file, line, field and a fix, and writes nothing', () => {
		const bad = join(root, 'bad');
		cpSync(join(REPO, 'content/runbooks/yogaflow.yaml'), join(bad, 'runbooks/yogaflow.yaml'), { recursive: true });
		writeFileSync(join(bad, 'runsheet.config.yaml'), 'title: Acme\noffline: sometimes\n');
		const built = runsheet(bad, 'build', 'runbooks/');
		expect(built.status).not.toBe(0);
		expect(output(built)).toMatch(/runsheet\.config\.yaml:2: offline: [^\n]*Hint/);
		expect(readdirSync(bad).sort()).toEqual(['runbooks', 'runsheet.config.yaml']);
	});

	it('says what is wrong with an unknown verb or a missing folder, with a non-zero exit', () => {
		const unknown = runsheet(root, 'deploy');
		expect(unknown.status).not.toBe(0);
		expect(output(unknown)).toMatch(/deploy/);
		expect(output(unknown)).toMatch(/build/);
		const missing = runsheet(root, 'build', 'no-such-folder/');
		expect(missing.status).not.toBe(0);
		expect(output(missing)).toMatch(/no-such-folder/);
	});

	it('on a Node older than 22.12 says what to install and stops', () => {
		const old = '/usr/bin/node';
		const versionOf = existsSync(old) ? run(root, old, ['--version']).stdout.trim() : '';
		const [major = 0, minor = 0] = versionOf.replace(/^v/, '').split('.').map(Number);
		if (!versionOf || major > 22 || (major === 22 && minor >= 12)) {
			console.log(`package: no Node older than 22.12 at ${old} (${versionOf || 'none'}); the version gate is not tried`);
			return;
		}
		const gated = run(root, old, [join(root, 'node_modules/runsheet/bin/runsheet.mjs'), 'build', 'runbooks/']);
		expect(gated.status).toBe(1);
		expect(output(gated)).toMatch(/22\.12/);
		expect(output(gated)).toMatch(/install/i);
		expect(output(gated)).not.toMatch(/at .*node_modules\/astro/);
	});

	it('init then build in an empty folder', () => {
		const fresh = join(root, 'fresh');
		mkdirSync(fresh);
		const init = runsheet(fresh, 'init');
		expect(init.status, output(init)).toBe(0);
		for (const file of ['runsheet.config.yaml', '.github/workflows/runsheet.yml', '.gitlab-ci.yml'])
			expect(existsSync(join(fresh, file)), file).toBe(true);
		const examples = readdirSync(join(fresh, 'runbooks'));
		expect(examples).toHaveLength(1);
		const again = runsheet(fresh, 'init');
		expect(again.status).not.toBe(0);
		const built = runsheet(fresh, 'build');
		expect(built.status, output(built)).toBe(0);
		const id = examples[0]!.replace(/\.ya?ml$/, '');
		expect(existsSync(join(fresh, 'dist/runbooks', id, 'index.html'))).toBe(true);
	});
});

describe('the Starlight plugin in a team’s docs site', () => {
	const DOCS = {
		'src/content/docs/index.md': '---\ntitle: Acme Docs\n---\n\nWelcome to the Acme docs: the quokka onboarding lives here.\n',
		'src/content/docs/guides/onboarding.md':
			'---\ntitle: Onboarding\n---\n\nA new engineer asks for the marsupial role on the first day.\n',
	};
	const config = (plugin: boolean) =>
		[
			"import starlight from '@astrojs/starlight';",
			"import { defineConfig } from 'astro/config';",
			plugin ? "import runsheet from 'runsheet/starlight';" : '',
			'export default defineConfig({',
			'\tintegrations: [',
			'\t\tstarlight({',
			"\t\t\ttitle: 'Acme Docs',",
			"\t\t\tsidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }],",
			plugin ? "\t\t\tplugins: [runsheet({ runbooks: './runbooks' })]," : '',
			'\t\t}),',
			'\t],',
			'});',
			'',
		].join('\n');
	const collections = (plugin: boolean) =>
		[
			"import { defineCollection } from 'astro:content';",
			"import { docsLoader } from '@astrojs/starlight/loaders';",
			"import { docsSchema } from '@astrojs/starlight/schema';",
			plugin ? "import { runbooksCollection } from 'runsheet/content';" : '',
			'export const collections = {',
			'\tdocs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),',
			plugin ? '\trunbooks: runbooksCollection(),' : '',
			'};',
			'',
		].join('\n');
	/** A page's main content, Astro's generated scoped class names aside (they differ from build to build). */
	const main = (file: string) =>
		readFileSync(file, 'utf8')
			.match(/<main[\s\S]*<\/main>/)![0]
			.replace(/astro-[a-z0-9]{8}/g, 'astro-*');

	it('adds the runbook pages and leaves the site’s own docs pages as they were', () => {
		const site = join(root, 'docs-site');
		const write = (plugin: boolean) => {
			for (const [path, text] of Object.entries(DOCS)) {
				mkdirSync(join(site, path, '..'), { recursive: true });
				writeFileSync(join(site, path), text);
			}
			writeFileSync(join(site, 'astro.config.mjs'), config(plugin));
			writeFileSync(join(site, 'src/content.config.ts'), collections(plugin));
			// As Starlight's own starter has it: its pages link /favicon.svg.
			cpSync(join(REPO, 'public/favicon.svg'), join(site, 'public/favicon.svg'));
			if (plugin) writeFileSync(join(site, 'ec.config.mjs'), "export { default } from 'runsheet/ec-config';\n");
		};
		write(false);
		const plain = run(site, 'npx', ['--no-install', 'astro', 'build', '--outDir', 'dist-plain']);
		expect(plain.status, output(plain)).toBe(0);

		write(true);
		cpSync(join(REPO, 'content/runbooks/twiga-scan.yaml'), join(site, 'runbooks/twiga-scan.yaml'));
		const built = run(site, 'npx', ['--no-install', 'astro', 'build']);
		expect(built.status, output(built)).toBe(0);
		const dist = join(site, 'dist');
		for (const page of ['runbooks/twiga-scan', 'rollback/twiga-scan', 'signoff/twiga-scan', 'runbooks', 'alerts'])
			expect(existsSync(join(dist, page, 'index.html')), page).toBe(true);
		for (const page of ['index.html', 'guides/onboarding/index.html']) {
			expect(existsSync(join(dist, page)), page).toBe(true);
			expect(main(join(dist, page)), page).toBe(main(join(site, 'dist-plain', page)));
		}
		const links = checkLinks(dist);
		expect(links.status, output(links)).toBe(0);
		cpSync(dist, join(PACKAGE_SITES, 'host/dist'), { recursive: true });
	});
});

describe('npx runsheet dev', () => {
	it('shows an edit to a runbook file in the browser, on its page and in the catalog', async () => {
		const port = PORTS.dev;
		const dev = spawn('npx', ['--no-install', 'runsheet', 'dev', 'runbooks/', '--port', String(port)], {
			cwd: root,
			env: teamEnv({ ASTRO_DEV_BACKGROUND: '0' }),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let log = '';
		dev.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
		dev.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
		const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
		try {
			const url = `http://127.0.0.1:${port}/runbooks/yogaflow/`;
			await expect.poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 90_000 }).toBe(200);
			const page = await browser.newPage();
			await page.goto(url);
			await expect.poll(() => page.locator('h1').first().textContent()).toContain('YogaFlow');
			// The catalog read before the edit: what it made must not outlive the edit.
			const catalogUrl = `http://127.0.0.1:${port}/runbooks/`;
			expect(await (await fetch(catalogUrl)).text()).not.toContain('Edited While Serving');
			const file = join(root, 'runbooks/release/yogaflow.yaml');
			writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: YogaFlow Edited While Serving'));
			await expect
				.poll(
					async () => {
						await page.reload();
						return page.locator('h1').first().textContent();
					},
					{ timeout: 60_000 },
				)
				.toContain('Edited While Serving');
			// The lists too: their data is made once a build (build/pages/catalog-page.ts), and the dev
			// server loads it again when a runbook changes.
			expect(await (await fetch(catalogUrl)).text()).toContain('YogaFlow Edited While Serving');
		} catch (error) {
			// What the dev server said is what explains a failure here.
			throw new Error(`${(error as Error).message}\n--- runsheet dev said:\n${log}`, { cause: error });
		} finally {
			await browser.close();
			if (dev.pid) process.kill(-dev.pid, 'SIGTERM');
		}
	});
});
