import { describe, expect, it } from 'vitest';
import { read } from './read.ts';

describe('tables reader', () => {
	it('makes a step per row of a table with an action column in a procedure, with its command and expected result', () => {
		const ctx = read([
			'# T',
			'',
			'## Procedure',
			'',
			'| Step | Command | Expected |',
			'| --- | --- | --- |',
			'| Check the pods | `kubectl get pods` | all Running |',
			'| Check the nodes | `kubectl get nodes` | all Ready |',
		]);
		const steps = ctx.sections[0]!.steps!;
		expect(steps.map((s) => s.text)).toEqual(['Check the pods', 'Check the nodes']);
		expect(steps[0]!.commands?.[0]?.code).toBe('kubectl get pods');
		expect(steps[1]!.expect).toBe('all Ready');
	});

	it('keeps a table without an action column as prose', () => {
		const ctx = read(['# T', '', '## Procedure', '', '| Port | Service |', '| --- | --- |', '| 443 | API |']);
		expect(ctx.sections[0]!.steps).toBeUndefined();
	});
});
