import { describe, expect, it } from 'vitest';
import { newRun, type ProgressEvent, type Run } from '../../../../src/model/progress/run.ts';
import { decodeShare, encodeShare, fingerprint, SHARE_PREFIX } from '../../../../src/model/progress/share.ts';

const T = Date.UTC(2026, 10, 22, 3, 0, 0);
// Ids shaped like the bundled runbooks' (slugs of step titles, 20-60 characters).
const ids = (n: number) =>
	Array.from({ length: n }, (_, i) => `verify-the-${['backend', 'frontend', 'database', 'cache'][i % 4]}-service-health-check-${i}`);

function fullyDone(stepIds: string[]): Run {
	let t = T;
	const events: ProgressEvent[] = stepIds.map((step, i) => {
		t += 5_000 + ((i * 7919) % 170_000); // 5 s to 3 min apart, irregular
		return i % 10 === 9
			? { t, step, action: 'na', by: ['AB', 'CD', 'EF'][i % 3]!, reason: 'no CDN' }
			: { t, step, action: 'tick', by: ['AB', 'CD', 'EF'][i % 3]! };
	});
	return { ...newRun('incident', 'INC-2291 rollback', T), events };
}

describe('share links', () => {
	it('carry a small run by step id, with times (to the second), initials and N/A reasons', async () => {
		const stepIds = ids(12);
		const run = fullyDone(stepIds);
		const fragment = await encodeShare(run, stepIds);
		expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
		const snapshot = await decodeShare(fragment, ['some-other-step', ...stepIds.reverse()]);
		expect(snapshot.name).toBe('INC-2291 rollback');
		expect(snapshot.stale).toBe(false);
		expect(snapshot.events).toEqual(run.events.map((e) => ({ ...e, t: Math.floor(e.t / 1000) * 1000 })));
	});

	it('stay under 2,000 characters for a 300-step runbook fully done', async () => {
		const stepIds = ids(300);
		const fragment = await encodeShare(fullyDone(stepIds), stepIds);
		const url = `https://runsheet.example.com/runbooks/productivity-platform/#${fragment}`;
		expect(url.length).toBeLessThan(2000);
		const snapshot = await decodeShare(fragment, stepIds);
		expect(snapshot.events).toHaveLength(300);
		expect(snapshot.events.filter((e) => e.action === 'na')).toHaveLength(30);
	});

	it('say when the runbook changed since a positional link was made', async () => {
		const stepIds = ids(300);
		const fragment = await encodeShare(fullyDone(stepIds), stepIds);
		const changed = ['a-new-first-step', ...stepIds];
		expect(fingerprint(changed)).not.toBe(fingerprint(stepIds));
		expect((await decodeShare(fragment, changed)).stale).toBe(true);
	});

	it('reject what is not a share link', async () => {
		await expect(decodeShare('share=!!!!', [])).rejects.toThrow();
		await expect(decodeShare('step-id', [])).rejects.toThrow('not a share link');
	});
});

describe('share links with variable values', () => {
	it('carry the run’s values', async () => {
		const stepIds = ids(5);
		const run = { ...fullyDone(stepIds), values: { DOMAIN: 'shop.example.org', VERSION: '2.4.1' } };
		const snapshot = await decodeShare(await encodeShare(run, stepIds), stepIds);
		expect(snapshot.values).toEqual({ DOMAIN: 'shop.example.org', VERSION: '2.4.1' });
	});

	it('carry the record fields as last written, with who and when (to the second)', async () => {
		const stepIds = ids(5);
		const run: Run = {
			...fullyDone(stepIds),
			record: [
				{ t: T + 1_500, field: 'status', value: 'Partial', by: 'AB' },
				{ t: T + 9_000, field: 'status', value: 'Successful', by: 'CD' },
				{ t: T + 9_500, field: 'notes', value: 'CDN purge took 4 min' },
			],
		};
		const snapshot = await decodeShare(await encodeShare(run, stepIds), stepIds);
		expect(snapshot.record).toEqual([
			{ t: T + 9_000, field: 'status', value: 'Successful', by: 'CD' },
			{ t: T + 9_000, field: 'notes', value: 'CDN purge took 4 min' },
		]);
	});

	it('still open links made before values existed (layout 1)', async () => {
		// Layout 1 by hand: version 1, by id, name "Old", base time 0, no initials, one tick.
		const name = [...new TextEncoder().encode('Old')];
		const step = [...new TextEncoder().encode('verify')];
		const bytes = Uint8Array.from([1, 0, name.length, ...name, 0, 0, 1, step.length, ...step, 60, 0]);
		const packed = new Uint8Array(
			await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
		);
		const fragment = SHARE_PREFIX + Buffer.from(packed).toString('base64url');
		const snapshot = await decodeShare(fragment, ['verify']);
		expect(snapshot).toEqual({ name: 'Old', stale: false, events: [{ t: 60_000, step: 'verify', action: 'tick' }] });
	});
});
