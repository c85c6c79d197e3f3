import { describe, expect, it } from 'vitest';
import { fetchAheadAsTyped, wordsAhead } from '../../../src/model/preload-words.ts';

describe('the words fetched ahead of a search', () => {
	it('are the words finished, and with them the word being typed once it has four characters', () => {
		expect(wordsAhead('r')).toEqual({ finished: '', typing: '' });
		expect(wordsAhead('res')).toEqual({ finished: '', typing: '' });
		expect(wordsAhead('rest')).toEqual({ finished: '', typing: 'rest' });
		expect(wordsAhead('db ')).toEqual({ finished: 'db', typing: '' });
		expect(wordsAhead('restore d')).toEqual({ finished: 'restore', typing: '' });
		expect(wordsAhead('restore data')).toEqual({ finished: 'restore', typing: 'restore data' });
		expect(wordsAhead('  restore   database\tbac')).toEqual({ finished: 'restore database', typing: '' });
	});

	it('count characters, not UTF-16 units, and ask for nothing when nothing is typed', () => {
		expect(wordsAhead('ĉiuj').typing).toBe('ĉiuj');
		expect(wordsAhead('𝒶𝒷𝒸').typing).toBe('');
		expect(wordsAhead('')).toEqual({ finished: '', typing: '' });
		expect(wordsAhead('   ')).toEqual({ finished: '', typing: '' });
	});
});

describe('fetching ahead as a query is typed', () => {
	const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

	it('fetches finished words at once, the word being typed one fetch at a time, each once', async () => {
		const fetched: string[] = [];
		const ends: (() => void)[] = [];
		const typed = fetchAheadAsTyped((words) => {
			fetched.push(words);
			return new Promise<void>((resolve) => ends.push(resolve));
		});
		for (const text of ['r', 're', 'res', 'rest', 'resto', 'restor', 'restore', 'restore ', 'restore d', 'restore db', 'restore db ']) {
			typed(text);
			await settled();
		}
		// "rest" is still coming: the prefixes after it wait; the words finished go at once.
		expect(fetched).toEqual(['rest', 'restore', 'restore db']);
		for (const text of ['restore db b', 'restore db ba', 'restore db bac', 'restore db back', 'restore db backu', 'restore db backup']) {
			typed(text);
			await settled();
		}
		ends.shift()!();
		await settled();
		// Only the newest of the words that waited.
		expect(fetched).toEqual(['rest', 'restore', 'restore db', 'restore db backup']);
		ends.shift()!();
		await settled();
		// A word typed to its end and fetched as it was typed is not fetched again for its space.
		typed('restore db backup ');
		await settled();
		expect(fetched).toHaveLength(4);
	});

	it('tells a fetch whether its words are still the newest when it gets to fetch', async () => {
		const wanted: [string, boolean][] = [];
		let letIn!: () => void;
		const metadata = new Promise<void>((resolve) => (letIn = resolve));
		const typed = fetchAheadAsTyped(async (words, stillWanted) => {
			await metadata;
			wanted.push([words, stillWanted()]);
		});
		for (const text of ['db ', 'db backup ', 'db backup rest']) typed(text);
		letIn();
		await settled();
		await settled();
		expect(wanted).toEqual([
			['db', false],
			['db backup', true],
			['db backup rest', true],
		]);
	});
});
