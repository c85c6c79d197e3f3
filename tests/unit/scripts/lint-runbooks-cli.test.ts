import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';
import { LINT_RULES } from '../../../src/schema/lint.ts';

const FIXTURES = 'tests/fixtures/lint';
const lint = (...args: string[]) =>
	spawnSync(process.execPath, ['scripts/lint-runbooks.ts', '--today', '2026-12-01', ...args], { encoding: 'utf8' });
const temp = () => mkdtempSync(join(tmpdir(), 'lint-'));

describe('npm run lint:runbooks', () => {
	it('prints file:line, severity, rule, field, message and fix, then the counts', () => {
		const run = lint(FIXTURES);
		expect(run.status).toBe(0);
		const lines = run.stdout.trim().split('\n');
		expect(lines).toContain(
			'tests/fixtures/lint/payments-restore.yaml:24: warning literal-date: sections[0].steps[1].commands[0].code: the command pins the date 20231120: a date written into a command is the date of one past run; the next responder would restore or read the wrong one. Fix: declare the variable BACKUP_DATE and write {{BACKUP_DATE}} for 20231120 (--fix does both)',
		);
		expect(lines).toContain(
			'tests/fixtures/lint/payments-restore.yaml:17: warning step-without-instruction: sections[0].steps[0]: "Stop writes" has no command and no instruction beyond its title, in a rollback procedure. Fix: add the command (`commands:`) or say how (`details:`), and what confirms it (`expect:`)',
		);
		expect(lines.at(-1)).toBe('lint: 2 runbooks: 8 warnings, 4 info in 1 file');
	});

	it('JSON for tools; SARIF 2.1.0 for code scanning, every rule described', () => {
		const json = JSON.parse(lint(FIXTURES, '--format', 'json').stdout);
		expect(json.counts).toEqual({ error: 0, warning: 8, info: 4 });
		expect(json.findings.find((f: { rule: string }) => f.rule === 'literal-host')).toEqual({
			file: 'tests/fixtures/lint/payments-restore.yaml',
			line: 25,
			path: 'sections[0].steps[1].commands[0].code',
			rule: 'literal-host',
			severity: 'info',
			message: expect.stringContaining('db1.payments.internal'),
			fix: expect.stringContaining('{{DB1_HOST}}'),
		});
		const sarif = JSON.parse(lint(FIXTURES, '--format', 'sarif').stdout);
		expect(sarif.version).toBe('2.1.0');
		const run = sarif.runs[0];
		expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...LINT_RULES]);
		expect(run.results).toHaveLength(12);
		const drop = run.results.find((r: { ruleId: string }) => r.ruleId === 'dangerous-command');
		expect(drop).toMatchObject({
			level: 'warning',
			ruleIndex: LINT_RULES.indexOf('dangerous-command'),
			locations: [
				{ physicalLocation: { artifactLocation: { uri: 'tests/fixtures/lint/payments-restore.yaml' }, region: { startLine: 35 } } },
			],
		});
		expect(run.results.filter((r: { level: string }) => r.level === 'note')).toHaveLength(4);
	});

	it('fails on an error or on more warnings than allowed; never on warnings alone', () => {
		expect(lint(FIXTURES, '--max-warnings', '8').status).toBe(0);
		const over = lint(FIXTURES, '--max-warnings', '0');
		expect(over.status).toBe(1);
		expect(over.stderr).toMatch(/8 warnings, more than --max-warnings 0/);
		const settings = join(temp(), 'settings.yaml');
		writeFileSync(settings, 'lint:\n  rules:\n    section-too-long: error\n    bare-verb-step: off\n');
		const strict = lint(FIXTURES, '--settings', settings, '--format', 'json');
		expect(strict.status).toBe(1);
		const counts = JSON.parse(strict.stdout).counts;
		expect(counts).toEqual({ error: 1, warning: 8, info: 1 });
	});

	it('--fix writes each literal as a declared variable, keeps comments, and the file stays valid', () => {
		const dir = temp();
		const file = join(dir, 'payments-restore.yaml');
		copyFileSync(`${FIXTURES}/payments-restore.yaml`, file);
		const run = lint(file, '--fix', '--format', 'json');
		const left = JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule);
		expect(left).not.toContain('literal-date');
		expect(left).not.toContain('literal-version');
		expect(left).not.toContain('literal-host');
		const fixed = readFileSync(file, 'utf8');
		expect(fixed.split('\n')[0]).toBe(
			'# A runbook written by hand that breaks every lint rule once (tests/unit/scripts/lint-runbooks-cli.test.ts).',
		);
		expect(fixed).toContain('aws s3 cp s3://payments-backups/{{REGION}}/payments_{{BACKUP_DATE}}.dump .');
		expect(fixed).toContain('pg_restore -h {{DB1_HOST}} -d payments payments_{{BACKUP_DATE}}.dump');
		expect(fixed).toContain('helm upgrade payments ./chart --version {{PREVIOUS_VERSION}} --set image.tag=v{{PREVIOUS_VERSION}}');
		const checked = validateRunbookSource(fixed, file);
		if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
		expect(checked.warnings).toEqual([]);
		expect(checked.runbook.variables?.map((v) => [v.name, v.default ?? v.example])).toEqual([
			['REGION', 'eu-west-1'],
			['BACKUP_DATE', '20231120'],
			['DB1_HOST', 'db1.payments.internal'],
			['PREVIOUS_VERSION', '2.4.1'],
		]);
		// Nothing left to fix: a second run changes nothing.
		lint(file, '--fix');
		expect(readFileSync(file, 'utf8')).toBe(fixed);
	});

	it('finds the line in a Markdown runbook; says which file is not valid', () => {
		const dir = temp();
		writeFileSync(
			join(dir, 'HighErrorRate.md'),
			'# HighErrorRate\n\n## Meaning\n\nErrors.\n\n## Mitigation\n\n1. Drain traffic\n2. Roll back with `helm rollback api 41`\n',
		);
		const run = lint(dir);
		expect(run.stdout).toContain(
			`${join(dir, 'HighErrorRate.md')}:9: warning step-without-instruction: sections[1].steps[0]: "Drain traffic" has no command`,
		);
		writeFileSync(join(dir, 'broken.yaml'), 'title: x\n');
		const broken = lint(dir);
		expect(broken.status).toBe(2);
		expect(broken.stderr).toMatch(/broken\.yaml.*system/);
	});
});
