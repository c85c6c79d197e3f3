import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_NAMES, ConfigError, findConfigFile, readConfig } from '../../../src/config/read-config.ts';

/** A folder of files, e.g. `{ 'runsheet.config.yaml': 'title: Acme\n' }`, outside the repository. */
function folder(files: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'config-'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

/** The lines a config gives, read in its folder with no environment. */
async function problems(yaml: string, name = 'runsheet.config.yaml'): Promise<string[]> {
	const cwd = folder({ [name]: yaml });
	try {
		await readConfig({ cwd, env: {} });
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as ConfigError).lines;
	}
	throw new Error('the config was accepted');
}

describe('finding the config file', () => {
	it('looks for these names, YAML first', () => {
		expect(CONFIG_NAMES).toEqual(['runsheet.config.yaml', 'runsheet.config.yml', 'runsheet.config.ts']);
	});
	it('takes a file named by --config first, then RUNSHEET_CONFIG, then RUNSHEET_SETTINGS', () => {
		const cwd = folder({ 'runsheet.config.yaml': '', 'a.yaml': '', 'b.yaml': '', 'c.yaml': '' });
		const env = { RUNSHEET_CONFIG: 'b.yaml', RUNSHEET_SETTINGS: 'c.yaml' };
		expect(findConfigFile({ explicit: 'a.yaml', cwd, env })).toBe(join(cwd, 'a.yaml'));
		expect(findConfigFile({ cwd, env })).toBe(join(cwd, 'b.yaml'));
		expect(findConfigFile({ cwd, env: { RUNSHEET_SETTINGS: 'c.yaml' } })).toBe(join(cwd, 'c.yaml'));
		expect(findConfigFile({ cwd, env: {} })).toBe(join(cwd, 'runsheet.config.yaml'));
	});
	it('then looks in the current folder, then beside the runbooks folder (its parent)', () => {
		const repo = folder({ 'ops/runsheet.config.yml': '', 'ops/runbooks/a.yaml': '', 'other/x': '' });
		expect(findConfigFile({ cwd: repo, runbooks: 'ops/runbooks', env: {} })).toBe(join(repo, 'ops/runsheet.config.yml'));
		expect(findConfigFile({ cwd: join(repo, 'other'), runbooks: '../ops/runbooks', env: {} })).toBe(join(repo, 'ops/runsheet.config.yml'));
		writeFileSync(join(repo, 'runsheet.config.ts'), 'export default {};\n');
		expect(findConfigFile({ cwd: repo, runbooks: 'ops/runbooks', env: {} })).toBe(join(repo, 'runsheet.config.ts'));
	});
	it('finds none in a folder without one: every setting its default', async () => {
		const cwd = folder({ 'runbooks/a.yaml': '' });
		expect(findConfigFile({ cwd, runbooks: 'runbooks', env: {} })).toBeUndefined();
		const { settings, file } = await readConfig({ cwd, runbooks: 'runbooks', env: {} });
		expect(file).toBeUndefined();
		expect(settings).toMatchObject({ title: 'Runsheet', reviewEveryDays: 180, offline: true });
	});
	it('refuses two config files in one folder, naming both', () => {
		const cwd = folder({ 'runsheet.config.yaml': '', 'runsheet.config.ts': '' });
		expect(() => findConfigFile({ cwd, env: {} })).toThrow(
			'runsheet.config.yaml, runsheet.config.ts: two config files in one folder. Hint: keep one of them',
		);
	});
	it('says so when the file named is not there', async () => {
		const cwd = folder();
		await expect(readConfig({ cwd, explicit: 'ops/runsheet.config.yaml', env: {} })).rejects.toThrow(
			'ops/runsheet.config.yaml: no such config file. Hint: check the path',
		);
	});
});

