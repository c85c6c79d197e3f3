import { describe, expect, it } from 'vitest';
import { eventKey, mergeRuns, mergeSummary } from '../../../../src/model/progress/merge.ts';
import { deriveState, newRun, type ProgressEvent, type Run } from '../../../../src/model/progress/run.ts';
import { decodeShare, encodeShare } from '../../../../src/model/progress/share.ts';

const T = Date.UTC(2026, 11, 1, 2, 0, 0);
const at = (minutes: number, seconds = 0) => T + minutes * 60_000 + seconds * 1000;
const ev = (minute: number, step: string, action: ProgressEvent['action'], by?: string, reason?: string): ProgressEvent => ({
	t: at(minute),
	step,
	action,
	...(by ? { by } : {}),
	...(reason ? { reason } : {}),
});
const run = (events: ProgressEvent[], extra: Partial<Run> = {}): Run => ({ ...newRun('inc', 'INC-2291', T), events, ...extra });
const states = (r: Run) =>
	Object.fromEntries([...deriveState(r.events)].map(([step, s]) => [step, `${s.status}${s.by ? `:${s.by}` : ''}`]));

describe('merging runs', () => {
	it('holds the union of both logs, each event once, ordered by time, with its initials', () => {
		const ours = run([ev(1, 'drain', 'tick', 'AB'), ev(5, 'deploy', 'tick', 'AB')]);
		const theirs = [ev(1, 'drain', 'tick', 'AB'), ev(3, 'backup', 'tick', 'CD'), ev(7, 'verify', 'na', 'CD', 'no canary')];
		const { run: merged, added, changed, conflicts } = mergeRuns(ours, { events: theirs });
		expect(merged.events.map((e) => `${e.step}:${e.by}`)).toEqual(['drain:AB', 'backup:CD', 'deploy:AB', 'verify:CD']);
		expect(added).toBe(2);
		expect(changed.sort()).toEqual(['backup', 'verify']);
		expect(conflicts).toEqual([]);
		expect(states(merged)).toEqual({ drain: 'done:AB', backup: 'done:CD', deploy: 'done:AB', verify: 'na:CD' });
		expect(merged.updated).toBe(at(7));
	});

	it('is idempotent: merging the same log twice changes nothing the second time', () => {
		const theirs = { events: [ev(2, 'backup', 'tick', 'CD')], record: [{ t: at(4), field: 'status', value: 'Success', by: 'CD' }] };
		const once = mergeRuns(run([ev(1, 'drain', 'tick', 'AB')]), theirs);
		const twice = mergeRuns(once.run, theirs);
		expect(twice.added).toBe(0);
		expect(twice.run).toBe(once.run);
		expect(mergeSummary(twice, 'CD')).toBe('Nothing new from CD: this run has all of it already.');
	});

	it('gives the same state whichever run merges into which (order does not matter)', () => {
		const a = run([ev(1, 'drain', 'tick', 'AB'), ev(4, 'deploy', 'tick', 'AB'), ev(6, 'deploy', 'untick', 'AB')]);
		const b = run([ev(2, 'backup', 'tick', 'CD'), ev(5, 'deploy', 'na', 'CD', 'skipped'), ev(5, 'backup', 'untick', 'CD')]);
		const ab = mergeRuns(a, b).run;
		const ba = mergeRuns(b, a).run;
		expect(ab.events.map((e) => eventKey(e))).toEqual(ba.events.map((e) => eventKey(e)));
		expect(states(ab)).toEqual(states(ba));
		// A's untick at minute 6 is the latest change of "deploy": it wins over B's N/A at 5.
		expect(states(ab)).toEqual({ drain: 'done:AB' });
	});

	it('resolves a step both changed by its latest event, reports it, and keeps both in the log', () => {
		const ours = run([ev(1, 'verify', 'tick', 'AB')]);
		const { run: merged, conflicts } = mergeRuns(ours, { events: [ev(3, 'verify', 'na', 'CD', 'no canary')] });
		expect(conflicts).toEqual(['verify']);
		expect(states(merged)).toEqual({ verify: 'na:CD' });
		expect(merged.events).toHaveLength(2);
		const older = mergeRuns(run([ev(5, 'verify', 'tick', 'AB')]), { events: [ev(3, 'verify', 'na', 'CD')] });
		expect(older.conflicts).toEqual(['verify']);
		expect(states(older.run)).toEqual({ verify: 'done:AB' });
		expect(mergeSummary(older, 'CD')).toMatch(/1 step was changed by both: the latest change wins, the timeline keeps both/);
	});

	it('does not call it a conflict when both ended the step the same way', () => {
		const { conflicts } = mergeRuns(run([ev(1, 'drain', 'tick', 'AB')]), { events: [ev(2, 'drain', 'tick', 'CD')] });
		expect(conflicts).toEqual([]);
	});

	it('takes record entries as a log and values this run lacks, keeping its own values', () => {
		const ours = run([], { values: { VERSION: '2.4.1' }, record: [{ t: at(1), field: 'deployed-by', value: 'AB' }] });
		const result = mergeRuns(ours, {
			events: [],
			values: { VERSION: '2.4.0', REGION: 'eu-west-1' },
			record: [{ t: at(2), field: 'status', value: 'Rolled back', by: 'CD' }],
		});
		expect(result.run.values).toEqual({ VERSION: '2.4.1', REGION: 'eu-west-1' });
		expect(result.keptValues).toEqual(['VERSION']);
		expect(result.run.record?.map((r) => r.field)).toEqual(['deployed-by', 'status']);
		expect(result.added).toBe(2);
	});

	it('adds nothing when a share link made from this very run is merged back (times kept to the second)', async () => {
		const ours = run([
			{ t: at(1, 0) + 437, step: 'drain', action: 'tick', by: 'AB' },
			{ ...ev(2, 'deploy', 'na', 'AB', 'no CDN'), t: at(2) + 999 },
		]);
		const shared = await decodeShare(await encodeShare(ours, ['drain', 'deploy'], { by: 'AB', made: at(3) }), ['drain', 'deploy']);
		expect(shared.by).toBe('AB');
		expect(shared.made).toBe(at(3));
		expect(mergeRuns(ours, shared).added).toBe(0);
		// And the other way: a run merged from the link takes the full log (a JSON export) without repeats.
		const fromLink = mergeRuns(run([]), shared).run;
		const full = mergeRuns(fromLink, ours);
		expect(full.added).toBe(0);
		expect(full.conflicts).toEqual([]);
	});

	it('keeps a tick, an untick and a tick again within one second as three events (a live run relays them one by one)', () => {
		const quick: ProgressEvent[] = [
			{ t: at(1) + 100, step: 'drain', action: 'tick', by: 'AB' },
			{ t: at(1) + 400, step: 'drain', action: 'untick', by: 'AB' },
		];
		const later = { t: at(1) + 800, step: 'drain', action: 'tick' as const, by: 'AB' };
		const elsewhere = mergeRuns(run([]), { events: quick }).run;
		const { run: merged, added } = mergeRuns(elsewhere, { events: [...quick, later] });
		expect(added).toBe(1);
		expect(states(merged)).toEqual({ drain: 'done:AB' });
	});
});
