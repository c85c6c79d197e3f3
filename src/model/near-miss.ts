/** Edit distance (insertions, deletions, substitutions), for "did you mean" on a misspelt name. */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}

/** The known name nearest a misspelt one (case aside), when it is fewer than three edits away. */
export function nearMiss(word: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const name of known) {
		const d = editDistance(word.toLowerCase(), name.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [name, d];
	}
	return best;
}
