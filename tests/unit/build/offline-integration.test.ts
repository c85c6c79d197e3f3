import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runsheetOffline, writeOfflineFiles, type OfflineStep } from '../../../src/build/offline/integration.ts';

/** A built site of a few files, as astro build leaves dist/. */
function site(): string {
	const dir = mkdtempSync(join(tmpdir(), 'offline-'));
	mkdirSync(join(dir, '_astro'));
	mkdirSync(join(dir, 'runbooks/restore-db'), { recursive: true });
	writeFileSync(join(dir, '_astro/page.abc.js'), 'x');
	writeFileSync(join(dir, 'runbooks/restore-db/index.html'), '<html></html>');
	writeFileSync(join(dir, 'runbooks.json'), '{}');
	return dir;
}

async function build(enabled: boolean, base = '/', later?: (dist: string, step: OfflineStep) => boolean): Promise<string> {
	const dir = site();
	const integration = runsheetOffline({ enabled, ...(later ? { later } : {}) });
	const logs: string[] = [];
	const logger = { info: (m: string) => logs.push(m) };
	await (integration.hooks['astro:config:done'] as (o: unknown) => unknown)({ config: { base } });
	// Astro's map of each route to the files it wrote: one runbook page, and a redirect of another route.
	const assets = new Map([
		['/runbooks/[id]', [pathToFileURL(join(dir, 'runbooks/restore-db/index.html'))]],
		['/[...moved]', [pathToFileURL(join(dir, 'runbooks/old-name/index.html'))]],
	]);
	await (integration.hooks['astro:build:done'] as (o: unknown) => unknown)({ dir: pathToFileURL(`${dir}/`), logger, assets });
	return dir;
}

describe('the offline integration', () => {
	it('writes the worker, told the base and the shell, the update notice and what "Keep all" fetches', async () => {
		const dir = await build(true, '/ops-runbooks/');
		const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
		expect(sw).toMatch(
			/^const RUNSHEET_SW = \{"version":"[0-9a-f]{12}","base":"\/ops-runbooks","shell":\["\/ops-runbooks\/_astro\/page\.abc\.js"\]/,
		);
		// Types stripped and no module syntax: a classic worker script.
		expect(sw).not.toMatch(/^\s*(import|export)\b/m);
		expect(sw).not.toContain(': Promise<');
		expect(existsSync(join(dir, 'sw-update.js'))).toBe(true);
		const manifest = JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8'));
		expect(manifest).toMatchObject({
			runbooks: 1,
			keep: [{ url: '/ops-runbooks/runbooks.json' }, { url: '/ops-runbooks/runbooks/restore-db/' }],
		});
	});

	it('offline: false writes a worker that removes itself and what an earlier one kept, and no list', async () => {
		const dir = await build(false);
		const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
		expect(sw).toContain('registration.unregister()');
		expect(sw).toContain('caches.delete');
		expect(existsSync(join(dir, 'offline.json'))).toBe(false);
		expect(existsSync(join(dir, 'sw-update.js'))).toBe(false);
	});

	it('leaves its step to what runs after the search index when asked, and that step writes the same files', async () => {
		const taken: { dist: string; step: OfflineStep }[] = [];
		const dir = await build(true, '/ops-runbooks/', (dist, step) => taken.push({ dist, step }) > 0);
		expect(existsSync(join(dir, 'offline.json'))).toBe(false);
		expect(existsSync(join(dir, 'sw.js'))).toBe(false);
		expect(taken).toEqual([
			{ dist: `${dir}/`, step: { enabled: true, base: '/ops-runbooks', runbooks: 1, present: ['_astro', 'runbooks', 'runbooks.json'] } },
		]);
		writeOfflineFiles(dir, taken[0]!.step, { info: () => {} });
		const inTurn = await build(true, '/ops-runbooks/');
		for (const file of ['offline.json', 'sw.js', 'sw-update.js'])
			expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(inTurn, file), 'utf8'));
	});
});
