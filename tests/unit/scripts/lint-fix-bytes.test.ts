import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';

// Issue 33, finding 9: `lint --fix` changed every line end of a CRLF file and rewrote `>-` scalars.
const FIXTURE = 'tests/fixtures/lint/payments-restore.yaml';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fix(source: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
	dirs.push(dir);
	const file = join(dir, 'payments-restore.yaml');
	writeFileSync(file, source);
	const run = spawnSync(process.execPath, ['scripts/lint-runbooks.ts', '--today', '2026-12-01', file, '--fix'], { encoding: 'utf8' });
	expect(run.status, run.stderr).toBe(0);
	return readFileSync(file, 'utf8');
}

/** The fixture with a folded summary and a literal block (`|`) of notes, untouched by any fix. */
const original = readFileSync(FIXTURE, 'utf8')
	.replace(
		"summary: Restore the payments database from last night's backup.",
		"summary: >-\n  Restore the payments database\n  from last night's backup.",
	)
	.replace('owners: []', 'owners: []\nnotes:\n  - |\n    Keep the dump until the restore is checked.\n    Then delete it.');

describe('npm run lint:runbooks -- --fix', () => {
	it('keeps CRLF line ends, and block scalars as they were written', () => {
		const crlf = original.replace(/\n/g, '\r\n');
		const fixed = fix(crlf);
		expect(fixed).toContain('{{BACKUP_DATE}}');
		expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
		expect(fixed).toContain("summary: >-\r\n  Restore the payments database\r\n  from last night's backup.\r\n");
		expect(fixed).toContain('  - |\r\n    Keep the dump until the restore is checked.\r\n    Then delete it.\r\n');
		expect(fixed).toContain(
			'            code: |-\r\n              aws s3 cp s3://payments-backups/{{REGION}}/payments_{{BACKUP_DATE}}.dump .\r\n',
		);
		const checked = validateRunbookSource(fixed, 'payments-restore.yaml');
		expect(checked.ok).toBe(true);
	});

	it('changes only the lines that held a literal, and adds the declarations', () => {
		const fixed = fix(original);
		const before = original.split('\n');
		const after = fixed.split('\n');
		// Every line of the source is still there, unless it held one of the literals fixed.
		const literals = /20231120|2\.4\.1|db1\.payments\.internal/;
		expect(before.filter((line) => !literals.test(line) && !after.includes(line))).toEqual([]);
		// What was added: the lines that now say {{NAME}}, and the three declarations under variables:.
		const added = after.filter((line) => !before.includes(line));
		const declared = added.filter((line) => !line.includes('{{'));
		expect(declared.filter((line) => line.startsWith('  - name: '))).toEqual([
			'  - name: BACKUP_DATE',
			'  - name: DB1_HOST',
			'  - name: PREVIOUS_VERSION',
		]);
		expect(declared.filter((line) => !/^ {2}- name: |^ {4}[a-zA-Z]+: /.test(line))).toEqual([]);
		expect(fixed.indexOf('  - name: BACKUP_DATE')).toBeGreaterThan(fixed.indexOf('  - name: REGION'));
		expect(fixed.indexOf('  - name: PREVIOUS_VERSION')).toBeLessThan(fixed.indexOf('sections:'));
	});
});
