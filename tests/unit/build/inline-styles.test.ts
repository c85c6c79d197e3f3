import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtStylesheets, inlineStylesheets, inlineStylesOf, isRollbackPage, type Inlined } from '../../../src/build/inline-styles.ts';

/** The whole of a stylesheet, inlined. */
const whole = (text: Buffer | undefined): Inlined | undefined => text && { text, partial: false };

const PAGE = [
	'<head>',
	'<link rel="stylesheet" href="/_astro/print.css" media="print">',
	'<link rel="stylesheet" href="/_astro/site.css">',
	'<link rel="stylesheet" href="/_astro/ec.css">',
	'</head>',
	'<body><link rel="stylesheet" href="/_astro/code.css"></body>',
].join('\n');

describe('inlining a rollback page’s styles', () => {
	it('replaces each screen stylesheet of the head with its text, in order; print styles and the body’s stay linked', () => {
		const css: Record<string, string> = {
			'/_astro/site.css': 'body{color:red}',
			'/_astro/ec.css': '.ec{margin:0}',
			'/_astro/code.css': 'x',
		};
		const out = inlineStylesheets(Buffer.from(PAGE), (href) => whole(css[href] === undefined ? undefined : Buffer.from(css[href])));
		expect(out.toString()).toBe(
			[
				'<head>',
				'<link rel="stylesheet" href="/_astro/print.css" media="print">',
				'<style>body{color:red}</style>',
				'<style>.ec{margin:0}</style>',
				'</head>',
				'<body><link rel="stylesheet" href="/_astro/code.css"></body>',
			].join('\n'),
		);
	});

	it('leaves a page whose stylesheets cannot be read as it is, the same bytes', () => {
		const page = Buffer.from(PAGE);
		expect(inlineStylesheets(page, () => undefined)).toBe(page);
	});

	it('leaves a stylesheet linked when it could close the element, is missing or is outside the site', () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		writeFileSync(join(dist, '_astro', 'site.css'), 'a::after{content:"</STYLE>"}');
		writeFileSync(join(dist, '_astro', 'ec.css'), '.ec{margin:0}');
		const css = builtStylesheets(dist, '/');
		expect(css('/_astro/site.css')).toBeUndefined();
		expect(css('/_astro/missing.css')).toBeUndefined();
		expect(builtStylesheets(dist, '/ops/')('/_astro/ec.css')).toBeUndefined();
		expect(inlineStylesheets(Buffer.from(PAGE), (href) => whole(css(href))).toString()).toBe(
			PAGE.replace('<link rel="stylesheet" href="/_astro/ec.css">', '<style>.ec{margin:0}</style>'),
		);
	});

	it('inlines only a plain link: one with another attribute, or in the body, stays', () => {
		const page =
			'<head><link rel="stylesheet" href="/a.css" media="screen"><link rel="stylesheet" href="/b.css" /></head><link rel="stylesheet" href="/c.css">';
		const out = inlineStylesheets(Buffer.from(page), (href) => whole(Buffer.from(href.slice(1, 2))));
		expect(out.toString()).toBe(
			'<head><link rel="stylesheet" href="/a.css" media="screen"><style>b</style></head><link rel="stylesheet" href="/c.css">',
		);
	});

	it('keeps text outside ASCII as it was written (bytes, not decoded)', () => {
		const page = '<head><title>Roll back “api” — ✓</title><link rel="stylesheet" href="/s.css"></head><p>’…</p>';
		const out = inlineStylesheets(Buffer.from(page), () => whole(Buffer.from('p::before{content:"→"}')));
		expect(out.toString()).toBe('<head><title>Roll back “api” — ✓</title><style>p::before{content:"→"}</style></head><p>’…</p>');
	});

	it('picks the rollback pages, not the finder nor other pages', () => {
		expect(['rollback/twiga-scan/', 'rollback/', 'runbooks/twiga-scan/', 'rollback/a/b/'].filter(isRollbackPage)).toEqual([
			'rollback/twiga-scan/',
		]);
	});

	it('inlines part of a stylesheet and links every stylesheet from it on again before </body>, in order', () => {
		const page = [
			'<head><link rel="stylesheet" href="/_astro/print.css" media="print">',
			'<link rel="stylesheet" href="/_astro/site.css"></head>',
			'<body><p>1</p><link rel="stylesheet" href="/_astro/ec.css"><p>2</p></body></html>',
		].join('');
		const out = inlineStylesheets(Buffer.from(page), (href) =>
			href === '/_astro/site.css' ? { text: Buffer.from('p{margin:0}'), partial: true } : undefined,
		);
		// The last copy of each stylesheet comes in the order the page had them: print, site, ec.
		expect(out.toString()).toBe(
			[
				'<head><link rel="stylesheet" href="/_astro/print.css" media="print">',
				'<style>p{margin:0}</style></head>',
				'<body><p>1</p><link rel="stylesheet" href="/_astro/ec.css"><p>2</p>',
				'<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/ec.css"></body></html>',
			].join(''),
		);
	});

	it('leaves a stylesheet linked when only part of it would be inlined in a page without </body>', () => {
		const page = Buffer.from('<head><link rel="stylesheet" href="/s.css"></head><p>no end');
		expect(inlineStylesheets(page, () => ({ text: Buffer.from('p{}'), partial: true }))).toBe(page);
	});

	it('inlines only the rules the page’s markup can use, and links the whole stylesheet after the content', () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		mkdirSync(join(dist, 'rollback', 'shop'), { recursive: true });
		writeFileSync(join(dist, '_astro', 'site.css'), '@layer a,b;p{color:red}.catalog{color:blue}@layer b{.rs-na{display:none}}');
		writeFileSync(
			join(dist, 'rollback', 'shop', 'index.html'),
			'<head><link rel="stylesheet" href="/_astro/site.css"></head><body><p>Step</p></body>',
		);
		expect(inlineStylesOf(dist, ['rollback/shop/'], '/')).toBe(1);
		expect(readFileSync(join(dist, 'rollback', 'shop', 'index.html'), 'utf8')).toBe(
			'<head><style>@layer a,b;p{color:red}@layer b{}</style></head><body><p>Step</p><link rel="stylesheet" href="/_astro/site.css"></body>',
		);
	});

	it('reads the styles below the site’s base path and rewrites the built pages', () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		mkdirSync(join(dist, 'rollback', 'shop'), { recursive: true });
		writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
		writeFileSync(join(dist, 'rollback', 'shop', 'index.html'), '<link rel="stylesheet" href="/ops/_astro/site.css"></head><body></body>');
		expect(inlineStylesOf(dist, ['rollback/shop/', 'rollback/gone/'], '/ops/')).toBe(1);
		// Every rule is the page's: the whole stylesheet is inlined, nothing linked again.
		expect(readFileSync(join(dist, 'rollback', 'shop', 'index.html'), 'utf8')).toBe('<style>body{color:red}</style></head><body></body>');
	});
});