describe('reading a YAML config', () => {
	it("gives the site's title, description, links, address and base path", async () => {
		const cwd = folder({
			'runsheet.config.yaml': [
				'title: Acme runbooks',
				'description: How Acme runs production.',
				'links:',
				'  - { label: Status page, href: https://status.acme.example }',
				'  - { label: On-call, href: "tel:+15550100" }',
				'  - { label: "#incidents", href: "slack://channel?team=T01&id=C02" }',
				'  - { label: Ops mail, href: "mailto:ops@acme.example" }',
				'site: https://acme.github.io',
				'base: /ops-runbooks/',
				'reviewEveryDays: 90',
				'',
			].join('\n'),
		});
		const { settings, file } = await readConfig({ cwd, env: {} });
		expect(file).toBe(join(cwd, 'runsheet.config.yaml'));
		expect(settings.title).toBe('Acme runbooks');
		expect(settings.description).toBe('How Acme runs production.');
		expect(settings.links?.map((link) => link.href)).toEqual([
			'https://status.acme.example',
			'tel:+15550100',
			'slack://channel?team=T01&id=C02',
			'mailto:ops@acme.example',
		]);
		expect(settings.site).toBe('https://acme.github.io');
		// Astro and every link join the base with paths that start with "/".
		expect(settings.base).toBe('/ops-runbooks');
		expect(settings.reviewEveryDays).toBe(90);
	});
	it("returns the logo as a file from the config's folder, wherever the command runs", async () => {
		const repo = folder({ 'ops/runsheet.config.yaml': 'logo:\n  src: ./brand/logo.svg\n  alt: Acme\n', 'ops/brand/logo.svg': '<svg/>' });
		const { settings } = await readConfig({ cwd: repo, explicit: 'ops/runsheet.config.yaml', env: {} });
		expect(settings.logo).toEqual({ src: join(repo, 'ops/brand/logo.svg'), alt: 'Acme' });
	});
	it('names the line of a logo that is not there, and where it was looked for', async () => {
		const lines = await problems('title: Acme\nlogo:\n  src: logo.png\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^runsheet\.config\.yaml:3: logo\.src: no image at \/.*\/logo\.png\. Hint: the path is read from the folder of runsheet\.config\.yaml/,
		);
	});
	it('an unknown key: its line, and the keys there are', async () => {
		const [line, ...rest] = await problems('title: Acme\nfooter: © Acme\n');
		expect(rest).toEqual([]);
		expect(line).toMatch(
			/^runsheet\.config\.yaml:2: footer: unknown key "footer"\. Hint: the config has "title", "description", "logo", "links", "site", "base",/,
		);
		expect(line).not.toContain('did you mean');
	});
	it('a near miss: did you mean, at the top and inside a key', async () => {
		expect(await problems('titel: Acme\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:1: titel: unknown key "titel"\. Hint: did you mean "title"\?/),
		]);
		expect(await problems('sync:\n  url: wss://sync.acme.example\n  tokenURL: /sync/token\n')).toEqual([
			expect.stringMatching(
				/^runsheet\.config\.yaml:3: sync\.tokenURL: unknown key "tokenURL"\. Hint: did you mean "tokenUrl"\? sync has "url", "token", "tokenUrl"/,
			),
		]);
		expect(await problems('logo:\n  src: ./a.svg\n  replaceTitle: true\n')).toEqual([
			expect.stringMatching(
				/^runsheet\.config\.yaml:3: logo\.replaceTitle: unknown key "replaceTitle"\. Hint: did you mean "replacesTitle"\?/,
			),
		]);
	});
	it('a wrong type: the line, the field and what to write', async () => {
		expect(await problems('title: Acme\noffline: sometimes\n')).toEqual([
			'runsheet.config.yaml:2: offline: offline must be true or false. Hint: write `offline: false` to build without the service worker',
		]);
		expect(await problems('links:\n  label: Status\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:2: links: links must be a list\. Hint: /),
		]);
		expect(await problems('reviewEveryDays: "90 days"\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:1: reviewEveryDays: .*Hint: /),
		]);
	});
	it('a site that is not an http(s) address, a base that is not a path', async () => {
		expect(await problems('site: runbooks.acme.example\n')).toEqual([
			expect.stringMatching(
				/^runsheet\.config\.yaml:1: site: site must be the site's address, starting with https:\/\/\. Hint: write e\.g\. `site: https:\/\//,
			),
		]);
		expect(await problems('title: Acme\nsite: ftp://files.acme.example\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:2: site: .*Hint: /),
		]);
		expect(await problems('base: ops-runbooks\n')).toEqual([
			expect.stringMatching(
				/^runsheet\.config\.yaml:1: base: base must be a path starting with \/.*Hint: write e\.g\. `base: \/ops-runbooks`/,
			),
		]);
		expect(await problems('base: /ops/../admin\n')).toEqual([expect.stringMatching(/^runsheet\.config\.yaml:1: base: .*Hint: /)]);
	});
	it('refuses a link that would run script or carry a document, however it is written', async () => {
		for (const href of [
			'javascript:alert(1)',
			'JavaScript:alert(1)',
			'"java\\tscript:alert(1)"',
			'" javascript:alert(1)"',
			'data:text/html,<b>x</b>',
			'vbscript:x',
			'status.acme.example',
			'https://',
		]) {
			const lines = await problems(`title: Acme\nlinks:\n  - label: Status\n    href: ${href}\n`);
			expect(lines, href).toEqual([
				expect.stringMatching(
					/^runsheet\.config\.yaml:4: links\[0\]\.href: .*Hint: an http\(s\) address, mailto:, tel: or an app's link .*never javascript:/,
				),
			]);
		}
	});
	it('names every problem at once, each on its line', async () => {
		const lines = await problems('title: ""\noffline: 1\nlinks:\n  - label: Status\n    href: javascript:void(0)\nsite: acme\nfooter: x\n');
		expect(lines.map((line) => line.split(': ')[0])).toEqual([
			'runsheet.config.yaml:1',
			'runsheet.config.yaml:2',
			'runsheet.config.yaml:5',
			'runsheet.config.yaml:6',
			'runsheet.config.yaml:7',
		]);
		for (const line of lines) expect(line).toMatch(/\. Hint: ./);
	});
	it('a YAML syntax error or a key given twice: the line and a hint', async () => {
		expect(await problems('title: Acme\nlinks: [\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:\d+: YAML syntax error: .*Hint: check indentation and quoting/),
		]);
		expect(await problems('title: Acme\ntitle: Beta\n')).toEqual([
			expect.stringMatching(/^runsheet\.config\.yaml:2: YAML syntax error: .*Hint: /),
		]);
		expect(await problems('- title: Acme\n')).toEqual([
			'runsheet.config.yaml:1: the config must be a map of keys. Hint: write one key a line, e.g. `title: Acme runbooks` (docs/config.md)',
		]);
	});
});

