import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criticalStylesheet, markupTokens, type CriticalStylesheet, type MarkupTokens } from './critical-css.ts';

/**
 * Rollback pages carry their screen styles inline. On a phone over a bad network (Fast 3G: 562 ms
 * a round trip) a page with linked styles paints nothing until a second round trip has brought
 * them; inline, step 1 paints one round trip sooner. Only the rollback pages, the ones opened cold
 * in an emergency: every other page keeps the shared, cached stylesheets.
 *
 * What is inlined is the part of the stylesheet the page's own markup can use (critical-css.ts:
 * about half of the site's 98 KB). The whole stylesheet is linked again at the end of the body,
 * for what the page's scripts add; there it holds back no content, and the page's scripts, which
 * wait for the stylesheets before them, find it applied. Every stylesheet linked after the first
 * inlined one (the print stylesheet, Expressive Code's in the body) is linked again after it, in
 * the same order, so the last copy of each comes where the original was: the cascade, screen and
 * print, is the page's as built, which a browser test compares element by element.
 *
 * The pages are rewritten as bytes, never encoded again from strings: decoding a built page and
 * encoding it again cost far more than the copying (at 1,000 runbooks, 2 s for 800 pages). Each
 * page is decoded once, to read which classes, ids, tags and attributes its markup has.
 */

const LINK = Buffer.from('<link rel="stylesheet" href="');
const HEAD_END = Buffer.from('</head>');
const BODY_END = Buffer.from('</body>');
const STYLE_OPEN = Buffer.from('<style>');
const STYLE_CLOSE = Buffer.from('</style>');
const QUOTE = 0x22;
const TAG_END = 0x3e;
// What may follow the href's closing quote for the link to be a plain screen stylesheet; a
// `media` or any other attribute leaves it linked.
const PLAIN_END = /^\s*\/?$/;

/** What a page gets for one of its stylesheets: the text to inline and whether that is only part of it. */
export interface Inlined {
	text: Buffer;
	/** Only part of the stylesheet: the whole of it is linked again after the content. */
	partial: boolean;
}

/**
 * The page with each screen stylesheet linked in its head (`<link rel="stylesheet" href="….css">`)
 * replaced by the text `css(href)` gives (undefined: left linked). Where that is only part of the
 * stylesheet, every stylesheet link from the first such one on (head and body) is written again,
 * in order, before `</body>`. Stylesheets in the body (Expressive Code's, with the first code
 * block) stay links: they hold back only what follows them, not step 1.
 */
export function inlineStylesheets(html: Buffer, css: (href: string) => Inlined | undefined): Buffer {
	const end = html.indexOf(HEAD_END);
	if (end < 0) return html;
	const bodyEnd = html.lastIndexOf(BODY_END);
	const pieces: Buffer[] = [];
	let copied = 0;
	let relinkFrom = -1;
	for (const { at, quote, close } of stylesheetLinks(html, 0, end)) {
		const href = html.toString('utf8', at + LINK.length, quote);
		if (!href.endsWith('.css') || !PLAIN_END.test(html.toString('utf8', quote + 1, close))) continue;
		const inlined = css(href);
		// Part of a stylesheet needs the whole linked after the content: a page without a body end keeps its link.
		if (!inlined || (inlined.partial && bodyEnd < 0)) continue;
		if (inlined.partial && relinkFrom < 0) relinkFrom = at;
		pieces.push(html.subarray(copied, at), STYLE_OPEN, inlined.text, STYLE_CLOSE);
		copied = close + 1;
	}
	if (!pieces.length) return html;
	if (relinkFrom < 0) {
		pieces.push(html.subarray(copied));
		return Buffer.concat(pieces);
	}
	pieces.push(
		html.subarray(copied, bodyEnd),
		...[...stylesheetLinks(html, relinkFrom, bodyEnd)].map((link) => html.subarray(link.at, link.close + 1)),
		html.subarray(bodyEnd),
	);
	return Buffer.concat(pieces);
}

/**
 * Every `<link rel="stylesheet" href="…">` tag of `html` from `from`, ending before `to`, in order:
 * where it starts, its href's closing quote and its `>`. A tag cut off (no quote or `>` before
 * `to`) ends the list.
 */
