/**
 * Words, counted as a multiset: how much of a source's text a runbook keeps is the sum, over
 * every word, of the smaller of its counts in each. Order and Markdown syntax do not matter;
 * a dropped paragraph shows, even when its words are common ones.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function words(text: string): string[] {
	return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

export type WordCounts = Map<string, number>;

export function countWords(texts: Iterable<string>): WordCounts {
	const counts: WordCounts = new Map();
	for (const text of texts) for (const word of words(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
	return counts;
}

export function total(counts: WordCounts): number {
	let sum = 0;
	for (const n of counts.values()) sum += n;
	return sum;
}

/** How many of `source`'s words `kept` holds, and the words it lacks most (for a reader to look for). */
export function keptWords(source: WordCounts, kept: WordCounts): { kept: number; missing: string[] } {
	let sum = 0;
	const missing: [string, number][] = [];
	for (const [word, n] of source) {
		const have = Math.min(n, kept.get(word) ?? 0);
		sum += have;
		if (have < n) missing.push([word, n - have]);
	}
	missing.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	return { kept: sum, missing: missing.slice(0, 8).map(([word]) => word) };
}
