/**
 * HTML rendered for an object on one page, kept for the one other page that shows the same
 * object (see components/RenderOnce.astro). A WeakMap keyed on the object, not on its text: two
 * runbooks with the same command each render their own, and an entry is dropped once reused.
 */
const kept = new WeakMap<object, string>();
const pagesSeen = new WeakSet<object>();

export function keepRendered(key: object, html: string): void {
	kept.set(key, html);
}

/** The HTML kept for `key`, handed out once. */
export function takeRendered(key: object): string | undefined {
	const html = kept.get(key);
	kept.delete(key);
	return html;
}

/**
 * True for the first call with a page's request, false after. Expressive Code puts its stylesheet
 * and script into the first code block of each page, so that block is neither kept nor reused.
 */
export function isFirstOnPage(request: object): boolean {
	if (pagesSeen.has(request)) return false;
	pagesSeen.add(request);
	return true;
}
