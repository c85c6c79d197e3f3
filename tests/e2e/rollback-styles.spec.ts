import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, newContext, test } from '../support/test.ts';

/**
 * A rollback page inlines only the part of the site's stylesheet its markup can use, and links
 * the whole of it again after its content (src/build/inline-styles.ts). The page must look as it
 * did with the whole stylesheet inline: every element's computed style is compared with the same
 * page made that way here (the inlined part replaced by the whole stylesheet's text, the links
 * after the content taken out), served in its place.
 */

const PAGES = ['/rollback/yogaflow/', '/rollback/productivity-platform/'];

interface Built {
	/** The page as built. */
	html: string;
	/** The same page with the whole stylesheet inline, as before. */
	whole: string;
	/** The stylesheet linked after the content. */
	stylesheet: string;
}

async function built(request: APIRequestContext, path: string): Promise<Built> {
	const html = await (await request.get(path)).text();
	const inline = html.match(/<style>[\s\S]*?<\/style>/)![0];
	const tailStart = html.lastIndexOf('</main>');
	const tail = html.slice(tailStart).match(/(?:<link rel="stylesheet" href="[^"]+">)+(?=<\/body>)/)![0];
	const stylesheet = tail.match(/href="([^"]+)"/)![1]!;
	const css = await (await request.get(stylesheet)).text();
	expect(inline.length, `${path}: only part of the stylesheet is inline`).toBeLessThan(css.length * 0.75);
	const whole = html.replace(inline, () => `<style>${css}</style>`).replace(tail, '');
	return { html, whole, stylesheet };
}

/** Every element's computed style (pseudo-elements' main properties too), one line each, in document order. */
function computedStyles(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const PSEUDO = ['content', 'display', 'color', 'background-color', 'border-color', 'width', 'height'];
		// Not compared: the stylesheets' own elements (the links after the content), and the search
		// dialog's insides, which Starlight makes when the page is idle, whenever that comes.
		const shown = [...document.querySelectorAll('html, body, body *')].filter(
			(el) => !el.matches('link, style, script, .pagefind-ui, .pagefind-ui *'),
		);
		return shown.map((el) => {
			const style = getComputedStyle(el);
			let line = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className}` : ''}`;
			// Sorted: custom properties are listed in the order stylesheets first declared them.
			line += ` ${[...style]
				.sort()
				.map((name) => `${name}:${style.getPropertyValue(name)}`)
				.join('; ')};`;
			for (const pseudo of ['::before', '::after', '::marker']) {
				const p = getComputedStyle(el, pseudo);
				line += ` ${pseudo}{${PSEUDO.map((name) => p.getPropertyValue(name)).join(';')}}`;
			}
			return line;
		});
	});
}

/** The lines that differ, first few, for a readable failure. */
function differences(actual: string[], expected: string[]): string[] {
	const out: string[] = [];
	if (actual.length !== expected.length) out.push(`${actual.length} elements against ${expected.length}`);
	for (let i = 0; i < Math.min(actual.length, expected.length) && out.length < 5; i++) {
		if (actual[i] === expected[i]) continue;
		const a = new Set(actual[i]!.split('; '));
		const e = new Set(expected[i]!.split('; '));
		const only = (x: Set<string>, y: Set<string>) =>
			[...x]
				.filter((part) => !y.has(part))
				.slice(0, 3)
				.join('; ');
		out.push(`${expected[i]!.split(' ')[0]}: now ${only(a, e)} | before ${only(e, a)}`);
	}
	return out;
}

/**
 * The page's styles, served `html` in place of the built page. `blocked`: requests for that URL
 * fail, as a stylesheet not yet arrived.
 */
async function stylesOf(
	browser: Browser,
	path: string,
	html: string,
	{
		javaScript,
		theme,
		media = 'screen',
		blocked,
	}: { javaScript: boolean; theme?: 'light' | 'dark'; media?: 'screen' | 'print'; blocked?: string },
): Promise<string[]> {
	const context = await newContext(browser, {
		javaScriptEnabled: javaScript,
		viewport: { width: 1280, height: 900 },
		reducedMotion: 'reduce',
	});
	const page = await context.newPage();
	if (theme) await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
	const body = theme && !javaScript ? html.replace('data-theme="dark"', `data-theme="${theme}"`) : html;
	await page.route(`**${path}`, (route) => route.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
	if (blocked) await page.route(`**${blocked}`, (route) => route.abort());
	await page.emulateMedia({ media });
	await page.goto(path);
	if (javaScript) {
		await expect(page.locator('.rs-js')).toHaveCount(1);
		// "On this page" marks its current entry when the page is idle (client/page/toc.ts), in
		// both lists: read before that, a page's links are styled as not current, the other's as
		// current (CI, once), a difference of state, not of styles.
		await expect(page.locator('runsheet-toc a[aria-current="true"], runsheet-mobile-toc a[aria-current="true"]')).toHaveCount(2);
	}
	await page.evaluate(() => document.fonts.ready);
	const styles = await computedStyles(page);
	await context.close();
	return styles;
}

test.describe('a rollback page with only the styles its markup uses inline', () => {
	for (const path of PAGES)
		for (const theme of ['dark', 'light'] as const)
			test(`${path} without JavaScript, ${theme}, before the whole stylesheet arrives: every element styled as before`, async ({
				browser,
				request,
			}) => {
				const { html, whole, stylesheet } = await built(request, path);
				const expected = await stylesOf(browser, path, whole, { javaScript: false, theme });
				const actual = await stylesOf(browser, path, html, { javaScript: false, theme, blocked: stylesheet });
				expect(differences(actual, expected)).toEqual([]);
			});

	for (const media of ['screen', 'print'] as const)
		test(`/rollback/yogaflow/ with its scripts run, ${media}: every element styled as before`, async ({ browser, request }) => {
			const path = '/rollback/yogaflow/';
			const { html, whole } = await built(request, path);
			const expected = await stylesOf(browser, path, whole, { javaScript: true, media });
			const actual = await stylesOf(browser, path, html, { javaScript: true, media });
			expect(differences(actual, expected)).toEqual([]);
		});
});
