import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src/import/report/index.ts';

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A handbook: a README that is more than a title and a summary, a procedure, a file in another markup. */
function handbook(): string {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-report-'));
	temp.push(dir);
	const root = join(dir, 'handbook');
	mkdirSync(join(root, 'db'), { recursive: true });
	writeFileSync(join(root, 'README.md'), '# Handbook\n\nHow we run things.\n\n## On call\n\nPage the database team first.\n');
	writeFileSync(
		join(root, 'db/restore.md'),
		'# Restore\n\n## Steps\n\n1. Stop the app:\n\n   ```shell\n   systemctl stop app\n   ```\n\n2. Restore the dump.\n',
	);
	writeFileSync(join(root, 'db/failover.rst'), 'Failover\n========\n');
	return root;
}

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });

describe('npm run import -- <folder> --report', () => {
	it('prints JSON on stdout with --format json, the usual lines on stderr', () => {
		const root = handbook();
		const result = run(root, '--out-dir', join(root, '..', 'out'), '--report', '--format', 'json');
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/db\/restore\.md -> handbook\/db\/restore\.yaml/);
		const report = JSON.parse(result.stdout) as ImportReport;
		// The README holds more than a title and a summary: a page of its own, measured as a document.
		expect(report.documents.map((d) => d.path)).toEqual(['db/restore.md', 'README.md']);
		expect(report.documents[0]).toMatchObject({ procedure: 'ordered list', codeBlocks: { source: 1, command: 1 } });
		expect(report.documents[0]!.steps).toBeGreaterThanOrEqual(2);
		// Its "On call" section is on that page: no word lost, no index read for its title alone.
		expect(report.documents[1]!.words).toMatchObject({ source: 12, kept: 12 });
		expect(report.indexes).toEqual([]);
		expect(report.notRead).toEqual([{ path: 'db/failover.rst', why: 'reStructuredText: not read' }]);
		expect(report.totals.procedures).toEqual({ source: 1, withSteps: 1, percent: 100 });
	});

	it('prints the report as text after the import’s lines, with what to look at', () => {
		const root = handbook();
		const result = run(root, '--out-dir', join(root, '..', 'out'), '--report');
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(
			/^import report:\n {2}db\/restore\.md · "Restore" · words \d+\/\d+ · code 1: 1 command · procedure, \d+ steps$/m,
		);
		expect(result.stdout).toMatch(/^ {2}README\.md · "Handbook" · words 12\/12$/m);
		expect(result.stdout).not.toContain('a folder index read for its title and summary');
		expect(result.stdout).toMatch(/^ {2}db\/failover\.rst: reStructuredText: not read$/m);
		expect(result.stdout).toMatch(/^total: 2 documents · words kept \d+\/\d+ \([\d.]+%\) · code blocks as commands or output 1\/1 \(100%/m);
	});

	it('refuses a format it does not know', () => {
		const result = run(handbook(), '--report', '--format', 'xml');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--format is text or json, not "xml"');
	});
});
