import { describe, expect, it } from 'vitest';
import { wordsToPreload } from '../../../src/model/preload-words.ts';

describe('the words fetched ahead of a search', () => {
	it('are the words finished and the word being typed once it has four characters', () => {
		expect(wordsToPreload('r')).toBe('');
		expect(wordsToPreload('res')).toBe('');
		expect(wordsToPreload('rest')).toBe('rest');
		expect(wordsToPreload('db ')).toBe('db');
		expect(wordsToPreload('restore d')).toBe('restore');
		expect(wordsToPreload('restore data')).toBe('restore data');
		expect(wordsToPreload('  restore   database\tbac')).toBe('restore database');
	});

	it('count characters, not UTF-16 units, and ask for nothing when nothing is typed', () => {
		expect(wordsToPreload('ĉiuj')).toBe('ĉiuj');
		expect(wordsToPreload('𝒶𝒷𝒸')).toBe('');
		expect(wordsToPreload('')).toBe('');
		expect(wordsToPreload('   ')).toBe('');
	});
});
