import { describe, expect, it } from 'vitest';
import { startJobWorker } from '../../../src/build/worker-jobs.ts';

const entry = new URL('../../fixtures/workers/upper-worker.ts', import.meta.url);

describe('job worker', () => {
	it('does every job in a worker thread and hands each result out once', async () => {
		const worker = startJobWorker(entry, ['a', 'b', 'c'], { role: 'fast' });
		expect(await worker.wait(2)).toBe('C');
		expect(await worker.wait(0)).toBe('A');
		expect(worker.take(0)).toBeUndefined();
		expect(await worker.wait(1)).toBe('B');
		expect(worker.failure).toBeUndefined();
	});

	it('gives the worker’s setup the data it was started with', async () => {
		const worker = startJobWorker(entry, ['a', 'b'], { role: 'fast', setup: { suffix: '!' } });
		expect(await worker.wait(0)).toBe('A!');
		expect(await worker.wait(1)).toBe('B!');
	});

	it('leaves a job that throws to the main thread and goes on with the others', async () => {
		const worker = startJobWorker(entry, ['a', 'bad', 'c'], { role: 'fast' });
		expect(await worker.wait(1)).toBeUndefined();
		expect(await worker.wait(2)).toBe('C');
		expect(worker.failure).toBeUndefined();
	});

	it('says once why it stopped when its setup fails, and leaves every job to the main thread', async () => {
		const reasons: string[] = [];
		const worker = startJobWorker(entry, ['a', 'b'], { role: 'broken', onFailure: (reason) => reasons.push(reason) });
		expect(await worker.wait(0)).toBeUndefined();
		expect(await worker.wait(1)).toBeUndefined();
		expect(worker.failure).toBe('no highlighter here');
		expect(reasons).toEqual(['no highlighter here']);
	});

	it('skips the jobs the main thread has done itself while the worker was behind', async () => {
		const jobs = [...'abcdefghij'];
		const worker = startJobWorker(entry, jobs, { role: 'slow' });
		// Asked before the worker has started: the main thread does job 5 (and 0-4 are behind it).
		expect(worker.take(5)).toBeUndefined();
		expect(await worker.wait(9)).toBe('J');
		expect(await worker.wait(6)).toBe('G');
		expect(await worker.wait(3)).toBeUndefined();
	});

	it('skips `lead` jobs further, so that it starts ahead of the main thread', async () => {
		const worker = startJobWorker(entry, [...'abcdefghij'], { role: 'slow', lead: 3 });
		expect(worker.take(2)).toBeUndefined();
		expect(await worker.wait(6)).toBe('G');
		expect(await worker.wait(5)).toBeUndefined();
		expect(await worker.wait(3)).toBeUndefined();
	});
});
