import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/schema/section.ts';
import type { Step } from '../../../src/schema/step.ts';
import { importChecklist, repairMojibake, runbookToYaml } from '../../../src/import/index.ts';

const md = (lines: string[]) => lines.join('\n');
const allSteps = (sections: Section[]): Step[] =>
	sections.flatMap((s) => [
		...(s.steps ?? []).flatMap(function flat(step: Step): Step[] {
			return [step, ...(step.alternatives ?? []).flatMap((a) => (a.steps ?? []).flatMap(flat)), ...(step.steps ?? []).flatMap(flat)];
		}),
		...allSteps(s.sections ?? []),
	]);

describe('task-list markers and nesting', () => {
	const source = md([
		'# Checkout service release',
		'',
		'Intro before the first section.',
		'',
		'## Prepare',
		'',
		'- [ ] dash item',
		'* [x] star item done',
		'+ [X] plus item done',
		'',
		'1. [ ] numbered item',
		'2. [ ] second numbered item',
		'',
		'- [ ] level one',
		'  - [ ] level two',
		'    - [ ] level three',
		'      - [ ] level four',
		'',
		'- [ ] tabbed parent',
		'\t- [ ] tabbed child',
	]);

	it('reads every marker, any checked state, nesting to any depth and tabs', () => {
		const { runbook } = importChecklist(source);
		const prepare = runbook.sections[0]!;
		expect(prepare.title).toBe('Prepare');
		expect(prepare.steps!.map((s) => s.text)).toEqual([
			'dash item',
			'star item done',
			'plus item done',
			'numbered item',
			'second numbered item',
			'level one',
			'tabbed parent',
		]);
		expect(prepare.steps![5]!.steps![0]!.steps![0]!.steps![0]!.text).toBe('level four');
		expect(prepare.steps![6]!.steps![0]!.text).toBe('tabbed child');
		expect(runbook.title).toBe('Checkout service release');
		expect(runbook.summary).toBe('Intro before the first section.');
	});

	it('gives the same runbook for CRLF line endings', () => {
		expect(runbookToYaml(importChecklist(source.replace(/\n/g, '\r\n')).runbook)).toBe(runbookToYaml(importChecklist(source).runbook));
	});
});

describe('items with titles, details, code and quotes', () => {
	const source = md([
		'# API deploy',
		'## 3. Security',
		'- [ ] **Rotate keys**: generate new ones',
		'  - plain detail bullet',
		'    - nested detail',
		'  > Ask the security team first.',
		'  ```bash',
		'  vault rotate',
		'  ```',
		'- [ ] **Restart API**',
		'```bash',
		'systemctl restart api',
		'```',
		'- [ ] Purge the CDN (if using a CDN)',
		'- [ ] Check `DEBUG=False` and [the docs](https://example.com/docs)',
	]);
	const { runbook } = importChecklist(source);
	const section = runbook.sections[0]!;
	const [rotate, restart, purge, check] = section.steps!;

	it('drops the number of a numbered heading', () => expect(section.title).toBe('Security'));
	it('keys a bold item title into the id and keeps the text', () => {
		expect(rotate).toMatchObject({ id: 'rotate-keys', text: '**Rotate keys**: generate new ones' });
	});
	it('keeps plain bullets as details, blockquotes as notes, fences inside an item as commands', () => {
		expect(rotate!.details).toEqual(['plain detail bullet', '– nested detail']);
		expect(rotate!.notes).toEqual(['> Ask the security team first.']);
		expect(rotate!.commands).toEqual([{ lang: 'bash', code: 'vault rotate' }]);
	});
	it('attaches a fence right after an item to that item', () => {
		expect(restart).toMatchObject({ id: 'restart-api', text: 'Restart API', commands: [{ lang: 'bash', code: 'systemctl restart api' }] });
	});
	it('marks conditional steps optional with their condition', () => {
		expect(purge).toMatchObject({ text: 'Purge the CDN', optional: true, condition: 'if using a CDN' });
	});
	it('keeps inline Markdown in step text', () => {
		expect(check!.text).toBe('Check `DEBUG=False` and [the docs](https://example.com/docs)');
	});
});

