import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it('npm run import never copies a linked file named like a secret, and says so', () => {
	const dir = mkdtempSync(join(tmpdir(), 'runsheet-secrets-'));
	temp.push(dir);
	const team = join(dir, 'ops');
	mkdirSync(team);
	writeFileSync(join(team, 'kubeconfig'), 'token: abc123\n');
	writeFileSync(join(team, 'diagram.png'), 'png');
	writeFileSync(
		join(team, 'DiskFull.md'),
		'# DiskFull\n\n## Mitigation\n\n1. Get [the kubeconfig](kubeconfig) and look at [the diagram](diagram.png).\n',
	);
	const out = join(dir, 'out');
	const result = spawnSync(process.execPath, ['scripts/import.ts', team, '--out-dir', out], { encoding: 'utf8' });
	expect(result.status, result.stderr).toBe(0);
	expect(existsSync(join(out, 'ops/diagram.png'))).toBe(true);
	expect(existsSync(join(out, 'ops/kubeconfig'))).toBe(false);
	expect(result.stdout).toMatch(/warning: kubeconfig is linked but named like a kubeconfig: not copied/);
	// The source is left as it was.
	expect(readFileSync(join(team, 'kubeconfig'), 'utf8')).toBe('token: abc123\n');
});
