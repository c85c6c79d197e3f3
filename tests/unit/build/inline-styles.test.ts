import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineStylesheets, inlineStylesOf, isRollbackPage } from '../../../src/build/inline-styles.ts';

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
		expect(inlineStylesheets(PAGE, (href) => css[href])).toBe(
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

	it('leaves a stylesheet linked when it cannot be read or could close the element', () => {
		const out = inlineStylesheets(PAGE, (href) => (href.endsWith('site.css') ? 'a::after{content:"</style>"}' : undefined));
		expect(out).toBe(PAGE);
	});

	it('picks the rollback pages, not the finder nor other pages', () => {
		expect(['rollback/twiga-scan/', 'rollback/', 'runbooks/twiga-scan/', 'rollback/a/b/'].filter(isRollbackPage)).toEqual([
			'rollback/twiga-scan/',
		]);
	});

	it('reads the styles below the site’s base path and rewrites the built pages', async () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		mkdirSync(join(dist, 'rollback', 'shop'), { recursive: true });
		writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
		writeFileSync(join(dist, 'rollback', 'shop', 'index.html'), '<link rel="stylesheet" href="/ops/_astro/site.css"></head>');
		expect(await inlineStylesOf(dist, ['rollback/shop/', 'rollback/gone/'], '/ops/')).toBe(1);
		expect(readFileSync(join(dist, 'rollback', 'shop', 'index.html'), 'utf8')).toBe('<style>body{color:red}</style></head>');
	});
});