describe('procedures, rollback and alternatives', () => {
	const source = md([
		'# Billing',
		'## Rollback Procedure',
		'1. **Stop traffic**',
		'2. **Restore backup** (if data is corrupt)',
		'   ```bash',
		'   pg_restore backup.dump',
		'   ```',
		'## Deploy',
		'### Option A: Helm',
		'```bash',
		'# 1. Upgrade release',
		'helm upgrade billing ./chart',
		'# 2. Watch pods',
		'kubectl get pods -w',
		'```',
		'### Option B: Plain manifests',
		'```bash',
		'kubectl apply -f k8s/',
		'```',
		'## Switch traffic',
		'- [ ] Switch the load balancer',
		'  **Option A: AWS**',
		'  ```bash',
		'  aws elbv2 modify-listener',
		'  ```',
		'  **Option B: GCP**',
		'  ```bash',
		'  gcloud compute url-maps set-default-service',
		'  ```',
		'## Migrate',
		'```bash',
		'# Option A: Alembic',
		'alembic upgrade head',
		'# Option B: Django',
		'python manage.py migrate',
		'```',
	]);
	const { runbook } = importChecklist(source);
	const [rollback, deploy, traffic, migrate] = runbook.sections;

	it('reads numbered items without checkboxes in a rollback section as ordered steps', () => {
		expect(rollback!.kind).toBe('rollback');
		expect(rollback!.steps!.map((s) => s.text)).toEqual(['Stop traffic', 'Restore backup']);
		expect(rollback!.steps![1]).toMatchObject({ condition: 'if data is corrupt', commands: [{ code: 'pg_restore backup.dump' }] });
	});
	it('reads Option headings as alternatives, with numbered comments as steps', () => {
		const [holder] = deploy!.steps!;
		expect(holder!.alternatives!.map((a) => a.title)).toEqual(['Helm', 'Plain manifests']);
		expect(holder!.alternatives![0]!.steps!.map((s) => [s.text, s.commands![0]!.code])).toEqual([
			// The comment titles the step and stays in its command: a block copies as written (issue 34).
			['Upgrade release', '# 1. Upgrade release\nhelm upgrade billing ./chart'],
			['Watch pods', '# 2. Watch pods\nkubectl get pods -w'],
		]);
		expect(holder!.alternatives![1]!.commands).toEqual([{ lang: 'bash', code: 'kubectl apply -f k8s/' }]);
	});
	it('reads bold Option paragraphs inside an item as alternatives', () => {
		expect(traffic!.steps![0]!.alternatives!.map((a) => [a.title, a.commands![0]!.code])).toEqual([
			['AWS', 'aws elbv2 modify-listener'],
			['GCP', 'gcloud compute url-maps set-default-service'],
		]);
	});
	it('reads Option comments in a code block as alternatives', () => {
		expect(migrate!.steps![0]!.alternatives!.map((a) => [a.title, a.commands![0]!.code])).toEqual([
			['Alembic', '# Option A: Alembic\nalembic upgrade head'],
			['Django', '# Option B: Django\npython manage.py migrate'],
		]);
	});
	it('gives every section, step and option a unique id', () => {
		const ids = [...runbook.sections.map((s) => s.id), ...allSteps(runbook.sections).map((s) => s.id)];
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('notes, reference sections and sign-off', () => {
	const source = md([
		'# Search cluster',
		'## Checks',
		'Some prose about the checks.',
		'',
		'| Metric | Limit |',
		'|---|---|',
		'| p95 | 200ms |',
		'',
		'<!-- keep the old dashboard until March -->',
		'',
		'- [ ] Check metrics',
		'##### Deep heading',
		'- [ ] Deep step',
		'## Success Criteria',
		'- ✅ Error rate under 1%',
		'- ✅ No alerts',
		'## Emergency Contacts',
		'- **On-call**: @search-oncall',
		'## Resources',
		'- **Dashboard**: https://grafana.example.com/d/search',
		'- **Runbook repo**: `/docs/runbooks/`',
		'## Sign-Off',
		'- [ ] Technical Lead approval',
		'',
		'**QA Lead**: ________ Date: ______',
		'',
		'**Deployed By**: ________',
		'**Status:** [ ] Successful [ ] Rolled Back [ ] Partial',
	]);
	const { runbook, warnings } = importChecklist(source);
	const [checks, criteria, contacts, resources] = runbook.sections;

	it('keeps prose, tables and HTML comments as notes of their section', () => {
		expect(checks!.description).toBe('Some prose about the checks.');
		expect(checks!.notes).toEqual(['| Metric | Limit |\n|---|---|\n| p95 | 200ms |', 'keep the old dashboard until March']);
	});
	it('nests headings of any depth', () => {
		expect(checks!.sections![0]).toMatchObject({ title: 'Deep heading', steps: [{ text: 'Deep step' }] });
	});
	it('reads ✅ success criteria as steps', () => {
		expect(criteria).toMatchObject({ kind: 'criteria', steps: [{ text: 'Error rate under 1%' }, { text: 'No alerts' }] });
	});
	it('reads contacts and resources', () => {
		expect(contacts!.contacts).toEqual([{ role: 'On-call', contact: '@search-oncall' }]);
		expect(resources!.resources).toEqual([
			{ label: 'Dashboard', href: 'https://grafana.example.com/d/search' },
			{ label: 'Runbook repo', href: '/docs/runbooks/' },
		]);
	});
	it('reads sign-off roles and record fields', () => {
		expect(runbook.signoff!.roles.map((r) => r.title)).toEqual(['Technical Lead', 'QA Lead']);
		expect(runbook.signoff!.record).toEqual([
			{ id: 'deployed-by', label: 'Deployed By', type: 'text' },
			{ id: 'status', label: 'Status', type: 'choice', choices: ['Successful', 'Rolled Back', 'Partial'] },
		]);
	});
	it('warns about what it could not find', () => {
		expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('no version found')]));
	});
});

describe('document metadata', () => {
	it('takes version, review date and purpose, and keeps other fields as a list note', () => {
		const { runbook } = importChecklist(
			md([
				'# Report',
				'**Version**: 2.1',
				'**Last Updated**: 2025-10-31',
				'',
				'**Date**: December 5, 2025',
				'**Owner**: Platform team',
				'',
				'## Steps',
				'- [ ] Do it',
			]),
		);
		expect(runbook).toMatchObject({ version: '2.1', lastReviewed: '2025-10-31' });
		expect(runbook.notes).toEqual(['- **Date**: December 5, 2025\n- **Owner**: Platform team']);
	});
});

describe('mis-encoded UTF-8', () => {
	it('repairs double-encoded text and leaves correct text alone', () => {
		expect(repairMojibake('Status: âœ… done â†’ next ðŸš€').text).toBe('Status: ✅ done → next 🚀');
		expect(repairMojibake('Café, naïve, 10 °C, ✅').text).toBe('Café, naïve, 10 °C, ✅');
	});
});

describe('ids', () => {
	it('are stable when a step is reworded around its bold title and unique when titles repeat', () => {
		const a = importChecklist('# T\n## S\n- [ ] **Backup** the database now\n- [ ] Backup\n').runbook;
		const b = importChecklist('# T\n## S\n- [ ] **Backup** everything, carefully\n- [ ] Backup\n').runbook;
		expect(a.sections[0]!.steps!.map((s) => s.id)).toEqual(['backup', 'backup-2']);
		expect(b.sections[0]!.steps!.map((s) => s.id)).toEqual(['backup', 'backup-2']);
	});
});
