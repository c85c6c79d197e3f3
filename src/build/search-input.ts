/**
 * What the search index reads of a page: the page as built, without the ids of elements other
 * than headings.
 *
 * Pagefind records every element with an id in the indexed part of a page as an anchor, with its
 * tag, id and place, in the page's fragment, the file a search downloads to show the page as a
 * hit. Only headings' anchors are used, to split a hit into sub-results (pagefind.js
 * `calculate_sub_results`): the others are bytes nobody reads. A runbook page gives every step
 * an id (a step's link, its box's name), so two thirds of a runbook page's fragment were those
 * anchors (16 of 23 KB for the bundled yogaflow page); at 1,000 runbooks the fragments went from
 * 22.0 to 12.5 MB (before compression) without them, the words and their places unchanged.
 */

const ID = ' id="';
const HEADING = /^h[1-6][\s/>]/i;

/**
 * The page with the `id="…"` of every start tag but a heading's taken out. The pages are Astro's
 * output: attributes in double quotes, after a space, a quote inside a value written `&quot;`; so
 * ` id="` is an attribute where it follows a `<` with no `>` between, and text otherwise. A `>`
 * inside an earlier value of the same tag leaves that id in (an anchor too many, nothing lost).
 * Script and style contents are not indexed: what they hold does not matter. A plain scan, not a
 * parser: the build reads every page (18,000 at 10,000 runbooks).
 */
export function indexedMarkup(html: string): string {
	let out = '';
	let from = 0;
	for (let at = html.indexOf(ID); at !== -1; at = html.indexOf(ID, at + ID.length)) {
		const open = html.lastIndexOf('<', at);
		if (open === -1 || html.lastIndexOf('>', at) > open || HEADING.test(html.slice(open + 1, open + 4))) continue;
		const end = html.indexOf('"', at + ID.length);
		if (end === -1) break;
		out += html.slice(from, at);
		from = end + 1;
	}
	return from ? out + html.slice(from) : html;
}
