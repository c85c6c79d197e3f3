/**
 * The filter box of the catalog and the alert list (src/client/list-filter.ts): a row stays when
 * its text holds every word typed, in any order and anywhere, so that "crash" and "pod crash"
 * both find KubePodCrashLooping, and "twiga" finds Twiga Scan. Rows and queries are read as the
 * search terms read text (normalizeWords: lower case, accents off, anything else a space).
 */
import { normalizeWords } from './search-terms.ts';

/** The words of a query, as normalizeWords reads a row. */
export function filterWords(query: string): string[] {
	return normalizeWords(query).split(' ').filter(Boolean);
}

/** Whether a row's text (made by normalizeWords) holds every word of the query. */
export function rowMatches(text: string, words: readonly string[]): boolean {
	return words.every((word) => text.includes(word));
}