describe('the environment overrides the file', () => {
	const yaml = 'site: https://runbooks.acme.example\nbase: /runbooks\nsync:\n  url: wss://sync.acme.example\n';
	it('RUNSHEET_SITE, RUNSHEET_BASE and the sync variables', async () => {
		const cwd = folder({ 'runsheet.config.yaml': yaml });
		const token = `v1.1830000000.${'b'.repeat(43)}`;
		const { settings } = await readConfig({
			cwd,
			env: {
				RUNSHEET_SITE: 'https://acme.github.io',
				RUNSHEET_BASE: '/ops-runbooks/',
				RUNSHEET_SYNC_URL: 'wss://sync.acme.test',
				RUNSHEET_SYNC_TOKEN: token,
			},
		});
		expect(settings).toMatchObject({ site: 'https://acme.github.io', base: '/ops-runbooks', sync: { url: 'wss://sync.acme.test', token } });
		// An empty variable sets nothing (a pipeline's unset secret).
		expect((await readConfig({ cwd, env: { RUNSHEET_SITE: '' } })).settings.site).toBe('https://runbooks.acme.example');
	});
	it('apply without a config file too', async () => {
		const cwd = folder();
		expect((await readConfig({ cwd, env: { RUNSHEET_BASE: '/ops' } })).settings.base).toBe('/ops');
	});
	it('a bad value names the variable, not a line of the file', async () => {
		const cwd = folder({ 'runsheet.config.yaml': yaml });
		const error = await readConfig({ cwd, env: { RUNSHEET_SITE: 'acme.github.io' } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as ConfigError).lines).toEqual([
			expect.stringMatching(/^RUNSHEET_SITE \(environment\): site: site must be the site's address.*Hint: /),
		]);
	});
});

describe('a TypeScript config', () => {
	const ts = [
		"import type { RunsheetConfig } from '../src/config/read-config.ts';",
		"const config: RunsheetConfig = { title: 'Acme runbooks', logo: { src: './logo.svg', replacesTitle: true }, reviewEveryDays: 30 };",
		'export default config;',
		'',
	].join('\n');
	it('is its default export, checked as the YAML is', async () => {
		const cwd = folder({ 'runsheet.config.ts': ts, 'logo.svg': '<svg/>' });
		const { settings, file } = await readConfig({ cwd, env: {} });
		expect(file).toBe(join(cwd, 'runsheet.config.ts'));
		expect(settings).toMatchObject({
			title: 'Acme runbooks',
			reviewEveryDays: 30,
			logo: { src: join(cwd, 'logo.svg'), replacesTitle: true },
		});
		const bad = folder({ 'runsheet.config.ts': "export default { title: 'Acme', offline: 'no', descripton: 'x' };\n" });
		const error = await readConfig({ cwd: bad, env: {} }).catch((e: unknown) => e);
		expect((error as ConfigError).lines).toEqual([
			'runsheet.config.ts: offline: offline must be true or false. Hint: write `offline: false` to build without the service worker',
			expect.stringMatching(/^runsheet\.config\.ts: descripton: unknown key "descripton"\. Hint: did you mean "description"\?/),
		]);
		const none = folder({ 'runsheet.config.ts': 'export const title = "Acme";\n' });
		await expect(readConfig({ cwd: none, env: {} })).rejects.toThrow(/^runsheet\.config\.ts: no default export\. Hint: /);
	});
	it('is read by Node itself, as the command line reads it', () => {
		const cwd = folder({ 'runsheet.config.ts': "export default { title: 'Acme runbooks' satisfies string };\n" });
		const reader = resolve('src/config/read-config.ts');
		const script = `const { readConfig } = await import(${JSON.stringify(reader)}); console.log((await readConfig({ cwd: ${JSON.stringify(cwd)}, env: {} })).settings.title);`;
		const result = spawnSync(resolve('node_modules/.bin/node'), ['--input-type=module', '-e', script], { encoding: 'utf8' });
		expect(result.stderr).toBe('');
		expect(result.stdout.trim()).toBe('Acme runbooks');
	});
});
