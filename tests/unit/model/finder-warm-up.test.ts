import { describe, expect, it } from 'vitest';
import { warmsIndex, warmsText } from '../../../src/model/finder-warm-up.ts';

describe('what the rollback finder fetches before a query', () => {
	it('fetches the whole index of a small site only', () => {
		expect(warmsIndex(9)).toBe(true);
		expect(warmsIndex(400)).toBe(true);
		expect(warmsIndex(401)).toBe(false);
		expect(warmsIndex(18_000)).toBe(false);
	});
	it('does not take a page without the count (NaN) for a small site', () => {
		expect(warmsIndex(Number(undefined))).toBe(false);
	});
	it('fetches the rollback pages’ text only when a few requests bring all of it', () => {
		// The bundled site's four; 80 at 100 runbooks made a query wait 8 s on Fast 3G.
		expect(warmsText(4)).toBe(true);
		expect(warmsText(12)).toBe(true);
		expect(warmsText(13)).toBe(false);
		expect(warmsText(80)).toBe(false);
	});
});
