import { describe, expect, it } from 'vitest';
import { proposeTiming, proposeTimings } from '../../../src/import/timing.ts';

describe('due times proposed from the wording', () => {
	it('reads the labels of monitoring checks, and nothing else', () => {
		expect(proposeTiming('Hour 1')).toEqual({ due: '1h' });
		expect(proposeTiming('**Hour 12**: Review logs')).toEqual({ due: '12h' });
		expect(proposeTiming('Week 1')).toEqual({ due: '1w' });
		expect(proposeTiming('Month 1')).toEqual({ due: '30d' });
		expect(proposeTiming('Day 3')).toEqual({ due: '3d' });
		expect(proposeTiming('Daily')).toEqual({ every: '1d' });
		expect(proposeTiming('Weekly')).toEqual({ every: '1w' });
		expect(proposeTiming('Monthly')).toEqual({ every: '30d' });
		for (const label of ['Check the hourly graphs', 'Ongoing', 'Post-Deployment Monitoring (First 24 Hours)', 'Hour 0', 'Hours 1-4'])
			expect(proposeTiming(label), label).toBeUndefined();
	});
	it('puts the time beside the label, in sections and steps at any depth', () => {
		const [section] = proposeTimings([
			{
				id: 'monitoring',
				title: 'Monitoring',
				kind: 'monitoring',
				steps: [{ id: 'hour-4', text: '**Hour 4**: Check metrics', steps: [{ id: 'latency', text: 'Latency normal' }] }],
				sections: [{ id: 'daily', title: 'Daily', kind: 'checklist', steps: [{ id: 'logs', text: 'Review logs' }] }],
			},
		]);
		expect(Object.keys(section!.steps![0]!)).toEqual(['id', 'text', 'due', 'steps']);
		expect(section!.steps![0]!.due).toBe('4h');
		expect(section!.sections![0]).toMatchObject({ title: 'Daily', kind: 'checklist', every: '1d' });
		expect(section!.due).toBeUndefined();
	});
});
