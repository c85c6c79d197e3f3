import { describe, expect, it } from 'vitest';
import { astroNodeFlags, heapLimitMb } from '../../../scripts/lib/node-flags.ts';

describe('the build’s heap limit', () => {
	it('is 1.5 GB up to 1,024 runbooks and grows with the collection beyond', () => {
		expect(heapLimitMb(5)).toBe(1536);
		expect(heapLimitMb(1000)).toBe(1536);
		expect(heapLimitMb(5000)).toBe(3524);
	});
	it('can be set by hand; nonsense is ignored', () => {
		expect(heapLimitMb(5, '4096')).toBe(4096);
		expect(heapLimitMb(5, 'lots')).toBe(1536);
		expect(heapLimitMb(5, '-1')).toBe(1536);
	});
});

describe('astroNodeFlags', () => {
	it('gives the heap limit and the young generation size as Node options', () => {
		expect(astroNodeFlags(5000)).toEqual(['--max-old-space-size=3524', '--max-semi-space-size=64']);
		expect(astroNodeFlags(5, '2048')[0]).toBe('--max-old-space-size=2048');
	});
});
