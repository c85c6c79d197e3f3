import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The build runs this script before Astro; a bad file must stop it with a precise message.
const dirs: string[] = [];
function runValidate(files: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-'));
	dirs.push(dir);
	for (const file of files) copyFileSync(file, join(dir, file.split('/').pop()!));
	return spawnSync(process.execPath, ['scripts/validate-content.ts', dir], { encoding: 'utf8' });
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('scripts/validate-content.ts', () => {
	it('passes the bundled runbooks', () => {
		const result = spawnSync(process.execPath, ['scripts/validate-content.ts'], { encoding: 'utf8' });
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('5 runbooks OK');
	});
	it('fails naming the file, the line, the field and a hint', () => {
		const result = runValidate(['content/runbooks/yogaflow.yaml', 'tests/fixtures/invalid/unknown-kind.yaml']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/unknown-kind\.yaml:9: sections\[0\]\.kind: "runbook" is not a section kind\. Hint: use one of/);
		expect(result.stderr).toContain('1 of 2 runbook files have problems');
	});
	it('fails when a runbook’s former id is another runbook’s id', () => {
		const result = runValidate(['tests/fixtures/collection/payments.yaml', 'tests/fixtures/collection/billing.yaml']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(
			/payments\.yaml: formerIds\[0\]: former id "billing" is the id of .*billing\.yaml, so its old URL would open that runbook\. Hint:/,
		);
	});
	it('fails when there are no runbooks at all', () => {
		const result = runValidate([]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('no runbooks in');
	});
});
