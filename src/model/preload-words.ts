/**
 * Which of the words typed into a search box are worth fetching the index for before the search
 * itself runs (client/site-search.ts `preloadWords`).
 *
 * Pagefind keeps its words in chunks, in order, and fetches for a prefix every chunk that holds a
 * word starting with it: "r", "re" and "res" each brought a chunk that "restore" is not in. Typed
 * into a warm box, every prefix of "restore database backup" fetched 8 chunks at 1,000 runbooks
 * where the query needs 4; a browser fetches six files at a time from a host speaking HTTP/1.1, so
 * the query's last chunks waited a round trip behind the others (0.6 s on 3G). A word followed by
 * a space is fetched; the word being typed once it is long enough that its prefix seldom spans
 * more than its own chunk (the search after the pause fetches it anyway).
 */

/** From this many characters the word being typed is fetched ahead. */
export const PRELOAD_FROM_CHARACTERS = 4;

/** The words of `typed` to fetch ahead, separated by one space; '' for none. */
export function wordsToPreload(typed: string): string {
	const words = typed.split(/\s+/u).filter(Boolean);
	const typing = /\S$/u.test(typed) ? words.pop() : undefined;
	if (typing !== undefined && [...typing].length >= PRELOAD_FROM_CHARACTERS) words.push(typing);
	return words.join(' ');
}
