import { describe, expect, it } from 'vitest';
import { assemble, systemName } from '../../../../src/import/passes/assemble.ts';
import { idAnchors, keepPreviousIds, unusedFrontMatter } from '../../../../src/import/passes/ids.ts';
import type { PassState } from '../../../../src/import/passes/pass.ts';
import { expectations, rollbackLinks } from '../../../../src/import/passes/steps.ts';
import { summarize } from '../../../../src/import/passes/summary.ts';
import { literalVariables, placeholderVariables } from '../../../../src/import/passes/variables.ts';
import type { ImportOptions } from '../../../../src/import/options.ts';
import { read } from '../readers/read.ts';

/** The state the passes start from: a document read, then assembled. */
function assembled(lines: string[], options: ImportOptions = {}): PassState {
	const ctx = read(lines, options);
	return { ctx, runbook: assemble(ctx), proposals: [] };
}

describe('assemble', () => {
	it('titles a checklist with its system and drops sections left with nothing in them', () => {
		const state = assembled(['# Release checklist', '', '## Empty', '', '## Procedure', '', '- [ ] Tag it'], {
			id: 'billing-release-checklist',
		});
		expect(state.runbook.system).toBe('Billing');
		expect(state.runbook.title).toBe('Billing: Release checklist');
		expect(state.runbook.sections.map((s) => s.title)).toEqual(['Procedure']);
	});

	it('names the system of a document in the alert-runbook shape "Alerts", and its alert from the heading', () => {
		const state = assembled(['# KubeAPIDown', '', '## Meaning', '', 'M.', '', '## Mitigation', '', 'Restart it.']);
		expect(systemName(state.ctx)).toBe('Alerts');
		expect(state.runbook.alerts).toEqual(['KubeAPIDown']);
	});

	it('asks for a version and a review date the source does not give', () => {
		const state = assembled(['# T', '', '## Procedure', '', '- [ ] Tag it']);
		expect(state.ctx.warnings.some((w) => /version/i.test(w))).toBe(true);
	});
});

describe('passes', () => {
	it('expectations: "should return …" in a step’s text becomes what confirms it', () => {
		const state = assembled(['# T', '', '## Verification', '', '1. Curl the health check (should return 200)']);
		expectations(state);
		expect(state.runbook.sections[0]!.steps![0]!.expect).toContain('200');
	});

	it('rollback links: a restore in the rollback is linked to the backup step of the procedure', () => {
		const state = assembled([
			'# T',
			'',
			'## Procedure',
			'',
			'1. Back up the database',
			'',
			'   ```',
			'   pg_dump app > backup.sql',
			'   ```',
			'',
			'## Rollback',
			'',
			'1. Restore the database',
			'',
			'   ```',
			'   psql app < backup.sql',
			'   ```',
		]);
		rollbackLinks(state);
		const restore = state.runbook.sections[1]!.steps![0]!;
		expect(restore.requires).toEqual([state.runbook.sections[0]!.steps![0]!.id]);
		expect(state.proposals.some((p) => p.startsWith('requires:'))).toBe(true);
	});

	it('placeholder variables: `<namespace>` in a command is a value to fill in, declared above the sections', () => {
		const state = assembled([
			'# T',
			'',
			'## Procedure',
			'',
			'1. List the pods',
			'',
			'   ```',
			'   kubectl get pods -n <namespace>',
			'   ```',
		]);
		placeholderVariables(state);
		expect(state.runbook.variables?.map((v) => v.name)).toEqual(['NAMESPACE']);
		expect(Object.keys(state.runbook).slice(-2)).toEqual(['variables', 'sections']);
	});

	it('variables: none with variables: false', () => {
		const state = assembled(['# T', '', '## Procedure', '', '1. List', '', '   ```', '   kubectl get pods -n <namespace>', '   ```'], {
			variables: false,
		});
		placeholderVariables(state);
		literalVariables(state);
		expect(state.runbook.variables).toBeUndefined();
	});

	it('keep ids: a step of the previous file keeps its id when its text is the same', () => {
		const previous = {
			sections: [{ id: 'procedure', title: 'Procedure', kind: 'procedure' as const, steps: [{ id: 'tag', text: 'Tag it' }] }],
		};
		const state = assembled(['# T', '', '## Procedure', '', '- [ ] Tag it'], { previous });
		keepPreviousIds(state);
		expect(state.runbook.sections[0]!.steps![0]!.id).toBe('tag');
		expect(state.proposals).toContain('kept 2 ids of the existing file');
	});

	it('id anchors: every id is an anchor too, without replacing a heading’s own', () => {
		const state = assembled(['# T', '', '## Procedure', '', '- [ ] Tag it']);
		idAnchors(state);
		const step = state.runbook.sections[0]!.steps![0]!;
		expect(state.ctx.anchors.get(step.id)).toBe(step.id);
		expect(state.ctx.anchors.get('procedure')).toBe(state.runbook.sections[0]!.id);
	});

	it('unused front matter: named in the proposals', () => {
		const state = assembled(['---', 'title: T', 'colour: blue', '---', '', '## Procedure', '', '- [ ] Tag it']);
		unusedFrontMatter(state);
		expect(state.proposals.join()).toContain('colour');
	});

	it('summary: counts what the finished runbook holds', () => {
		const state = assembled(['# T', '', '## Procedure', '', '1. Stop', '', '   ```', '   systemctl stop app', '   ```', '2. Start']);
		expect(summarize(state)).toMatchObject({ sections: 1, steps: 2, commands: 1, response: false });
	});
});
