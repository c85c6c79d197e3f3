import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogEntry } from '../../../src/model/catalog.ts';
import { formerIdMap, sectionLinks } from '../../../src/model/links.ts';
import { addDays, reviewStatus } from '../../../src/model/review.ts';
import { catalogEntrySchema } from '../../../src/schema/catalog.ts';
import { runbookSchema } from '../../../src/schema/runbook.ts';
import { loadRunbooks, sectionsOf, stepsOf } from '../../support/content.ts';

const twiga = runbookSchema.parse(parse(readFileSync('content/runbooks/twiga-scan.yaml', 'utf8')));

describe('the URL contract', () => {
	it('links every section and step of a runbook, rollback steps on both pages', () => {
		const links = sectionLinks('twiga-scan', twiga.sections);
		const raw = loadRunbooks().find((r) => r.id === 'twiga-scan')!;
		expect(links.map((s) => s.id)).toEqual(sectionsOf(raw).map((s) => s.id));
		expect(links.flatMap((s) => s.steps.map((x) => x.id))).toEqual(stepsOf(raw).map((s) => s.id));
		const restore = links.flatMap((s) => s.steps).find((s) => s.id === 'restore-database')!;
		expect(restore).toMatchObject({
			path: '/runbooks/twiga-scan/#restore-database',
			rollbackPath: '/rollback/twiga-scan/#restore-database',
			parent: 'immediate-actions',
			formerIds: ['restore-database-if-schema-changed'],
		});
	});
	it('maps former ids to current ones', () => {
		expect(formerIdMap(twiga.sections)).toEqual({ 'restore-database-if-schema-changed': 'restore-database' });
	});
	const CONTEXT = { base: 'https://rb.example.com/', today: '2026-11-22', defaultReviewDays: 180 };
	it('builds a catalog entry that its JSON Schema accepts', () => {
		const entry = catalogEntry('twiga-scan', twiga, { ...CONTEXT, hasRollback: true, runbookJson: true });
		expect(catalogEntrySchema.parse(entry)).toEqual(entry);
		expect(entry.urls).toEqual({
			page: 'https://rb.example.com/runbooks/twiga-scan/',
			rollback: 'https://rb.example.com/rollback/twiga-scan/',
			signoff: 'https://rb.example.com/signoff/twiga-scan/',
			data: 'https://rb.example.com/runbooks/twiga-scan.json',
		});
		expect(entry.formerIds).toEqual(['twiga-scan-deployment-checklist']);
	});
	it('gives no data URL where the site does not publish /runbooks/<id>.json (the default)', () => {
		const entry = catalogEntry('twiga-scan', twiga, { ...CONTEXT, hasRollback: false, runbookJson: false });
		expect(catalogEntrySchema.parse(entry)).toEqual(entry);
		expect(entry.urls).toEqual({
			page: 'https://rb.example.com/runbooks/twiga-scan/',
			signoff: 'https://rb.example.com/signoff/twiga-scan/',
		});
	});
});

describe('review dates', () => {
	it('is due every N days after the last review, overdue from that day', () => {
		expect(addDays('2025-10-31', 180)).toBe('2026-04-29');
		expect(reviewStatus('2025-10-31', 180, '2026-04-28')).toEqual({ due: '2026-04-29', overdue: false, everyDays: 180 });
		expect(reviewStatus('2025-10-31', 180, '2026-04-29').overdue).toBe(true);
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
	});
});

describe('npm run links', () => {
	const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/links.ts', ...args], { encoding: 'utf8' });
	it('prints one URL per page, section and step, with the base given', () => {
		const raw = loadRunbooks().find((r) => r.id === 'spatial-intel')!;
		const out = run('spatial-intel', '--base', 'https://rb.example.com/').stdout.trim().split('\n');
		const rollbackSteps = out.filter((l) => l.startsWith('https://rb.example.com/rollback/spatial-intel/#')).length;
		expect(out.length).toBe(3 + sectionsOf(raw).length + stepsOf(raw).length + rollbackSteps);
		expect(out).toContain(
			'https://rb.example.com/runbooks/spatial-intel/#restore-database-backup\tRollback Steps › Restore database backup',
		);
		expect(out.every((l) => l.startsWith('https://rb.example.com/'))).toBe(true);
	});
	it('says what is wrong with an unknown id', () => {
		const result = run('no-such-runbook');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('no runbook "no-such-runbook"');
	});
	it('writes Markdown links', () => {
		expect(run('twiga-scan', '--format', 'markdown').stdout).toContain(
			'- [If Deployment Fails › Restore database](http://localhost:4321/runbooks/twiga-scan/#restore-database)',
		);
	});
});
