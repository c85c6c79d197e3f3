import { describe, expect, it } from 'vitest';
import { kindOf } from '../../../../src/import/readers/headings.ts';
import { read } from './read.ts';

describe('headings reader', () => {
	it('takes the first level-1 heading as the title and the others as sections with the kind their words name', () => {
		const ctx = read(['# Deploy the API', '', '## Rollback', '', 'Text.', '', '## Verification', '', 'Text.']);
		expect(ctx.title).toBe('Deploy the API');
		expect(ctx.sections.map((s) => [s.title, s.kind])).toEqual([
			['Rollback', 'rollback'],
			['Verification', 'verification'],
		]);
	});

	it('nests a deeper heading in the section above it and keeps the anchor its site made', () => {
		const ctx = read(['# T', '', '## Before you start', '', '### Back up the database', '', 'Text.']);
		expect(ctx.sections[0]!.sections?.map((s) => s.title)).toEqual(['Back up the database']);
		expect(ctx.anchors.get('back-up-the-database')).toBe(ctx.sections[0]!.sections![0]!.id);
	});

	it('keeps what sits under a heading inside a step heading in that step (a table under "### Version History" was on no page)', () => {
		const ctx = read([
			'# Upgrade',
			'',
			'## Step 1: Update dependencies',
			'',
			'### Version History',
			'',
			'| V | P |',
			'|---|---|',
			'| 4.6 | 3.12 |',
			'',
			'- Check Python.',
		]);
		const [step] = ctx.sections[0]!.steps!;
		// The title stands right above the table it titles.
		expect(step!.notes).toEqual(['**Version History**', '| V | P |\n|---|---|\n| 4.6 | 3.12 |']);
		expect(JSON.stringify(step)).toContain('Check Python.');
	});

	it('reads "Step N:" headings right under the title as steps of a section of their own', () => {
		const ctx = read(['# Resize', '', '## Step 1: Snapshot the volume', '', 'Text.', '', '## Step 2: Resize it', '', 'Text.']);
		expect(ctx.sections.map((s) => s.title)).toEqual(['Steps']);
		expect(ctx.sections[0]!.steps?.map((s) => s.text)).toEqual(['Snapshot the volume', 'Resize it']);
	});

	it('reads a numbered heading under Mitigation as a step, and under a checklist heading as a group', () => {
		const response = read([
			'# KubeNodeDown',
			'',
			'## Meaning',
			'',
			'A node is down.',
			'',
			'## Mitigation',
			'',
			'### 1. Cordon the node',
			'',
		]);
		expect(response.sections[1]!.steps?.map((s) => s.text)).toEqual(['Cordon the node']);
		const checklist = read(['# Launch', '', '## Pre-launch', '', '### 3. Security', '', '- [ ] Rotate keys']);
		expect(checklist.sections[0]!.sections?.map((s) => s.title)).toEqual(['Security']);
	});

	it('reads "Option A:" headings as the alternatives of one step', () => {
		const ctx = read(['# T', '', '## Procedure', '', '### Option A: Docker Compose', '', 'Text.', '', '### Option B: Helm', '', 'Text.']);
		const step = ctx.sections[0]!.steps![0]!;
		expect(step.alternatives?.map((a) => a.title)).toEqual(['Docker Compose', 'Helm']);
	});

	it('reads bold lines as headings only in a document without headings, and only when they name a part', () => {
		const ctx = read(['# Disk full', '', '**Diagnosis**', '', 'Check the usage.', '', '**Note**', '', 'Text.']);
		expect(ctx.sections.map((s) => s.title)).toEqual(['Diagnosis']);
	});

	it('gives response kinds first in a response runbook, only the unmistakable ones in a checklist', () => {
		expect(kindOf({ response: true }, 'Troubleshooting', undefined)).toBe('diagnosis');
		expect(kindOf({ response: false }, 'Troubleshooting', undefined)).toBe('reference');
		expect(kindOf({ response: false }, 'Diagnosis', undefined)).toBe('diagnosis');
	});
});
