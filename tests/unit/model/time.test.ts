import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen, isoWithOffset, zoneLabel } from '../../../src/model/time.ts';

const T = Date.UTC(2026, 11, 1, 1, 21, 7); // 2026-12-01 01:21:07 UTC

describe('times on a record', () => {
	it('carry their date and their zone', () => {
		expect(formatWhen(T, 60)).toBe('2026-12-01 02:21 UTC+1');
		expect(formatWhen(T, 0)).toBe('2026-12-01 01:21 UTC');
		// West of UTC the date is still the day before.
		expect(formatWhen(T, -300)).toBe('2026-11-30 20:21 UTC-5');
		expect(formatWhen(T, 330)).toBe('2026-12-01 06:51 UTC+5:30');
		expect(formatDay(T, -300)).toBe('2026-11-30');
	});
	it('name zones the way people read them', () => {
		expect([zoneLabel(0), zoneLabel(60), zoneLabel(-480), zoneLabel(345)]).toEqual(['UTC', 'UTC+1', 'UTC-8', 'UTC+5:45']);
	});
	it('export as ISO 8601 with the offset, Z in UTC', () => {
		expect(isoWithOffset(T, 60)).toBe('2026-12-01T02:21:07+01:00');
		expect(isoWithOffset(T, -210)).toBe('2026-11-30T21:51:07-03:30');
		expect(isoWithOffset(T, 0)).toBe('2026-12-01T01:21:07Z');
		expect(new Date(isoWithOffset(T, 60)).getTime()).toBe(T);
		expect(new Date(isoWithOffset(T, -210)).getTime()).toBe(T);
	});
});
