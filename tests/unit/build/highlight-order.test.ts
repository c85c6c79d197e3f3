import { describe, expect, it } from 'vitest';
import { blocksInBuildOrder, firstCommand } from '../../../src/build/highlight/order.ts';
import type { Section } from '../../../src/schema/section.ts';

const cmd = (code: string) => ({ code, lang: 'bash' });

function runbook() {
	const c = {
		subStep: cmd('echo sub-step'),
		step: cmd('echo step'),
		optionA: cmd('echo option a'),
		optionB: cmd('echo option b step'),
		undo: cmd('echo undo'),
		when: cmd('echo when'),
	};
	const sections = [
		{ id: 'intro', title: 'Intro', kind: 'checklist', steps: [{ id: 'read', text: 'Read' }] },
		{
			id: 'deploy',
			title: 'Deploy',
			kind: 'procedure',
			steps: [
				{ id: 'a', text: 'A', steps: [{ id: 'a1', text: 'A1', commands: [c.subStep] }] },
				{
					id: 'b',
					text: 'B',
					commands: [c.step],
					alternatives: [
						{ id: 'opt-a', title: 'A', commands: [c.optionA] },
						{ id: 'opt-b', title: 'B', steps: [{ id: 'b1', text: 'B1', commands: [c.optionB] }] },
					],
				},
			],
		},
		{
			id: 'roll-back',
			title: 'Roll back',
			kind: 'rollback',
			sections: [
				{ id: 'undo', title: 'Undo', kind: 'procedure', steps: [{ id: 'undo-it', text: 'Undo', commands: [c.undo] }] },
				{ id: 'when', title: 'When', kind: 'criteria', steps: [{ id: 'check', text: 'Check', commands: [c.when] }] },
			],
		},
	] as unknown as Section[];
	return { c, sections };
}

describe('firstCommand', () => {
	it('is the first block in the order the page shows them: a sub-step before a later step', () => {
		const { c, sections } = runbook();
		expect(firstCommand(sections)).toBe(c.subStep);
	});
	it("takes a step's own commands before its options and an option's commands before its steps", () => {
		const { c, sections } = runbook();
		const [, deploy] = sections;
		expect(firstCommand([{ ...deploy!, steps: deploy!.steps!.slice(1) }])).toBe(c.step);
		const b = deploy!.steps![1]!;
		expect(firstCommand([{ ...deploy!, steps: [{ ...b, commands: undefined }] }])).toBe(c.optionA);
	});
	it("counts code blocks kept in notes where the page shows them: the runbook's notes, a section's before its steps, a step's after its commands", () => {
		const { c, sections } = runbook();
		const [intro, deploy] = sections;
		const withNote = [{ ...intro!, notes: ['Look first:\n\n```promql\nup == 0\n```'] }, deploy!];
		expect(firstCommand(withNote)?.code).toBe('up == 0');
		expect(firstCommand(sections, ['```shell\n$ kubectl get nodes\nNAME\n```'])).toMatchObject({
			code: 'kubectl get nodes',
			output: 'NAME',
		});
		const b = deploy!.steps![1]!;
		const stepWithNote = [{ ...deploy!, steps: [{ ...b, notes: ['```\necho after\n```'] }] }];
		expect(firstCommand(stepWithNote)).toBe(c.step);
		expect(blocksInBuildOrder([{ id: 'x', data: { sections: stepWithNote } }]).map((p) => p.command.code)).toEqual([
			'echo step',
			'echo after',
			'echo option a',
			'echo option b step',
		]);
	});
	it('looks into sub-sections and is undefined without commands', () => {
		const { c, sections } = runbook();
		expect(firstCommand([sections[2]!])).toBe(c.undo);
		expect(firstCommand([sections[0]!])).toBeUndefined();
	});
});

describe('blocksInBuildOrder', () => {
	it("lists the rollback pages' blocks first, then the runbook pages' others, each page's first marked", () => {
		const one = runbook();
		const two = runbook();
		const blocks = blocksInBuildOrder([
			{ id: 'one', data: { sections: one.sections } },
			{ id: 'two', data: { sections: two.sections } },
		]);
		const show = blocks.map(({ command, runbook, first }) => `${runbook}:${command.code}${first ? ' (first)' : ''}`);
		// The rollback page puts "when to roll back" first, so that is its first block.
		expect(show.slice(0, 6)).toEqual([
			'one:echo when (first)',
			'one:echo undo',
			'one:echo when',
			'two:echo when (first)',
			'two:echo undo',
			'two:echo when',
		]);
		expect(show.slice(6, 10)).toEqual(['one:echo sub-step (first)', 'one:echo step', 'one:echo option a', 'one:echo option b step']);
		expect(show).toHaveLength(14);
		// Every block of a runbook page is there once, as first or not.
		for (const id of ['one', 'two']) {
			expect(blocks.filter((b) => b.runbook === id && b.first)).toHaveLength(2);
		}
	});
});
