import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtStylesheets, inlineStylesheets, inlineStylesOf, isRollbackPage } from '../../../src/build/inline-styles.ts';

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
		const out = inlineStylesheets(Buffer.from(PAGE), (href) => (css[href] === undefined ? undefined : Buffer.from(css[href])));
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
		expect(inlineStylesheets(Buffer.from(PAGE), css).toString()).toBe(
			PAGE.replace('<link rel="stylesheet" href="/_astro/ec.css">', '<style>.ec{margin:0}</style>'),
		);
	});

	it('inlines only a plain link: one with another attribute, or in the body, stays', () => {
		const page =
			'<head><link rel="stylesheet" href="/a.css" media="screen"><link rel="stylesheet" href="/b.css" /></head><link rel="stylesheet" href="/c.css">';
		const out = inlineStylesheets(Buffer.from(page), (href) => Buffer.from(href.slice(1, 2)));
		expect(out.toString()).toBe(
			'<head><link rel="stylesheet" href="/a.css" media="screen"><style>b</style></head><link rel="stylesheet" href="/c.css">',
		);
	});

	it('keeps text outside ASCII as it was written (bytes, not decoded)', () => {
		const page = '<head><title>Roll back “api” — ✓</title><link rel="stylesheet" href="/s.css"></head><p>’…</p>';
		const out = inlineStylesheets(Buffer.from(page), () => Buffer.from('p::before{content:"→"}'));
		expect(out.toString()).toBe('<head><title>Roll back “api” — ✓</title><style>p::before{content:"→"}</style></head><p>’…</p>');
	});

	it('picks the rollback pages, not the finder nor other pages', () => {
		expect(['rollback/twiga-scan/', 'rollback/', 'runbooks/twiga-scan/', 'rollback/a/b/'].filter(isRollbackPage)).toEqual([
			'rollback/twiga-scan/',
		]);
	});

	it('reads the styles below the site’s base path and rewrites the built pages', () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		mkdirSync(join(dist, 'rollback', 'shop'), { recursive: true });
		writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
		writeFileSync(join(dist, 'rollback', 'shop', 'index.html'), '<link rel="stylesheet" href="/ops/_astro/site.css"></head>');
		expect(inlineStylesOf(dist, ['rollback/shop/', 'rollback/gone/'], '/ops/')).toBe(1);
		expect(readFileSync(join(dist, 'rollback', 'shop', 'index.html'), 'utf8')).toBe('<style>body{color:red}</style></head>');
	});
});
