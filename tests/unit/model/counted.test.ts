import { describe, expect, it } from 'vitest';
import { counted } from '../../../src/model/counted.ts';

describe('a count with its noun', () => {
	it('is singular for one, plural otherwise, with thousands grouped', () => {
		expect(counted(1, 'runbook', 'runbooks')).toBe('1 runbook');
		expect(counted(0, 'alert', 'alerts')).toBe('0 alerts');
		expect(counted(12_040, 'alert has', 'alerts have')).toBe('12,040 alerts have');
	});
});
