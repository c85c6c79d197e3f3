import { describe, expect, it } from 'vitest';
import { highlightAheadMode } from '../../../src/build/highlight/ahead.ts';

describe('highlighting ahead', () => {
	it('runs in production builds with a second core, unless turned off', () => {
		expect(highlightAheadMode({}, true, 2)).toBe('on');
		expect(highlightAheadMode({}, true, 1)).toBe('off');
		expect(highlightAheadMode({}, false, 8)).toBe('off');
		expect(highlightAheadMode({ RUNSHEET_HIGHLIGHT_AHEAD: '0' }, true, 8)).toBe('off');
	});
	it('waits for every block when asked (the parity check), even on one core', () => {
		expect(highlightAheadMode({ RUNSHEET_HIGHLIGHT_AHEAD: 'wait' }, true, 1)).toBe('wait');
		expect(highlightAheadMode({ RUNSHEET_HIGHLIGHT_AHEAD: 'wait' }, false, 4)).toBe('off');
	});
});
