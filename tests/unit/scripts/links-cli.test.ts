import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sectionsOf, stepsOf, type RawRunbook } from '../../support/content.ts';

const TEAM = 'tests/fixtures/team-runbooks';
const BASE = 'https://runbooks.example.com';

// A content folder as a team keeps it: Markdown runbooks in sub-folders, a YAML runbook in a sub-folder.
const content = mkdtempSync(join(tmpdir(), 'runsheet-links-'));
cpSync(TEAM, join(content, 'team'), { recursive: true });
mkdirSync(join(content, 'ops'));
cpSync('content/runbooks/twiga-scan.yaml', join(content, 'ops/twiga-scan.yaml'));
// A runbook whose listing is larger than a pipe holds (64 KiB), for a reader that is slow to read it.
const MANY = 700;
writeFileSync(
	join(content, 'ops/many-steps.yaml'),
	`title: Many steps\nsystem: Big\nversion: "1.0.0"\nlastReviewed: 2026-01-01\nsections:\n  - id: checks\n    title: Checks\n    steps:\n${Array.from({ length: MANY }, (_, i) => `      - { id: host-${i}, text: Check host number ${i} of the fleet and note what it says }\n`).join('')}`,
);
afterAll(() => rmSync(content, { recursive: true, force: true }));

const links = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(process.execPath, ['scripts/links.ts', ...args, '--base', BASE], {
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
const rows = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.map((line) => line.split('\t') as [string, string]);

/** A Markdown document's front matter title, and its `##` sections with the numbered steps under each. */
function outline(markdown: string) {
	const title = (parse(markdown.split('---\n')[1]!) as { title: string }).title;
	const sections: { title: string; steps: string[] }[] = [];
	for (const line of markdown.split('\n')) {
		const heading = /^## (.+)$/.exec(line);
		if (heading) sections.push({ title: heading[1]!, steps: [] });
		const step = /^\d+\. (.+)$/.exec(line);
		if (step) sections.at(-1)!.steps.push(step[1]!);
	}
	return { title, sections };
}
// As a reader sees a step: link text without its address, a pinned id ({#id}) not shown.
const shown = (text: string) =>
	text
		.replace(/\s*\{#[a-z0-9-]+\}$/, '')
		.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
		.trim();

// Each test starts the command line (a second or two, more on a busy machine).
describe('npm run links -- <id>', () => {
	it('prints the URLs of a Markdown runbook in a sub-folder of the content folder (RUNSHEET_CONTENT)', () => {
		const source = readFileSync(join(TEAM, 'payments/PaymentsHighErrorRate.md'), 'utf8');
		const { title, sections } = outline(source);
		// The id of a Markdown runbook is its file name's words (the guide's "Markdown runbooks").
		const id = 'payments-high-error-rate';
		const run = links([id], { RUNSHEET_CONTENT: content });
		expect(run.status, run.stderr).toBe(0);
		const out = rows(run.stdout);
		const page = `${BASE}/runbooks/${id}/`;
		expect(out[0]).toEqual([page, title]);
		expect(out).toContainEqual([`${BASE}/signoff/${id}/`, 'Sign-off sheet']);
		// Every section, at its heading's anchor.
		for (const section of sections) expect(out).toContainEqual([`${page}#${slug(section.title)}`, section.title]);
		// Every numbered step, labelled with its section; a pinned id is its anchor.
		const mitigation = sections.find((s) => s.title === 'Mitigation')!;
		expect(mitigation.steps).toHaveLength(3);
		for (const step of mitigation.steps) {
			const row = out.find(([, label]) => label === `Mitigation › ${shown(step)}`);
			expect(row, step).toBeDefined();
			expect(row![0].startsWith(`${page}#`)).toBe(true);
			const pinned = /\{#([a-z0-9-]+)\}$/.exec(step)?.[1];
			if (pinned) expect(row![0]).toBe(`${page}#${pinned}`);
		}
		expect(out.every(([url]) => url.startsWith(`${BASE}/`))).toBe(true);
	});

	it('gives a Markdown runbook with a rollback section its rollback page', () => {
		const source = readFileSync(join(TEAM, 'queue/queue-backlog.md'), 'utf8');
		const rollback = outline(source).sections.find((s) => s.title === 'Rollback')!;
		const run = links(['queue-backlog'], { RUNSHEET_CONTENT: content });
		expect(run.status, run.stderr).toBe(0);
		const out = rows(run.stdout);
		expect(out.map(([url]) => url)).toContain(`${BASE}/rollback/queue-backlog/`);
		// Each of its steps, on the rollback page too: labelled with the step's words.
		const onRollbackPage = out.filter(([url]) => url.startsWith(`${BASE}/rollback/queue-backlog/#`)).map(([, label]) => label);
		expect(onRollbackPage).toHaveLength(rollback.steps.length);
		rollback.steps.forEach((step, i) => {
			expect(onRollbackPage[i]).toMatch(/^Rollback › .* \(rollback page\)$/);
			expect(onRollbackPage[i]).toContain(shown(step).replace(/[:.]$/, ''));
		});
	});

	it('prints every section and step of a YAML runbook in a sub-folder, from the folder given with --content', () => {
		const raw = { id: 'twiga-scan', ...parse(readFileSync('content/runbooks/twiga-scan.yaml', 'utf8')) } as RawRunbook;
		const run = links(['twiga-scan', '--content', content]);
		expect(run.status, run.stderr).toBe(0);
		const urls = rows(run.stdout).map(([url]) => url);
		for (const { id } of [...sectionsOf(raw), ...stepsOf(raw)]) expect(urls).toContain(`${BASE}/runbooks/twiga-scan/#${id}`);
	});

	// On a busy machine the reader of a pipe falls behind; the command must still print every line
	// before it exits (it exited 0 with the end of the listing cut off). `sleep` holds the pipe full.
	it.each([
		['npm run links', `${JSON.stringify(process.execPath)} scripts/links.ts`],
		['runsheet links', `${JSON.stringify(process.execPath)} bin/runsheet.mjs links`],
	])('%s prints the whole listing to a reader that is slow to read', (_, command) => {
		const run = spawnSync('sh', ['-c', `${command} many-steps --format json --base ${BASE} | (sleep 1; cat)`], {
			encoding: 'utf8',
			env: { ...process.env, RUNSHEET_CONTENT: content },
		});
		expect(run.stdout.length).toBeGreaterThan(64 * 1024);
		const rows = JSON.parse(run.stdout) as { kind: string }[];
		expect(rows.filter((row) => row.kind === 'step')).toHaveLength(MANY);
	});

	it('says so when no runbook of the folder has the id', () => {
		const run = links(['no-such-runbook'], { RUNSHEET_CONTENT: content });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('no runbook "no-such-runbook"');
	});
});
