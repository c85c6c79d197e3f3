import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importChecklist, runbookToYaml } from '../../../src/import/index.ts';
import { walkSections, walkSteps } from '../../../src/model/outline.ts';
import type { Section } from '../../../src/schema/section.ts';
import { SOURCE_CHECKLISTS } from '../../support/fixtures.ts';

const SOURCE = readFileSync(`${SOURCE_CHECKLISTS}/twiga-scan-deployment-checklist.md`, 'utf8');
const BUNDLED = readFileSync('content/runbooks/twiga-scan.yaml', 'utf8');

const stepIds = (sections: Section[]) =>
	new Map([...walkSections(sections)].flatMap((s) => [...walkSteps(s.steps)]).map((step) => [step.text, step.id]));

describe('re-importing over an existing runbook keeps its ids', () => {
	it('an unchanged source gives back the bundled file byte for byte, header included', () => {
		const result = importChecklist(SOURCE, {
			id: 'twiga-scan',
			sourceName: 'twiga-scan-deployment-checklist.md',
			previous: parse(BUNDLED),
		});
		expect(runbookToYaml(result.runbook)).toBe(BUNDLED);
		expect(result.warnings.join('\n')).not.toMatch(/no version found|gone/);
	});

	it('edited, moved and new steps: recognised ones keep their ids, a new one does not take a kept id', () => {
		const edited = SOURCE
			// Reworded, and moved after its neighbour.
			.replace('  1. [ ] Stop accepting new traffic\n', '')
			.replace('  2. [ ] Restore previous version\n', '  1. [ ] Restore the previous version of the app\n')
			.replace(
				'  3. [ ] Restore database (if schema changed)',
				'  2. [ ] Stop accepting new traffic\n  3. [ ] Restore database (if schema changed)',
			)
			// A new step whose natural id is an existing one's.
			.replace('  - [ ] Confirm services running\n', '  - [ ] Confirm services running\n  - [ ] Restore database\n');
		const previous = parse(BUNDLED);
		const before = stepIds(previous.sections);
		const result = importChecklist(edited, { id: 'twiga-scan', previous });
		const after = stepIds(result.runbook.sections);
		expect(after.get('Restore the previous version of the app')).toBe('restore-previous-version');
		expect(after.get('Stop accepting new traffic')).toBe('stop-accepting-new-traffic');
		// Two steps now read "Restore database": the one in the rollback keeps its id, the new one
		// (the last with that text) gets another.
		expect(after.get('Restore database')).toBe('restore-database-2');
		// Every other step kept its id.
		for (const [text, id] of before) if (after.has(text) && text !== 'Restore database') expect(after.get(text), text).toBe(id);
		const ids = [...walkSections(result.runbook.sections)].flatMap((s) => [s.id, ...[...walkSteps(s.steps)].map((x) => x.id)]);
		expect(new Set(ids).size).toBe(ids.length);
		// The restore still points at the backup step, under its kept id.
		const restore = [...walkSections(result.runbook.sections)]
			.flatMap((s) => [...walkSteps(s.steps)])
			.find((s) => s.id === 'restore-database');
		expect(restore?.requires).toEqual(['backup-existing-data']);
	});

	it('says which ids are gone, and keeps hand-set former ids and header fields', () => {
		const previous = parse(BUNDLED);
		previous.formerIds = ['twiga'];
		previous.reviewEveryDays = 90;
		const step = previous.sections
			.flatMap((s: Section) => [...walkSections([s])])
			.flatMap((s: Section) => [...walkSteps(s.steps)])
			.find((s: { id: string }) => s.id === 'test-critical-paths');
		step.formerIds = ['smoke-test-critical-paths'];
		const result = importChecklist(SOURCE.replace('  - [ ] Check error rates\n', ''), { id: 'twiga-scan', previous });
		expect(result.warnings.join('\n')).toMatch(/ids of the existing file are gone .*: check-error-rates/);
		expect(result.runbook).toMatchObject({ formerIds: ['twiga'], reviewEveryDays: 90, owners: ['Twiga Scan team'], version: '1.0.0' });
		const yaml = runbookToYaml(result.runbook);
		expect(yaml).toContain('formerIds:\n                  - smoke-test-critical-paths');
		expect(yaml.indexOf('reviewEveryDays')).toBeLessThan(yaml.indexOf('sections:'));
	});
});
