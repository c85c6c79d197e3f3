import { describe, expect, it } from 'vitest';
import { read } from './read.ts';

describe('paragraphs reader (with the response-step and sign-off-field readers it hands to)', () => {
	it('takes the first paragraph under the title as the summary, and later prose as a section’s description', () => {
		const ctx = read(['# Deploy', '', 'Ships the API.', '', '## Procedure', '', 'Done by the on-call.']);
		expect(ctx.summary).toBe('Ships the API.');
		expect(ctx.sections[0]!.description).toBe('Done by the on-call.');
	});

	it('reads the runbook’s version and review date from "**Label**: value" lines', () => {
		const ctx = read(['# Deploy', '', '**Version**: 2.1', '**Last updated**: 2024-03-05', '', '## Procedure', '', 'Text.']);
		expect(ctx.meta).toMatchObject({ version: '2.1', lastReviewed: '2024-03-05' });
	});

	it('reads blanks to fill as the record of the sign-off sheet, and signers under a sign-off heading as roles', () => {
		const ctx = read(['# T', '', '## Sign-off', '', '**Deployment Lead**: ________ Date: ______', '', '**Deployed By**: ________']);
		expect(ctx.roles.map((r) => r.title)).toEqual(['Deployment Lead']);
		expect(ctx.record.map((f) => f.label)).toEqual(['Deployed By']);
	});

	it('in a mitigation, reads "…:" over a code block as one step with that command, and prose as prose', () => {
		const ctx = read([
			'# A',
			'',
			'## Meaning',
			'',
			'M.',
			'',
			'## Mitigation',
			'',
			'Restart the pods:',
			'',
			'```sh',
			'kubectl rollout restart deploy/api',
			'```',
			'',
			'The pods come back in a minute.',
		]);
		const mitigation = ctx.sections[1]!;
		expect(mitigation.steps?.map((s) => s.text)).toEqual(['Restart the pods']);
		expect(mitigation.steps![0]!.commands?.[0]?.code).toBe('kubectl rollout restart deploy/api');
		expect(mitigation.steps![0]!.notes).toEqual(['The pods come back in a minute.']);
	});

	it('reads "**Step 3:**" as a step by its own label', () => {
		const ctx = read(['# A', '', '## Meaning', '', 'M.', '', '## Mitigation', '', '**Step 3:** the node is rebooted']);
		expect(ctx.sections[1]!.steps?.map((s) => s.text)).toEqual(['the node is rebooted']);
	});
});
