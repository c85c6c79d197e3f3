import { newestOneAtATime } from './newest-one-at-a-time.ts';

/**
 * Which of the words typed into a search box are worth fetching the index for before the search
 * itself runs, and when (client/site-search.ts, the rollback finder).
 *
 * Pagefind keeps its words in chunks, in order, and fetches for a prefix every chunk that holds a
 * word starting with it: "r", "re" and "res" each brought a chunk that "restore" is not in. Typed
 * into a warm box, every prefix of "restore database backup" fetched 8 chunks at 1,000 runbooks
 * where the query needs 4; a browser fetches six files at a time from a host speaking HTTP/1.1, so
 * the query's last chunks waited a round trip behind the others (0.6 s on 3G). A word followed by
 * a space is fetched at once; the word being typed once it is long enough that its prefix seldom
 * spans more than its own chunk, and one fetch at a time, then the newest: typed faster than a
 * round trip, its prefixes would hold the network again (the search after the pause fetches what
 * is still missing).
 */

/** From this many characters the word being typed is fetched ahead. */
export const PRELOAD_FROM_CHARACTERS = 4;

/**
 * The words of `typed` to fetch ahead, separated by one space: `finished`, those followed by a
 * space; `typing`, those and the word being typed when it has PRELOAD_FROM_CHARACTERS or more
 * ('' otherwise).
 */
export function wordsAhead(typed: string): { finished: string; typing: string } {
	const words = typed.split(/\s+/u).filter(Boolean);
	const last = /\S$/u.test(typed) ? words.pop() : undefined;
	const finished = words.join(' ');
	const typing = last !== undefined && [...last].length >= PRELOAD_FROM_CHARACTERS ? [...words, last].join(' ') : '';
	return { finished, typing };
}

/**
 * A box's fetching ahead: call the result with what is typed at each key. `fetch` is given the
 * words and whether they are still the newest of their kind when it gets to fetch (a fetch that
 * waited for the index's metadata fetches only what was typed last).
 */
export function fetchAheadAsTyped(fetch: (words: string, wanted: () => boolean) => Promise<unknown>): (typed: string) => void {
	let finishedAsked = '';
	let typingAsked = '';
	// What the word being typed last fetched: a word just finished was fetched with it.
	let typingFetched = '';
	const fetchTyping = newestOneAtATime((words: string) => {
		typingFetched = words;
		return fetch(words, () => words === typingAsked);
	});
	return (typed) => {
		const { finished, typing } = wordsAhead(typed);
		if (finished && finished !== finishedAsked && finished !== typingFetched) {
			finishedAsked = finished;
			void fetch(finished, () => finished === finishedAsked).catch(() => undefined);
		}
		if (typing && typing !== typingAsked) {
			typingAsked = typing;
			fetchTyping(typing);
		}
	};
}