function* stylesheetLinks(html: Buffer, from: number, to: number): Generator<{ at: number; quote: number; close: number }> {
	for (let at = html.indexOf(LINK, from); at >= 0 && at < to; at = html.indexOf(LINK, at + 1)) {
		const quote = html.indexOf(QUOTE, at + LINK.length);
		const close = quote < 0 ? -1 : html.indexOf(TAG_END, quote);
		if (close < 0 || close > to) return;
		yield { at, quote, close };
	}
}

/**
 * Reads the built stylesheets a page links (`<base>/_astro/….css`) from the output folder, each
 * once. Undefined, so the page keeps its link, for a stylesheet outside the site, missing, or
 * holding text that would end the <style> element early (CSS never needs it).
 */
export function builtStylesheets(dist: string, base: string): (href: string) => Buffer | undefined {
	const prefix = base.replace(/\/$/, '');
	const cache = new Map<string, Buffer | undefined>();
	return (href) => {
		if (!cache.has(href)) cache.set(href, readStylesheet(dist, href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : undefined));
		return cache.get(href);
	};
}

function readStylesheet(dist: string, local: string | undefined): Buffer | undefined {
	if (!local) return undefined;
	try {
		const text = readFileSync(join(dist, local));
		return /<\/style/i.test(text.toString('utf8')) ? undefined : text;
	} catch {
		return undefined;
	}
}

/** The rollback pages among the built ones (`rollback/<id>/`), not the finder. */
export const isRollbackPage = (pathname: string) => /^rollback\/[^/]+\/?$/.test(pathname);

/** The built rollback pages of `dist` (`rollback/<id>/`): the folders with a page in rollback/. */
export function rollbackPages(dist: string): string[] {
	let names: string[];
	try {
		names = readdirSync(join(dist, 'rollback'));
	} catch {
		return [];
	}
	return names
		.map((name) => `rollback/${name}/`)
		.filter((pathname) => isRollbackPage(pathname) && existsSync(join(dist, pathname, 'index.html')));
}

/**
 * The critical part of each stylesheet for a page's markup (critical-css.ts), each stylesheet read
 * and parsed once; the whole stylesheet when nothing of it can be left out.
 */
export function criticalStylesheets(
	full: (href: string) => Buffer | undefined,
): (href: string, tokens: MarkupTokens) => Inlined | undefined {
	const sheets = new Map<string, CriticalStylesheet>();
	return (href, tokens) => {
		const text = full(href);
		if (!text) return undefined;
		let sheet = sheets.get(href);
		if (!sheet) sheets.set(href, (sheet = criticalStylesheet(text.toString('utf8'))));
		const part = Buffer.from(sheet.for(tokens));
		return part.length < text.length ? { text: part, partial: true } : { text, partial: false };
	};
}

/**
 * Inlines the styles of the given built pages in `dist`; returns how many pages it changed. One
 * page at a time and synchronously: nothing else runs in the build at this point. About 1.6 ms a
 * page, most of it reading the page's markup (13 s for the 8,000 rollback pages of 10,000 runbooks).
 */
export function inlineStylesOf(dist: string, pathnames: string[], base: string): number {
	const css = criticalStylesheets(builtStylesheets(dist, base));
	let changed = 0;
	for (const pathname of pathnames) {
		const file = join(dist, pathname, 'index.html');
		let html: Buffer;
		try {
			html = readFileSync(file);
		} catch {
			continue;
		}
		let tokens: MarkupTokens | undefined;
		const inlined = inlineStylesheets(html, (href) => css(href, (tokens ??= markupTokens(html.toString('utf8')))));
		if (inlined === html) continue;
		writeFileSync(file, inlined);
		changed++;
	}
	return changed;
}

/** Every rollback page of `dist` with its styles inlined, said in the build's log. */
export function inlineRollbackStyles(dist: string, base: string, logger: { info(message: string): void }): void {
	const inlined = inlineStylesOf(dist, rollbackPages(dist), base);
	if (inlined) logger.info(`styles inlined in ${inlined} rollback pages, the part each page uses (their first paint on a slow network)`);
}
