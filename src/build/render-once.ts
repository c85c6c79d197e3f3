/**
 * HTML rendered for an object on one page, kept for the one other page that shows the same
 * object (see build/highlight/command-html.ts). A WeakMap keyed on the object, not on its text: two
 * runbooks with the same command each render their own, and an entry is dropped once reused.
 */
const kept = new WeakMap<object, string>();

export function keepRendered(key: object, html: string): void {
	kept.set(key, html);
}

/** The HTML kept for `key`, handed out once. */
export function takeRendered(key: object): string | undefined {
	const html = kept.get(key);
	kept.delete(key);
	return html;
}

const firstBlocks = new WeakMap<object, object | undefined>();

/**
 * Says which block comes first in the page (see highlight/command-order.ts firstCommand): only
 * that one carries Expressive Code's stylesheet and script. Components render concurrently, so
 * "first to be rendered" is not "first on the page".
 */
export function setFirstBlock(request: object, key: object | undefined): void {
	firstBlocks.set(request, key);
}

/** True for the page's first block; on a page that did not say, for the first block asked about. */
export function isFirstBlock(request: object, key: object): boolean {
	if (!firstBlocks.has(request)) firstBlocks.set(request, key);
	return firstBlocks.get(request) === key;
}
