import { describe, expect, it } from 'vitest';
import { highlightAheadMode } from '../../../src/build/highlight/ahead.ts';
import { assertPinned, installedVersion, speedUps } from '../../../src/build/speed-ups.ts';

describe('the build speed-ups switch', () => {
	it('is on unless RUNSHEET_SPEED_UPS turns it off; wait is on, with pages waiting for the worker', () => {
		expect(speedUps({})).toBe('on');
		for (const off of ['0', 'off', 'false', ' OFF ']) expect(speedUps({ RUNSHEET_SPEED_UPS: off })).toBe('off');
		expect(speedUps({ RUNSHEET_SPEED_UPS: 'wait' })).toBe('wait');
	});
	it('stops a build whose speed-up relies on another version of a package, saying how to go on', () => {
		expect(() => assertPinned('x', '0.42.4', /^0\.42\./, 'here')).not.toThrow();
		expect(() => assertPinned('highlighting', '0.45.0', /^0\.44\./, 'renderer.ts')).toThrow(
			/written against 0.44.x and 0.45.0 is installed. Compare renderer.ts .* RUNSHEET_SPEED_UPS=0 npm run build/,
		);
		expect(() => assertPinned('x', undefined, /^1\./, 'here')).toThrow(/it is not installed/);
	});
});

describe('highlighting ahead', () => {
	it('runs in production builds with a second core, unless the speed-ups are off', () => {
		expect(highlightAheadMode({}, true, 2)).toBe('on');
		expect(highlightAheadMode({}, true, 1)).toBe('off');
		expect(highlightAheadMode({}, false, 8)).toBe('off');
		expect(highlightAheadMode({ RUNSHEET_SPEED_UPS: '0' }, true, 8)).toBe('off');
	});
	it('waits for every block when asked (the speed-ups test), even on one core', () => {
		expect(highlightAheadMode({ RUNSHEET_SPEED_UPS: 'wait' }, true, 1)).toBe('wait');
		expect(highlightAheadMode({ RUNSHEET_SPEED_UPS: 'wait' }, false, 4)).toBe('off');
	});
});

describe('the installed version of a package', () => {
	it('is found from a folder below the project too, as Node resolves it', () => {
		expect(installedVersion('astro')).toMatch(/^\d+\./);
		expect(installedVersion('astro', 'src/build/content')).toBe(installedVersion('astro'));
		expect(installedVersion('no-such-package-here')).toBeUndefined();
	});
});
