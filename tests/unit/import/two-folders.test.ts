import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readRunbookCollection } from '../../../src/build/content/collection.ts';

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A team's folder with the file names every team uses. */
function folder(root: string, name: string, topic: string): string {
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'SOURCE.md'), `# Source\n\nWhere the ${topic} runbooks come from.\n`);
	writeFileSync(join(dir, 'overview.md'), `# ${topic} overview\n\n## Steps\n\n1. Read the ${topic} dashboard.\n`);
	writeFileSync(join(dir, `${topic}-restart.md`), `# Restart ${topic}\n\n## Steps\n\n1. Restart ${topic}.\n`);
	return dir;
}

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });

it('a second folder with the same file names imports beside the first: its ids take the folder’s name, and re-importing keeps them', async () => {
	const root = mkdtempSync(join(tmpdir(), 'runsheet-two-'));
	temp.push(root);
	const out = join(root, 'content');
	const first = run(folder(root, 'payments', 'payments'), '--out-dir', out);
	expect(first.status, first.stderr).toBe(0);
	const second = run(folder(root, 'queue-ops', 'queue'), '--out-dir', out);
	expect(second.status, second.stderr).toBe(0);
	expect(second.stdout).toContain(`SOURCE.md: the id "source" is payments/source.yaml's in ${out}, so this one is "queue-ops-source"`);
	expect(second.stdout).toContain('overview.md: the id "overview" is payments/overview.yaml\'s');

	const site = await readRunbookCollection(out, out, {});
	expect(site.problems).toEqual([]);
	expect(site.entries.map((e) => `${e.path} ${e.id}`).sort()).toEqual([
		'payments/overview.yaml overview',
		'payments/payments-restart.yaml payments-restart',
		'payments/source.yaml source',
		'queue-ops/queue-ops-overview.yaml queue-ops-overview',
		'queue-ops/queue-ops-source.yaml queue-ops-source',
		'queue-ops/queue-restart.yaml queue-restart',
	]);
	// Both folders again, in the other order: every id stays.
	const before = readFileSync(join(out, 'queue-ops/queue-ops-source.yaml'), 'utf8');
	expect(run(join(root, 'queue-ops'), '--out-dir', out).status).toBe(0);
	expect(run(join(root, 'payments'), '--out-dir', out).status).toBe(0);
	const again = await readRunbookCollection(out, out, {});
	expect(again.problems).toEqual([]);
	expect(again.entries.map((e) => `${e.path} ${e.id}`).sort()).toEqual(site.entries.map((e) => `${e.path} ${e.id}`).sort());
	expect(readFileSync(join(out, 'queue-ops/queue-ops-source.yaml'), 'utf8')).toBe(before);
});
