import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv/dist/2020.js';
import { runbookSchema } from '../../../src/schema/runbook.ts';
import { catalogJsonSchema, configJsonSchema, runbookJsonSchema } from '../../../src/schema/json-schema.ts';
import { formatProblem, validateRunbookSource } from '../../../src/build/content/validate.ts';
import { isCalendarDate } from '../../../src/schema/date.ts';

const INVALID = 'tests/fixtures/invalid';

function problemsOf(file: string): string[] {
	const path = join(INVALID, file);
	const result = validateRunbookSource(readFileSync(path, 'utf8'), path);
	if (result.ok) throw new Error(`${file} was accepted`);
	return result.problems.map(formatProblem);
}

// Each malformed file, and what the build must say about it: file, line, field path, hint.
const CASES: [file: string, expected: RegExp][] = [
	['broken-yaml.yaml', /broken-yaml\.yaml:9: YAML syntax error: .*Hint: check indentation/],
	[
		'duplicate-step-id.yaml',
		/duplicate-step-id\.yaml:12: sections\[0\]\.steps\[1\]\.id: duplicate id "run-migrations" \(already used at sections\.0\.steps\.0\)\. Hint: .*rename one/,
	],
	[
		'unknown-kind.yaml',
		/unknown-kind\.yaml:9: sections\[0\]\.kind: "runbook" is not a section kind\. Hint: use one of checklist, procedure/,
	],
	['missing-title.yaml', /missing-title\.yaml:\d+: title: a runbook needs a title\. Hint: add `title:/],
	['bad-date.yaml', /bad-date\.yaml:5: lastReviewed: "2025-02-30" is not a valid date\. Hint: write the date as "YYYY-MM-DD"/],
	[
		'bad-step-id.yaml',
		/bad-step-id\.yaml:10: sections\[0\]\.steps\[0\]\.id: "Run Migrations" is not a URL-safe id\. Hint: use lowercase letters/,
	],
	['empty-section.yaml', /empty-section\.yaml:7: sections\[0\]: section "Deploy" is empty\. Hint: add steps/],
	['section-step-collision.yaml', /sections\[1\]\.id: duplicate id "verify" \(already used at sections\.0\.steps\.0\)/],
	['misspelt-field.yaml', /misspelt-field\.yaml:12: sections\[0\]\.steps\[0\]: unknown field "comands"\. Hint: did you mean "commands"\?/],
	['empty-step-text.yaml', /sections\[0\]\.steps\[0\]\.text: text must not be empty\. Hint: write what to do/],
	['no-sections.yaml', /no-sections\.yaml:6: sections: a runbook needs at least one section\. Hint:/],
	['choice-without-choices.yaml', /signoff\.record\[0\]\.choices: a "choice" field needs at least two choices\. Hint:/],
	['duplicate-key.yaml', /duplicate-key\.yaml:3: YAML syntax error: Map keys must be unique/],
	['Bad Name.yaml', /Bad Name\.yaml: file name "Bad Name" is not a URL-safe runbook id\. Hint: rename the file to "bad-name\.yaml"/],
	['reserved-id.yaml', /reserved-id\.yaml:7: sections\[0\]\.id: the id "signoff" is reserved for the page itself\. Hint:/],
	[
		'unknown-requires.yaml',
		/unknown-requires\.yaml:18: sections\[1\]\.steps\[0\]\.requires\[0\]: requires "backup-db", which is no step or section of this runbook\. Hint: use the id of an existing step, e\.g\. "backup-database"/,
	],
	[
		'unknown-technique.yaml',
		/unknown-technique\.yaml:12: sections\[0\]\.steps\[0\]\.techniques\[0\]: "kubernetes" is not a rollback technique\. Hint: use one of docker-compose, kubectl-rollout/,
	],
	[
		'former-id-collision.yaml',
		/former-id-collision\.yaml:14: sections\[0\]\.steps\[1\]\.formerIds\[0\]: former id "run-migrations" of "restart-workers" is a current id \(at sections\.0\.steps\.0\), so old links would land there\. Hint: remove it/,
	],
	['nested-duplicate.yaml', /steps\[0\]\.alternatives\[0\]\.steps\[0\]\.id: duplicate id "deploy-app"/],
	[
		'undeclared-variable.yaml',
		/undeclared-variable\.yaml:15: sections\[0\]\.steps\[0\]\.commands\[0\]\.code: \{\{DOMIAN\}\} is not declared\. Hint: did you mean \{\{DOMAIN\}\}\?/,
	],
	[
		'bad-variable-pattern.yaml',
		/bad-variable-pattern\.yaml:8: variables\[0\]\.pattern: the pattern is not a valid regular expression \(.*\)\. Hint: escape/,
	],
	['variable-in-title.yaml', /variable-in-title\.yaml:10: sections\[0\]\.title: \{\{DOMAIN\}\} cannot be used in "title"/],
	['secret-with-default.yaml', /secret-with-default\.yaml:9: variables\[0\]\.default: a secret variable cannot have a default/],
	[
		'bad-variable-name.yaml',
		/bad-variable-name\.yaml:6: variables\[0\]\.name: "domain-name" is not a variable name\. Hint: .* e\.g\. "DOMAIN_NAME"/,
	],
];

describe('variables', () => {
	it('warns, without failing, about a declared variable nothing uses', () => {
		const source = readFileSync(join(INVALID, 'undeclared-variable.yaml'), 'utf8').replace('{{DOMIAN}}', 'example.com');
		const result = validateRunbookSource(source, 'content/runbooks/demo.yaml');
		expect(result.ok).toBe(true);
		if (result.ok)
			expect(result.warnings.map(formatProblem)).toEqual([
				'content/runbooks/demo.yaml:6: variables[0]: warning: variable DOMAIN is declared but no step, command or note uses it. Hint: write {{DOMAIN}} where the value goes, or remove the declaration',
			]);
	});
	it('rejects a default or example that breaks the pattern', () => {
		const source = readFileSync(join(INVALID, 'bad-variable-pattern.yaml'), 'utf8').replace(
			/pattern: .*/,
			'pattern: "v[0-9]+"\n    example: "1.2"',
		);
		const result = validateRunbookSource(source, 'content/runbooks/demo.yaml');
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'content/runbooks/demo.yaml:9: variables[0].example: example "1.2" does not match the pattern v[0-9]+. Hint: fix the example or widen the pattern',
		]);
	});
	it('leaves other template syntaxes alone: {{ .Values.x }} and ${{ secrets.X }} are text', () => {
		const source = readFileSync(join(INVALID, 'undeclared-variable.yaml'), 'utf8').replace(
			'{{DOMIAN}}',
			'{{ .Values.host }} ${{ secrets.TOKEN }} {{DOMAIN}}',
		);
		const result = validateRunbookSource(source, 'content/runbooks/demo.yaml');
		expect(result.ok ? result.warnings : result.problems).toEqual([]);
	});
});

describe('malformed runbook files', () => {
	it('has a case for every fixture', () => {
		expect(readdirSync(INVALID).sort()).toEqual(CASES.map(([f]) => f).sort());
	});
	for (const [file, expected] of CASES) {
		it(`${file} is rejected with file, field and hint`, () => {
			const problems = problemsOf(file);
			expect(problems.join('\n')).toMatch(expected);
			for (const problem of problems) expect(problem).toContain('Hint:');
		});
	}
});

describe('the bundled runbooks', () => {
	for (const file of readdirSync('content/runbooks')) {
		it(`${file} is valid and starts with the schema line`, () => {
			const source = readFileSync(join('content/runbooks', file), 'utf8');
			expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../../public/runbook.schema.json');
			const result = validateRunbookSource(source, file);
			expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		});
	}
});

describe('dates', () => {
	it('accepts real calendar dates only', () => {
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(isCalendarDate('2025-02-29')).toBe(false);
		expect(isCalendarDate('2025-13-01')).toBe(false);
		expect(isCalendarDate('5 Dec 2025')).toBe(false);
	});
	it('accepts an unquoted date as Astro parses it (a Date) and outputs YYYY-MM-DD', async () => {
		const { runbookSchema } = await import('../../../src/schema/runbook.ts');
		const parsed = runbookSchema.parse({
			title: 't',
			system: 's',
			version: '1',
			lastReviewed: new Date(Date.UTC(2025, 11, 5)),
			sections: [{ id: 'a', title: 'A', steps: [{ id: 'b', text: 'B' }] }],
		});
		expect(parsed.lastReviewed).toBe('2025-12-05');
		expect(parsed.sections[0]!.kind).toBe('checklist');
	});
});

describe('JSON Schema for editors', () => {
	it('public/runbook.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
		const committed = JSON.parse(readFileSync('public/runbook.schema.json', 'utf8'));
		expect(committed).toEqual(runbookJsonSchema());
	});
	it('public/catalog.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
		expect(JSON.parse(readFileSync('public/catalog.schema.json', 'utf8'))).toEqual(catalogJsonSchema());
	});
	it('public/runsheet.config.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
		expect(JSON.parse(readFileSync('public/runsheet.config.schema.json', 'utf8'))).toEqual(configJsonSchema());
	});
	it('describes ids, kinds and required fields', () => {
		const text = JSON.stringify(runbookJsonSchema());
		expect(text).toContain('"pattern":"^[a-z0-9]+(?:-[a-z0-9]+)*$"');
		expect(text).toContain('"rollback"');
		const schema = runbookJsonSchema() as { required: string[]; additionalProperties: boolean };
		expect(schema.required).toEqual(expect.arrayContaining(['title', 'system', 'sections']));
		expect(schema.additionalProperties).toBe(false);
	});
	it('asks a hand-written runbook for its version and review date, not an imported one (as the build does)', () => {
		const validate = new Ajv({ strict: false }).compile(runbookJsonSchema());
		const base = { title: 't', system: 's', sections: [{ id: 'a', title: 'A', steps: [{ id: 'b', text: 'Do it' }] }] };
		expect(validate({ ...base, version: '1', lastReviewed: '2026-01-01' })).toBe(true);
		expect(validate(base)).toBe(false);
		expect(validate({ ...base, source: 'etcd/etcdMembersDown.md' })).toBe(true);
		expect(runbookSchema.safeParse(base).success).toBe(false);
		expect(runbookSchema.safeParse({ ...base, source: 'etcd/etcdMembersDown.md' }).success).toBe(true);
		const missing = validateRunbookSource(JSON.stringify(base), 'content/runbooks/demo.yaml');
		expect(missing.ok ? [] : missing.problems.map((p) => p.message)).toEqual([
			expect.stringMatching(/^missing required field "version"\. Hint: add `version: "1\.0\.0"`/),
			expect.stringMatching(/^missing required field "lastReviewed"\. Hint:/),
		]);
	});
});

describe('the fast path of the validator', () => {
	it('rejects an impossible date written without quotes, as the full parser does', () => {
		const source = readFileSync('content/runbooks/spatial-intel.yaml', 'utf8').replace(/^lastReviewed: .*$/m, 'lastReviewed: 2025-02-30');
		const result = validateRunbookSource(source, 'spatial-intel.yaml');
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			expect.stringMatching(/spatial-intel\.yaml:\d+: lastReviewed: "2025-02-30" is not a valid date/),
		]);
	});
});
