import { describe, expect, it } from 'vitest';
import { astroEnv, astroNodeFlags, buildFlags, heapLimitMb } from '../../../scripts/lib/node-flags.ts';

describe('the build’s heap limit', () => {
	it('is 768 MB up to 1,280 runbooks and grows by 0.2 MB a runbook beyond: 2.5 GB at 10,000', () => {
		expect(heapLimitMb(5)).toBe(768);
		expect(heapLimitMb(1000)).toBe(768);
		expect(heapLimitMb(2000)).toBe(912);
		expect(heapLimitMb(5000)).toBe(1512);
		expect(heapLimitMb(10_000)).toBe(2512);
	});
	it('can be set by hand; nonsense is ignored', () => {
		expect(heapLimitMb(5, '4096')).toBe(4096);
		expect(heapLimitMb(5, 'lots')).toBe(768);
		expect(heapLimitMb(5, '-1')).toBe(768);
	});
});

describe('astroNodeFlags', () => {
	it('gives the heap limit and the young generation size as Node options', () => {
		expect(astroNodeFlags(5000)).toEqual(['--max-old-space-size=1512', '--max-semi-space-size=64']);
		expect(astroNodeFlags(5, '2048')[0]).toBe('--max-old-space-size=2048');
	});
});

describe('the build process’s environment', () => {
	it('has Rolldown’s allocator give freed memory back at once, outside an arena, unless set already', () => {
		expect(astroEnv({})).toEqual({ MIMALLOC_PURGE_DELAY: '0', MIMALLOC_DISALLOW_ARENA_ALLOC: '1' });
		expect(astroEnv({ MIMALLOC_PURGE_DELAY: '100', MIMALLOC_DISALLOW_ARENA_ALLOC: '0' })).toEqual({
			MIMALLOC_PURGE_DELAY: '100',
			MIMALLOC_DISALLOW_ARENA_ALLOC: '0',
		});
	});
	it('is left as it is with the speed-ups off, as the flags are', () => {
		expect(buildFlags('/no/such/folder', { RUNSHEET_SPEED_UPS: '0' })).toEqual({ runbooks: 0, flags: [], env: {} });
		expect(buildFlags('/no/such/folder', {}).env).toEqual({ MIMALLOC_PURGE_DELAY: '0', MIMALLOC_DISALLOW_ARENA_ALLOC: '1' });
	});
});
