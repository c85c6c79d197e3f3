/**
 * The filter box of the catalog and the alert list (src/client/list-filter.ts): a row stays when
 * its text holds every word typed, in any order and anywhere, so that "crash" and "pod crash"
 * both find KubePodCrashLooping, and "twiga" finds Twiga Scan.
 */

/** Lower case, accents off, and everything but letters and digits read as one space. */
export function filterText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The words of a query, as filterText reads text. */
export function filterWords(query: string): string[] {
	return filterText(query).split(' ').filter(Boolean);
}

/** Whether a row's text (made by filterText) holds every word of the query. */
export function rowMatches(text: string, words: readonly string[]): boolean {
	return words.every((word) => text.includes(word));
}
