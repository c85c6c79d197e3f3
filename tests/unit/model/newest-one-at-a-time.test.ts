import { describe, expect, it } from 'vitest';
import { newestOneAtATime } from '../../../src/model/newest-one-at-a-time.ts';

/** A task that records what it was run with and ends when the test says. */
function heldTask() {
	const runs: string[] = [];
	const ends: (() => void)[] = [];
	const task = (value: string) => {
		runs.push(value);
		return new Promise<void>((resolve) => ends.push(resolve));
	};
	return { runs, task, endNext: () => ends.shift()?.() };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a task run for the newest value, one run at a time', () => {
	it('runs at once when idle, and after a run only the newest of the values that waited', async () => {
		const { runs, task, endNext } = heldTask();
		const ask = newestOneAtATime(task);
		ask('rest');
		await settled();
		expect(runs).toEqual(['rest']);
		for (const value of ['resto', 'restor', 'restore database']) ask(value);
		await settled();
		expect(runs).toEqual(['rest']);
		endNext();
		await settled();
		expect(runs).toEqual(['rest', 'restore database']);
		endNext();
		await settled();
		ask('restore database backup');
		await settled();
		expect(runs).toEqual(['rest', 'restore database', 'restore database backup']);
	});

	it('goes on after a run that failed or threw', async () => {
		const runs: string[] = [];
		const ask = newestOneAtATime(async (value: string) => {
			runs.push(value);
			if (value === 'a') throw new Error('offline');
			return undefined;
		});
		ask('a');
		ask('b');
		await settled();
		await settled();
		expect(runs).toEqual(['a', 'b']);
		const thrower = newestOneAtATime((value: string) => {
			runs.push(value);
			if (value === 'c') throw new Error('at once');
			return Promise.resolve();
		});
		thrower('c');
		thrower('d');
		await settled();
		await settled();
		expect(runs).toEqual(['a', 'b', 'c', 'd']);
	});
});
