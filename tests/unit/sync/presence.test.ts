import { describe, expect, it } from 'vitest';
import { cleanInitials } from '../../../src/model/progress/run-names.ts';
import { cleanPresence } from '../../../src/sync/presence.ts';

describe('presence the sync server relays', () => {
	it('cleans initials as the page cleans typed ones', () => {
		for (const typed of ['ic', 'O.C.', 'jean-luc', 'Ærø', '<img src=x onerror=alert(1)>', '  ', '12345', 'ß'])
			expect(cleanPresence({ by: typed, step: '' }).by).toBe(cleanInitials(typed));
	});
	it('passes a step id, and nothing else of what a client sends', () => {
		expect(cleanPresence({ by: 'OC', step: 'drain-region', html: '<b>', big: 'x'.repeat(1e6) })).toEqual({
			by: 'OC',
			step: 'drain-region',
		});
		expect(cleanPresence({ by: 'OC', step: 'Drain Region!' })).toEqual({ by: 'OC', step: '' });
		expect(cleanPresence({ by: 7, step: ['a'] })).toEqual({ by: '', step: '' });
		expect(cleanPresence('junk')).toEqual({ by: '', step: '' });
	});
});
