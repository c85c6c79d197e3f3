import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatPath } from '../../../../src/build/content/validate.ts';
import { lintRunbook } from '../../../../src/model/lint/lint.ts';
import { type Runbook, runbookSchema } from '../../../../src/schema/runbook.ts';
import type { LintRuleId } from '../../../../src/schema/lint.ts';

const OPTIONS = { today: '2026-12-01', reviewEveryDays: 180 };
const runbook = (data: Record<string, unknown>): Runbook =>
	runbookSchema.parse({ title: 'T', system: 'S', version: '1', lastReviewed: '2026-11-30', owners: ['Ops'], ...data });
const fixture = (name: string) => runbookSchema.parse(parse(readFileSync(`tests/fixtures/lint/${name}`, 'utf8')));
/** `rule path` of each finding, for one rule or all. */
const found = (data: Runbook, rule?: LintRuleId, options = OPTIONS) =>
	lintRunbook(data, options)
		.filter((f) => !rule || f.rule === rule)
		.map((f) => `${f.rule} ${formatPath(f.path)}`);
const steps = (kind: string, list: Record<string, unknown>[], more: Record<string, unknown> = {}) => ({
	sections: [{ id: 's', title: 'Roll back', kind, ...more, steps: list }],
});

describe('the lint rules, each on data that breaks it and data that keeps it', () => {
	it('the fixture breaks every rule once; its fixed twin breaks none', () => {
		expect(new Set(lintRunbook(fixture('payments-restore.yaml'), OPTIONS).map((f) => f.rule))).toEqual(
			new Set([
				'review-overdue',
				'missing-owner',
				'procedure-without-trigger',
				'step-without-instruction',
				'literal-date',
				'literal-host',
				'literal-version',
				'dangerous-command',
				'bare-verb-step',
				'duplicate-step',
				'section-too-long',
			]),
		);
		expect(found(fixture('payments-restore-fixed.yaml'))).toEqual([]);
	});

	it('literal-date, -version, -host: one variable per value across the runbook, a declared one reused', () => {
		const data = runbook({
			variables: [{ name: 'DB_HOST', label: 'Database', default: 'db.shop.internal' }],
			sections: [
				{
					id: 's',
					title: 'Restore',
					kind: 'procedure',
					steps: [
						{ id: 'a', text: 'Restore', commands: [{ code: 'pg_restore -h db.shop.internal backup_20240102.dump' }] },
						{ id: 'b', text: 'Check', expect: 'Rows', commands: [{ code: 'ls backup_20240102.dump' }] },
					],
				},
			],
		});
		const literals = lintRunbook(data, OPTIONS).flatMap((f) => (f.literal ? [f.literal] : []));
		expect(literals.map((l) => [formatPath(l.path), l.value, l.variable.name, l.declared])).toEqual([
			['sections[0].steps[0].commands[0].code', 'db.shop.internal', 'DB_HOST', true],
			['sections[0].steps[0].commands[0].code', '20240102', 'BACKUP_DATE', false],
			['sections[0].steps[1].commands[0].code', '20240102', 'BACKUP_DATE', false],
		]);
		// The date is chosen per run (an example, never a default); the host is right today.
		expect(literals[1]!.variable).toMatchObject({ example: '20240102', pattern: '\\d{8}' });
		expect(literals[1]!.variable).not.toHaveProperty('default');
	});

	it('step-without-instruction: only in rollback and mitigation, only a bare title', () => {
		const list = [
			{ id: 'a', text: 'Stop accepting new traffic' },
			{ id: 'b', text: 'Drain the node', commands: [{ code: 'kubectl drain node-1' }] },
			{ id: 'c', text: 'Scale down', details: ['To zero replicas, with kubectl scale'] },
			{ id: 'd', text: 'Turn on the `maintenance` flag' },
			{ id: 'e', text: 'Tell the support desk that payments are paused until the restore completes' },
		];
		expect(found(runbook(steps('rollback', list, { when: 'x' })), 'step-without-instruction')).toEqual([
			'step-without-instruction sections[0].steps[0]',
		]);
		expect(found(runbook(steps('procedure', list)), 'step-without-instruction')).toEqual([]);
		// Criteria inside a rollback are conditions to recognise, not things to do.
		expect(
			found(
				runbook({
					sections: [
						{
							id: 'r',
							title: 'Rollback',
							kind: 'rollback',
							sections: [{ id: 'w', title: 'When to roll back', kind: 'criteria', steps: list }],
						},
					],
				}),
				'step-without-instruction',
			),
		).toEqual([]);
	});

	it('procedure-without-trigger: when:, a description, a conditional heading or a criteria section says when', () => {
		const one = [{ id: 'a', text: 'Revert', commands: [{ code: 'git revert HEAD' }] }];
		expect(found(runbook(steps('rollback', one)), 'procedure-without-trigger')).toEqual(['procedure-without-trigger sections[0]']);
		expect(found(runbook(steps('rollback', one, { when: 'Error rate above 5%' })), 'procedure-without-trigger')).toEqual([]);
		expect(found(runbook(steps('rollback', one, { title: 'If the deploy fails' })), 'procedure-without-trigger')).toEqual([]);
		const withCriteria = runbook({
			sections: [
				{ id: 'c', title: 'When to roll back', kind: 'criteria', steps: [{ id: 'x', text: 'Errors above 1%' }] },
				{ id: 'r', title: 'Roll back', kind: 'rollback', steps: one },
			],
		});
		expect(found(withCriteria, 'procedure-without-trigger')).toEqual([]);
		// A response runbook's mitigation answers its alert.
		expect(found(runbook({ alerts: ['HighErrorRate'], ...steps('mitigation', one) }), 'procedure-without-trigger')).toEqual([]);
		expect(found(runbook(steps('mitigation', one)), 'procedure-without-trigger')).toEqual(['procedure-without-trigger sections[0]']);
	});

	it('section-too-long: more than 9 steps at one level, at any level', () => {
		const many = (n: number, prefix: string) =>
			Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `Item ${prefix}${i} is green` }));
		expect(found(runbook(steps('checklist', many(9, 'a'))), 'section-too-long')).toEqual([]);
		expect(found(runbook(steps('checklist', many(10, 'a'))), 'section-too-long')).toEqual(['section-too-long sections[0].steps']);
		expect(found(runbook(steps('checklist', [{ id: 'g', text: 'Group', steps: many(12, 'b') }])), 'section-too-long')).toEqual([
			'section-too-long sections[0].steps[0].steps',
		]);
	});

	it('bare-verb-step: a vague verb with nothing to confirm and no expected result', () => {
		const list = [
			{ id: 'a', text: 'Check logs' },
			{ id: 'b', text: 'Check logs', expect: 'No errors since the deploy' },
			{ id: 'c', text: 'Verify all pods are Ready' },
			{ id: 'd', text: 'Monitor error rate below 1%' },
			{ id: 'e', text: 'Restart the API' },
			{ id: 'f', text: 'Check the dashboards of the payments service in Grafana' },
			{ id: 'g', text: 'Verify', steps: [{ id: 'g1', text: 'Balances match' }] },
		];
		expect(found(runbook(steps('checklist', list)), 'bare-verb-step')).toEqual(['bare-verb-step sections[0].steps[0]']);
	});

	it('duplicate-step: the same words twice in one list, not in two lists', () => {
		const data = runbook(
			steps('checklist', [
				{ id: 'a', text: 'Restart **the** API' },
				{ id: 'b', text: 'restart the  API' },
				{ id: 'g', text: 'Worker', steps: [{ id: 'c', text: 'Restart the API' }] },
			]),
		);
		expect(found(data, 'duplicate-step')).toEqual(['duplicate-step sections[0].steps[1]']);
	});

	it('missing-owner, review-overdue, review-due-soon', () => {
		expect(found(runbook({ owners: [], ...steps('checklist', [{ id: 'a', text: 'Restart the API' }]) }), 'missing-owner')).toEqual([
			'missing-owner owners',
		]);
		const reviewed = (lastReviewed: string | undefined) =>
			found(runbook({ lastReviewed, source: 'x.md', ...steps('checklist', [{ id: 'a', text: 'Restart the API' }]) })).filter((f) =>
				f.startsWith('review'),
			);
		expect(reviewed('2026-11-01')).toEqual([]); // due 2027-04-30
		expect(reviewed('2026-06-20')).toEqual(['review-due-soon lastReviewed']); // due 2026-12-17
		expect(reviewed('2026-06-01')).toEqual(['review-overdue lastReviewed']); // due 2026-11-28
		expect(reviewed(undefined)).toEqual(['review-overdue lastReviewed']); // never reviewed
	});

	it('dangerous-command: rm -rf, DROP, --force, kubectl delete namespace without a warning', () => {
		const cmd = (code: string, more: Record<string, unknown> = {}) =>
			found(runbook(steps('procedure', [{ id: 'a', text: 'Clean up', commands: [{ code }], ...more }])), 'dangerous-command').length;
		expect(cmd('rm -rf /var/lib/app/cache')).toBe(1);
		expect(cmd('rm -fr build/')).toBe(1);
		expect(cmd('psql -c "drop table sessions"')).toBe(1);
		expect(cmd('git push --force origin main')).toBe(1);
		expect(cmd('kubectl delete namespace payments')).toBe(1);
		expect(cmd('kubectl delete ns payments')).toBe(1);
		expect(cmd('rm -rf build/', { notes: ['**Warning:** deletes the build output.'] })).toBe(0);
		expect(cmd('rm -rf build/', { details: ['This cannot be undone'] })).toBe(0);
		expect(cmd('rm old.log && kubectl delete pod api-0 && git push --force-with-lease')).toBe(0);
	});

	it('a rule turned off in the data, with its reason, on the step, a section above or the runbook', () => {
		const bare = { id: 'a', text: 'Check logs' };
		const reason = 'the logs page says what to look for';
		expect(found(runbook(steps('checklist', [{ ...bare, lint: { ignore: ['bare-verb-step'], reason } }])), 'bare-verb-step')).toEqual([]);
		expect(found(runbook(steps('checklist', [bare], { lint: { ignore: ['bare-verb-step'], reason } })), 'bare-verb-step')).toEqual([]);
		expect(found(runbook({ lint: { ignore: ['bare-verb-step'], reason }, ...steps('checklist', [bare]) }), 'bare-verb-step')).toEqual([]);
		// Another rule is not turned off by it.
		expect(found(runbook(steps('checklist', [{ ...bare, lint: { ignore: ['duplicate-step'], reason } }])), 'bare-verb-step')).toHaveLength(
			1,
		);
		// Without a reason, the file is not valid.
		expect(
			runbookSchema.safeParse({ title: 'T', system: 'S', source: 'x', lint: { ignore: ['bare-verb-step'] }, sections: [] }).success,
		).toBe(false);
	});

	it('site severities: a rule raised, lowered or off', () => {
		const data = runbook(steps('checklist', [{ id: 'a', text: 'Check logs' }]));
		expect(lintRunbook(data, OPTIONS).map((f) => f.severity)).toEqual(['info']);
		expect(lintRunbook(data, { ...OPTIONS, rules: { 'bare-verb-step': 'error' } }).map((f) => f.severity)).toEqual(['error']);
		expect(lintRunbook(data, { ...OPTIONS, rules: { 'bare-verb-step': 'off' } })).toEqual([]);
	});
});
