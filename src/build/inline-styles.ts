import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Rollback pages carry their screen styles inline. On a phone over a bad network (Fast 3G: 562 ms
 * a round trip) a page with linked styles paints nothing until a second round trip has brought
 * them; inline, step 1 paints one round trip sooner, for about 16 KB more of compressed page. Only
 * the rollback pages, the ones opened cold in an emergency: every other page keeps the shared,
 * cached stylesheets. The print stylesheet stays linked (it does not block the first paint).
 */

const STYLESHEET = /<link rel="stylesheet" href="([^"]+\.css)"\s*\/?>/g;

/**
 * The page with each screen stylesheet linked in its head replaced by its text; `css(href)` reads
 * one (undefined: left linked). Stylesheets in the body (Expressive Code's, with the first code
 * block) stay links: they hold back only what follows them, not step 1.
 */
export function inlineStylesheets(html: string, css: (href: string) => string | undefined): string {
	const end = html.indexOf('</head>');
	if (end < 0) return html;
	const head = html.slice(0, end).replace(STYLESHEET, (link, href: string) => {
		const text = css(href);
		// Text that could end the element early is left as a link (CSS never needs it).
		return text === undefined || !closesNothing(text) ? link : `<style>${text}</style>`;
	});
	return head + html.slice(end);
}

// Each stylesheet is checked once, not once per page: 800 scans of 89 KB took half a second.
const checked = new Map<string, boolean>();
function closesNothing(css: string): boolean {
	let safe = checked.get(css);
	if (safe === undefined) checked.set(css, (safe = !/<\/style/i.test(css)));
	return safe;
}

/** The rollback pages among the built ones (`rollback/<id>/`), not the finder. */
export const isRollbackPage = (pathname: string) => /^rollback\/[^/]+\/?$/.test(pathname);

/** Inlines the styles of the given built pages in `dist`; returns how many pages it changed. */
export async function inlineStylesOf(dist: string, pathnames: string[], base: string): Promise<number> {
	const cache = new Map<string, string | undefined>();
	const prefix = base.replace(/\/$/, '');
	const files = await Promise.all(
		pathnames.map(async (pathname) => {
			const file = join(dist, pathname, 'index.html');
			return { file, html: await readFile(file, 'utf8').catch(() => undefined) };
		}),
	);
	const hrefs = new Set(files.flatMap(({ html }) => [...(html ?? '').matchAll(STYLESHEET)].map((m) => m[1]!)));
	for (const href of hrefs) {
		const local = href.startsWith(`${prefix}/`) ? href.slice(prefix.length) : undefined;
		cache.set(href, local ? await readFile(join(dist, local), 'utf8').catch(() => undefined) : undefined);
	}
	let changed = 0;
	for (const { file, html } of files) {
		if (html === undefined) continue;
		const inlined = inlineStylesheets(html, (href) => cache.get(href));
		if (inlined === html) continue;
		await writeFile(file, inlined);
		changed++;
	}
	return changed;
}
