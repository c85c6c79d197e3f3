import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runbookLoader } from '../../../src/build/content/loader.ts';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';

/** The part of Astro's loader context the build path uses: a store, the project root, no watcher. */
function buildContext(stale: string[] = []) {
	const entries = new Map<string, { id: string; data: unknown; digest?: string; filePath?: string }>(
		stale.map((id) => [id, { id, data: {} }]),
	);
	const store = {
		keys: () => [...entries.keys()],
		set: (entry: { id: string; data: unknown; digest?: string; filePath?: string }) => (entries.set(entry.id, entry), true),
		delete: (id: string) => void entries.delete(id),
	};
	return { entries, context: { store, config: { root: pathToFileURL(`${process.cwd()}/`) }, watcher: undefined } };
}

describe('runbook loader', () => {
	it('loads every runbook as the content check parses it, and drops entries whose file is gone', async () => {
		const { entries, context } = buildContext(['a-runbook-since-deleted']);
		await runbookLoader({ base: 'content/runbooks' }).load(context as never);
		const files = readdirSync('content/runbooks')
			.filter((f) => f.endsWith('.yaml'))
			.sort();
		expect([...entries.keys()].sort()).toEqual(files.map((f) => f.replace(/\.yaml$/, '')).sort());
		for (const file of files) {
			const path = join('content/runbooks', file);
			const expected = validateRunbookSource(readFileSync(path, 'utf8'), path);
			if (!expected.ok) throw new Error(`${file} is not valid`);
			const entry = entries.get(file.replace(/\.yaml$/, ''))!;
			expect(entry.data).toEqual(expected.runbook);
			expect(entry.filePath).toBe(`content/runbooks/${file}`);
			expect(entry.digest).toMatch(/^[0-9a-f]{16}$/);
		}
	});
});
