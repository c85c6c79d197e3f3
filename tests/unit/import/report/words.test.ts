import { describe, expect, it } from 'vitest';
import { countWords, keptWords, total, words } from '../../../../src/import/report/words.ts';

describe('words', () => {
	it('are letters and digits, lower-cased, with apostrophes kept inside a word', () => {
		expect(words("Don't restart `api-v2`, it's 3 a.m. — Déjà vu")).toEqual([
			"don't",
			'restart',
			'api',
			'v2',
			"it's",
			'3',
			'a',
			'm',
			'déjà',
			'vu',
		]);
	});

	it('count as a multiset: a word the runbook holds once of the source’s three counts once', () => {
		const source = countWords(['the pod the node the disk']);
		const kept = countWords(['the pod', 'disk']);
		expect(total(source)).toBe(6);
		expect(keptWords(source, kept)).toEqual({ kept: 3, missing: ['the', 'node'] });
	});
});
