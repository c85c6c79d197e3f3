import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { idTargets, rollbackContent } from '../../../src/model/rollback.ts';
import { runbookSchema } from '../../../src/schema/runbook.ts';

const load = (id: string) => runbookSchema.parse(parse(readFileSync(`content/runbooks/${id}.yaml`, 'utf8')));

describe('rollback content of the bundled runbooks', () => {
	it('productivity-platform: three procedures under one rollback plan, each with its techniques', () => {
		const rollback = rollbackContent(load('productivity-platform').sections)!;
		expect(rollback.sections.map((s) => s.id)).toEqual(['rollback-plan']);
		expect(rollback.procedures.map((p) => [p.id, p.trail.join('/'), p.techniques.join(','), p.steps])).toEqual([
			['quick-rollback-docker-compose', 'Rollback Plan', 'docker-compose,git-checkout', 3],
			['quick-rollback-kubernetes', 'Rollback Plan', 'kubectl-rollout', 2],
			['database-rollback', 'Rollback Plan', 'migration-downgrade', 1],
		]);
		expect(rollback.hasCriteria).toBe(false);
	});

	it('spatial-intel: "When to Rollback" is criteria, read first and not a procedure', () => {
		const rollback = rollbackContent(load('spatial-intel').sections)!;
		expect(rollback.sections[0]!.sections!.map((s) => s.id)).toEqual(['when-to-rollback', 'rollback-steps']);
		expect(rollback.procedures.map((p) => p.id)).toEqual(['rollback-steps']);
		expect(rollback.hasCriteria).toBe(true);
	});

	it('twiga-scan: sub-steps are counted and listed for search', () => {
		const [procedure] = rollbackContent(load('twiga-scan').sections)!.procedures;
		expect(procedure!.steps).toBe(9);
		expect(procedure!.stepIds).toContain('restore-database');
		expect(procedure!.stepIds).toContain('immediate-actions');
	});

	it('yogaflow-launch has no rollback content', () => {
		expect(rollbackContent(load('yogaflow-launch').sections)).toBeUndefined();
	});

	it('criteria move first at every level, other sections keep their order', () => {
		const sections = [
			{
				id: 'r',
				title: 'R',
				kind: 'rollback' as const,
				sections: [
					{ id: 'a', title: 'A', kind: 'rollback' as const, steps: [{ id: 'a1', text: 'a1' }] },
					{ id: 'c', title: 'C', kind: 'criteria' as const, steps: [{ id: 'c1', text: 'c1' }] },
					{ id: 'b', title: 'B', kind: 'verification' as const, steps: [{ id: 'b1', text: 'b1' }] },
				],
			},
		];
		expect(rollbackContent(sections)!.sections[0]!.sections!.map((s) => s.id)).toEqual(['c', 'a', 'b']);
	});

	it('knows where every id is, for "depends on" links', () => {
		const targets = idTargets(load('spatial-intel').sections);
		expect(targets.get('backup-current-production-state')).toEqual({
			text: 'Backup current production state',
			section: 'Pre-Deployment',
			inRollback: false,
		});
		expect(targets.get('restore-database-backup')?.inRollback).toBe(true);
	});
});
