import { describe, expect, it } from 'vitest';
import { filterWords, rowMatches } from '../../../src/model/list-filter.ts';
import { normalizeWords } from '../../../src/model/search-terms.ts';

describe('the list filter', () => {
	const row = normalizeWords('KubePodCrashLooping Kube Pod Crash Looping kubernetes · warning');
	it('keeps a row that holds every word typed, in any order, in any case, inside a name written in one piece', () => {
		for (const query of ['crash', 'pod crash', 'LOOPING kube', 'kubepodcrash', 'warn', '  Pod,  crash ', ''])
			expect(rowMatches(row, filterWords(query)), query).toBe(true);
	});
	it('drops a row that misses one of the words', () => {
		for (const query of ['crash disk', 'etcd', 'kube-pod-crash-loop-x']) expect(rowMatches(row, filterWords(query)), query).toBe(false);
	});
	it('reads accents and punctuation as the text does', () => {
		expect(rowMatches(normalizeWords('Café — Réseau'), filterWords('cafe reseau'))).toBe(true);
		expect(filterWords('twiga-scan/deploy')).toEqual(['twiga', 'scan', 'deploy']);
	});
});
