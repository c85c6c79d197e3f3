import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keptFindings } from '../../../src/build/content/kept-findings.ts';
import { runbookLoader } from '../../../src/build/content/loader.ts';
import { validateRunbookSource } from '../../../src/build/content/validate.ts';
import { lintRunbook } from '../../../src/model/lint/lint.ts';
import { isoDay } from '../../../src/model/review.ts';
import type { Runbook } from '../../../src/schema/runbook.ts';

/** The part of Astro's loader context the build path uses: a store, the project root, no watcher. */
function buildContext(stale: string[] = []) {
	type Entry = {
		id: string;
		data: unknown;
		digest?: string;
		filePath?: string;
		rendered?: { html: string; metadata?: Record<string, unknown> };
	};
	const entries = new Map<string, Entry>(stale.map((id) => [id, { id, data: {} }]));
	const store = {
		keys: () => [...entries.keys()],
		set: (entry: Entry) => (entries.set(entry.id, entry), true),
		delete: (id: string) => void entries.delete(id),
	};
	const logged: string[] = [];
	const logger = {
		info: (m: string) => logged.push(m),
		warn: (m: string) => logged.push(`warn ${m}`),
		error: (m: string) => logged.push(`error ${m}`),
	};
	return { entries, logged, context: { store, logger, config: { root: pathToFileURL(`${process.cwd()}/`) }, watcher: undefined } };
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

	it('tells the lint in one line, and stops the build on a rule the site raised to error', async () => {
		const quiet = buildContext();
		await runbookLoader({ base: 'content/runbooks' }).load(quiet.context as never);
		expect(quiet.logged).toEqual([expect.stringMatching(/^lint: 5 runbooks, \d+ info \(npm run lint:runbooks lists them, with fixes\)$/)]);

		// The bundled runbooks keep a few bare-verb steps (info by default): an error here.
		const strict = buildContext();
		const load = runbookLoader({
			base: 'content/runbooks',
			settings: { reviewEveryDays: 180, lint: { showOnPages: false, rules: { 'bare-verb-step': 'error' } } },
		}).load(strict.context as never);
		await expect(load).rejects.toThrow(
			/lint errors in the runbooks:\ncontent\/runbooks\/\S+\.yaml: bare-verb-step: "[^"]+" says what to look at/,
		);
	});

	it('lints once for the pages: keeps each runbook’s findings with its entry when pages show them, its digest changing with them', async () => {
		const settings = (showOnPages: boolean, rules = {}) => ({ reviewEveryDays: 180, lint: { showOnPages, rules } });
		const load = async (lint: ReturnType<typeof settings>) => {
			const { entries, logged, context } = buildContext();
			await runbookLoader({ base: 'content/runbooks', settings: lint }).load(context as never);
			return { entries, logged };
		};
		const hidden = await load(settings(false));
		const shown = await load(settings(true));
		const today = isoDay(new Date());
		let total = 0;
		for (const [id, entry] of shown.entries) {
			expect(keptFindings(hidden.entries.get(id)!)).toBeUndefined();
			const kept = keptFindings(entry)!;
			expect(kept).toEqual(lintRunbook(entry.data as Runbook, { today, reviewEveryDays: 180, rules: {} }));
			total += kept.length;
			// The data stays the runbook as its file says (what /runbooks/<id>.json publishes).
			expect(entry.data).toEqual(hidden.entries.get(id)!.data);
		}
		// The same findings the build's line counts.
		expect(shown.logged).toEqual([`lint: 5 runbooks, ${total} info (npm run lint:runbooks lists them, with fixes)`]);

		// A rule's severity set in the settings: the files are the same, the findings not, so neither is the digest
		// (Astro's data store keeps an entry whose digest did not change).
		const raised = await load(settings(true, { 'bare-verb-step': 'warning' }));
		const [id, entry] = [...raised.entries].find(([, e]) => keptFindings(e)!.some((f) => f.rule === 'bare-verb-step'))!;
		expect(
			keptFindings(entry)!
				.filter((f) => f.rule === 'bare-verb-step')
				.every((f) => f.severity === 'warning'),
		).toBe(true);
		expect(entry.digest).not.toBe(shown.entries.get(id)!.digest);
		expect(shown.entries.get(id)!.digest).not.toBe(hidden.entries.get(id)!.digest);
	});
});

describe('files beside the runbooks, as the build reads the folder', () => {
	it('says in one line which it leaves out: those no runbook links (tests/fixtures/hostile)', async () => {
		const { entries, logged, context } = buildContext();
		await runbookLoader({ base: 'tests/fixtures/hostile' }).load(context as never);
		expect(entries.has('quokka-failover')).toBe(true);
		const lines = logged.filter((line) => line.includes('runbook files'));
		// README.txt says what the fixture is; quokka-checklist.txt is linked where the imported site
		// puts it (/runbook-files/hostile/ops/), not from this folder's root.
		expect(lines).toEqual([
			'warn runbook files: 5 files beside the runbooks, linked by none, not published: README.txt, ops/diagram-unlinked.png, ops/kubeconfig, ops/prod.env.txt, ops/quokka-checklist.txt. Hint: link a file from a runbook to publish it',
		]);
	});

	it('stops the build on a link to a kubeconfig, naming the file and the runbook (tests/fixtures/linked-secret)', async () => {
		const { context } = buildContext();
		const load = runbookLoader({ base: 'tests/fixtures/linked-secret' }).load(context as never);
		await expect(load).rejects.toThrow(
			/problems in the runbooks:\ntests\/fixtures\/linked-secret\/ops\/cluster-access\.md: links ops\/kubeconfig, named like a kubeconfig: such a file is never published\. Hint: /,
		);
	});
});
