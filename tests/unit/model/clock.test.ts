import { describe, expect, it } from 'vitest';
import { deploymentTime, dueOffsets, dueState, dueText, durationMs, spanText, timingText } from '../../../src/model/clock.ts';

const H = 3_600_000;
const MIN = 60_000;
const DEPLOYED = Date.UTC(2026, 11, 1, 1, 0);

describe('the monitoring clock', () => {
	it('reads durations and schedules', () => {
		expect([durationMs('30m'), durationMs('1h'), durationMs('2d'), durationMs('1w'), durationMs('1 hour')]).toEqual([
			30 * MIN,
			H,
			48 * H,
			168 * H,
			undefined,
		]);
		expect(dueOffsets({ due: '4h' })).toEqual([4 * H]);
		expect(dueOffsets({ every: '4h for 24h' })).toEqual([4, 8, 12, 16, 20, 24].map((h) => h * H));
		expect(dueOffsets({ every: '1d' })).toHaveLength(60);
		expect(timingText({ due: '1h' })).toBe('1 h after deployment');
		expect(timingText({ every: '4h for 24h' })).toBe('every 4 h for 24 h after deployment');
		expect(timingText({ every: '1w' })).toBe('every 7 d after deployment');
		expect([spanText(40 * MIN), spanText(90 * MIN), spanText(2 * H), spanText(26 * H), spanText(72 * H)]).toEqual([
			'40 min',
			'1 h 30 min',
			'2 h',
			'26 h',
			'3 d',
		]);
	});

	it('says a single check is due in a while, due now, overdue, or done once ticked', () => {
		const hour4 = { due: '4h' };
		expect(dueText(dueState(hour4, DEPLOYED, DEPLOYED + 3 * H + 20 * MIN))).toBe('due in 40 min');
		expect(dueText(dueState(hour4, DEPLOYED, DEPLOYED + 4 * H + 2 * MIN))).toBe('due now');
		expect(dueText(dueState(hour4, DEPLOYED, DEPLOYED + 6 * H))).toBe('overdue by 2 h');
		expect(dueState(hour4, DEPLOYED, DEPLOYED + 6 * H, DEPLOYED + 5 * H)).toEqual({ kind: 'done' });
		expect(dueState(hour4, DEPLOYED, DEPLOYED + 3 * H)).toEqual({ kind: 'upcoming', at: DEPLOYED + 4 * H, in: H });
	});

	it('measures a repeating check against its latest occurrence, then its next', () => {
		const every4h = { every: '4h for 12h' };
		expect(dueText(dueState(every4h, DEPLOYED, DEPLOYED + H))).toBe('due in 3 h');
		expect(dueText(dueState(every4h, DEPLOYED, DEPLOYED + 5 * H))).toBe('overdue by 1 h');
		// Ticked when the 4 h check came due: the next one is at 8 h.
		expect(dueText(dueState(every4h, DEPLOYED, DEPLOYED + 5 * H, DEPLOYED + 4 * H + MIN))).toBe('due in 3 h');
		// That tick does not answer the 8 h check.
		expect(dueText(dueState(every4h, DEPLOYED, DEPLOYED + 9 * H, DEPLOYED + 4 * H + MIN))).toBe('overdue by 1 h');
		// After the last occurrence, answered: done.
		expect(dueState(every4h, DEPLOYED, DEPLOYED + 13 * H, DEPLOYED + 12 * H)).toEqual({ kind: 'done' });
	});

	it('starts when the last step before the first timed check is ticked', () => {
		const ticks = new Map([
			['deploy', DEPLOYED],
			['verify', DEPLOYED - 10 * MIN],
		]);
		expect(deploymentTime(['backup', 'deploy', 'verify'], (id) => ticks.get(id))).toBe(DEPLOYED);
		expect(deploymentTime(['backup'], (id) => ticks.get(id))).toBeUndefined();
	});
});
