import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { filesUnder } from '../../../src/build/content/walk.ts';

// The real command, as npx starts it: bin/runsheet.mjs on the project's pinned Node (vitest's own).
const BIN = resolve('bin/runsheet.mjs');
// Without RUNSHEET_CONTENT, which would name the folder (the test sites' variable).
const { RUNSHEET_CONTENT: _, ...env } = process.env;
const runsheet = (args: string[], cwd = process.cwd(), node = process.execPath) =>
	spawnSync(node, [BIN, ...args], { cwd, encoding: 'utf8', env });
const script = (file: string, args: string[]) => spawnSync(process.execPath, [file, ...args], { encoding: 'utf8' });

const dirs: string[] = [];
const temp = () => {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-cli-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The verbs the issue asks for (issue 35).
const VERBS = ['init', 'dev', 'build', 'preview', 'import', 'alerts', 'lint', 'validate', 'links'];

describe('runsheet --help, --version and mistakes', () => {
	it('--help names every verb, with an example of build under a base path', () => {
		const run = runsheet(['--help']);
		expect(run.status).toBe(0);
		for (const verb of VERBS) expect(run.stdout).toMatch(new RegExp(`^  ${verb}\\b`, 'm'));
		expect(run.stdout).toContain('npx runsheet build runbooks/ --out dist --base /ops');
	});

	it('<verb> --help says how to call that verb', () => {
		for (const verb of ['build', 'validate', 'init']) {
			const run = runsheet([verb, '--help']);
			expect(run.status).toBe(0);
			expect(run.stdout).toMatch(new RegExp(`^usage: runsheet ${verb} `));
		}
	});

	it('--version prints the version package.json says', () => {
		const run = runsheet(['--version']);
		expect(run.status).toBe(0);
		expect(run.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
	});

	it('an unknown verb fails (usage, exit 2) naming the verbs there are', () => {
		const run = runsheet(['biuld', 'runbooks/']);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('"biuld"');
		for (const verb of VERBS) expect(run.stderr).toContain(verb);
		expect(run.stdout).toBe('');
	});

	it('no verb at all prints the help on stderr and fails', () => {
		const run = runsheet([]);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('usage: runsheet <verb>');
	});

	it('a folder that is not there fails with its name and what to do, never a stack trace', () => {
		for (const verb of ['validate', 'build', 'dev', 'lint']) {
			const run = runsheet([verb, 'no-such-runbooks']);
			expect(run.status, verb).toBe(1);
			expect(run.stderr).toContain(`runsheet ${verb}: folder no-such-runbooks not found`);
			expect(run.stderr).toContain('Hint:');
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		// No folder named, and no runbooks/ where it runs.
		const empty = temp();
		const run = runsheet(['validate'], empty);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`no runbooks/ folder in ${empty}`);
		expect(run.stderr).toContain('runsheet init');
	});

	it('an option the verb does not take fails (exit 2) pointing at its help', () => {
		const run = runsheet(['validate', 'content/runbooks', '--outt', 'x']);
		expect(run.status).toBe(2);
		expect(run.stderr).toContain("'--outt'");
		expect(run.stderr).toContain('runsheet validate --help');
	});
});

describe('runsheet validate, lint, links, alerts: the npm scripts’ code on the folder named', () => {
	it('validate passes a valid folder of Markdown runbooks in sub-folders', () => {
		const run = runsheet(['validate', 'tests/fixtures/team-runbooks/']);
		expect(run.status, run.stderr).toBe(0);
		// One runbook per Markdown document; a folder's index (_index.md, README.md) is its title, not a runbook.
		const documents = filesUnder('tests/fixtures/team-runbooks').filter((f) => f.endsWith('.md') && !/(^|\/)(_index|README)\.md$/.test(f));
		expect(run.stdout.trim()).toBe(`validate: ${documents.length} runbooks OK`);
	});

	it('validate fails an invalid folder with file:line: field: problem. Hint', () => {
		const run = runsheet(['validate', 'tests/fixtures/invalid']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(
			/tests\/fixtures\/invalid\/unknown-kind\.yaml:9: sections\[0\]\.kind: "runbook" is not a section kind\. Hint:/,
		);
		const files = filesUnder('tests/fixtures/invalid').filter((f) => f.endsWith('.yaml'));
		expect(run.stderr).toContain(`${files.length} of ${files.length} runbook files have problems`);
	});

	// Eight commands started one after the other: a few seconds each while the machine is busy.
	it('prints what the npm scripts print for the same folder', { timeout: 90_000 }, () => {
		const same = (cli: string[], file: string, args: string[]) => {
			const a = runsheet(cli);
			const b = script(file, args);
			expect([a.status, a.stdout], cli.join(' ')).toEqual([b.status, b.stdout]);
		};
		same(['validate', 'tests/fixtures/team-runbooks'], 'scripts/validate-content.ts', ['tests/fixtures/team-runbooks']);
		same(['lint', 'tests/fixtures/lint', '--today', '2026-12-01'], 'scripts/lint-runbooks.ts', [
			'tests/fixtures/lint',
			'--today',
			'2026-12-01',
		]);
		same(
			['links', 'tests/fixtures/team-runbooks', 'payments-high-error-rate', '--base', 'https://runbooks.example.com'],
			'scripts/links.ts',
			['payments-high-error-rate', '--content', 'tests/fixtures/team-runbooks', '--base', 'https://runbooks.example.com'],
		);
		same(
			[
				'alerts',
				'tests/fixtures/alerts/rules/prometheus',
				'--runbooks',
				'tests/fixtures/alerts/runbooks',
				'--base',
				'https://runbooks.example.com',
			],
			'scripts/alerts.ts',
			['tests/fixtures/alerts/rules/prometheus', '--content', 'tests/fixtures/alerts/runbooks', '--base', 'https://runbooks.example.com'],
		);
	});

	it('import writes a folder’s runbooks into runbooks/ unless told, where validate then finds them', () => {
		const dir = temp();
		const run = runsheet(['import', resolve('tests/fixtures/team-runbooks')], dir);
		expect(run.status, run.stderr).toBe(0);
		const documents = filesUnder('tests/fixtures/team-runbooks').filter((f) => f.endsWith('.md') && !/(^|\/)(_index|README)\.md$/.test(f));
		const written = filesUnder(join(dir, 'runbooks/team-runbooks')).filter((f) => f.endsWith('.yaml'));
		expect(written).toHaveLength(documents.length);
		const validate = runsheet(['validate'], dir);
		expect(validate.stdout.trim()).toBe(`validate: ${documents.length} runbooks OK`);
	});

	it('says runsheet, not npm run, in what it asks the user to type', () => {
		const run = runsheet(['alerts', '--runbooks', 'tests/fixtures/alerts/runbooks']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^usage: runsheet alerts <rule files/);
		expect(run.stderr).not.toContain('npm run');
	});
});

/** Every file under a folder with its bytes and modification time: what "nothing written" compares. */
function snapshot(dir: string): Record<string, string> {
	const all: Record<string, string> = {};
	const visit = (sub: string) => {
		for (const name of readdirSync(join(dir, sub))) {
			const path = join(sub, name);
			const stat = statSync(join(dir, path));
			if (stat.isDirectory()) visit(path);
			else all[path] = `${stat.mtimeMs} ${readFileSync(join(dir, path), 'base64')}`;
		}
	};
	visit('');
	return all;
}

// What the design asks init to write (docs: 35-design.md, "init [folder]").
const STARTER = ['runbooks/example.yaml', 'runsheet.config.yaml', '.github/workflows/runsheet.yml', '.gitlab-ci.yml', '.gitignore'];

describe('runsheet init', () => {
	it('writes the starter; its example runbook validates; a second init refuses and writes nothing', () => {
		const dir = temp();
		const run = runsheet(['init'], dir);
		expect(run.status, run.stderr).toBe(0);
		expect(Object.keys(snapshot(dir)).sort()).toEqual([...STARTER].sort());

		const validate = runsheet(['validate', 'runbooks/'], dir);
		expect(validate.status, validate.stderr).toBe(0);
		expect(validate.stdout.trim()).toBe('validate: 1 runbooks OK');
		// The folder is found without being named, and the example needs no fixing.
		const lint = runsheet(['lint'], dir);
		expect(lint.status, lint.stderr).toBe(0);
		expect(lint.stdout).toContain('no findings');

		const before = snapshot(dir);
		const again = runsheet(['init'], dir);
		expect(again.status).toBe(1);
		for (const file of STARTER.filter((f) => f !== '.gitignore')) expect(again.stderr).toContain(file);
		expect(snapshot(dir)).toEqual(before);
	});

	it('refuses when one target exists, naming only it, and creates nothing else', () => {
		const dir = temp();
		writeFileSync(join(dir, '.gitlab-ci.yml'), 'test:\n  script: [make]\n');
		const before = snapshot(dir);
		const run = runsheet(['init'], dir);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('.gitlab-ci.yml');
		expect(run.stderr).not.toContain('runsheet.config.yaml');
		expect(snapshot(dir)).toEqual(before);
		expect(existsSync(join(dir, 'runbooks'))).toBe(false);
	});

	it('adds its lines to a .gitignore that exists, keeping every line of it, once', () => {
		const dir = temp();
		writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist/');
		expect(runsheet(['init'], dir).status).toBe(0);
		const lines = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
		expect(lines.slice(0, 2)).toEqual(['node_modules/', 'dist/']);
		expect(lines.filter((l) => l === 'dist/')).toHaveLength(1);
		expect(lines).toContain('.runsheet/');
		expect(lines).toContain('host-config/');
	});

	it('writes into the folder named, creating it', () => {
		const dir = join(temp(), 'ops-runbooks');
		expect(runsheet(['init', dir]).status).toBe(0);
		expect(Object.keys(snapshot(dir)).sort()).toEqual([...STARTER].sort());
	});

	it('writes CI that builds under the repository’s or project’s name and publishes on Pages', () => {
		const dir = temp();
		mkdirSync(dir, { recursive: true });
		expect(runsheet(['init'], dir).status).toBe(0);
		const github = parse(readFileSync(join(dir, '.github/workflows/runsheet.yml'), 'utf8'));
		const build = github.jobs.build.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
		const uses = (name: string) => build.find((s) => s.uses?.startsWith(`${name}@`));
		expect(uses('actions/setup-node')?.with).toMatchObject({ 'node-version': 22, cache: 'npm' });
		expect(build.map((s) => s.run)).toContain('npx runsheet build runbooks/ --out dist --base /${{ github.event.repository.name }}');
		expect(uses('actions/configure-pages')).toBeDefined();
		expect(uses('actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
		expect(github.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
		expect(github.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });

		const gitlab = parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8'));
		expect(gitlab.pages.image).toBe('node:22');
		expect(gitlab.pages.script.some((line: string) => line.startsWith('npm ci'))).toBe(true);
		expect(gitlab.pages.script).toContain('npx runsheet build runbooks/ --out public --base /$CI_PROJECT_NAME');
		expect(gitlab.pages.artifacts.paths).toEqual(['public']);
	});

	it('writes a config that names every key, each explained', () => {
		const dir = temp();
		expect(runsheet(['init'], dir).status).toBe(0);
		const text = readFileSync(join(dir, 'runsheet.config.yaml'), 'utf8');
		// The keys of the config file (35-design.md, "The config file"): each on a line of its own, set or commented out, under a comment.
		const lines = text.split('\n');
		for (const key of ['title', 'description', 'logo', 'links', 'site', 'base', 'reviewEveryDays', 'offline', 'lint', 'sync']) {
			const at = lines.findIndex((line) => new RegExp(`^(# )?${key}:`).test(line));
			expect(at, key).toBeGreaterThan(0);
			expect(lines[at - 1], key).toMatch(/^# /);
		}
	});
});

describe('the guide, docs/use-in-your-repository.md', () => {
	it('shows the workflows init writes, as it writes them', () => {
		const guide = readFileSync('docs/use-in-your-repository.md', 'utf8');
		for (const file of ['github-pages.yml', 'gitlab-ci.yml'])
			expect(guide, file).toContain(`\`\`\`yaml\n${readFileSync(join('src/cli/starter', file), 'utf8')}\`\`\``);
	});
});

describe('bin/runsheet.mjs on an older Node', () => {
	const old = '/usr/bin/node';
	const version = existsSync(old) ? spawnSync(old, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
	const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
	const tooOld = major < 22 || (major === 22 && minor < 12);
	it.skipIf(!version || !tooOld)(`says what to install and stops, exit 1 (${old} ${version || 'absent'})`, () => {
		const run = runsheet(['build', 'runbooks/'], process.cwd(), old);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`runsheet needs Node 22.12 or newer; this is Node ${version.replace(/^v/, '')}`);
		expect(run.stderr).toContain('npm i -D node@22');
		expect(run.stderr).toContain('nvm install 22');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
	if (!version || !tooOld) console.log(`bin/runsheet.mjs on an older Node: skipped, ${old} is ${version || 'absent'}`);
});
