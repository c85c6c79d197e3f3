/**
 * Astro's build log as data: it lists each page as it writes it ("├─ /runbooks/x/index.html
 * (+5ms)"), in colour where the terminal or CI asks for it.
 */

/** The files of the pages a build wrote, in the order it wrote them, without the leading slash. */
export function pagesInLog(log: string): string[] {
	// eslint-disable-next-line no-control-regex
	return [...log.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[├└]─ \/(\S+)/g)].map((m) => m[1]!);
}

/** Whether the build wrote every page of `first` before any of `then` (false if either is not in the log). */
export function writtenBefore(log: string, first: string[], then: string[]): boolean {
	const pages = pagesInLog(log);
	const lastOfFirst = pages.findLastIndex((p) => first.includes(p));
	const firstOfThen = pages.findIndex((p) => then.includes(p));
	return lastOfFirst >= 0 && firstOfThen >= 0 && lastOfFirst < firstOfThen;
}
