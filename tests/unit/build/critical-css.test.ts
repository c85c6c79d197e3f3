import { describe, expect, it } from 'vitest';
import { criticalStylesheet, markupTokens } from '../../../src/build/critical-css.ts';

describe('the markup a page has', () => {
	it('reads classes, ids, tags and attribute names, quoted or not, a ">" inside a value included', () => {
		const tokens = markupTokens(
			'<html data-theme="dark"><body><pre data-code="a > b" class="ec  wrap" id=top><code hidden>x</code></pre>' +
				"<template><svg class='light'></svg></template><img alt=x src=a.png></body>",
		);
		expect([...tokens.classes].sort()).toEqual(['ec', 'light', 'wrap']);
		expect([...tokens.ids]).toEqual(['top']);
		expect([...tokens.tags].sort()).toEqual(['body', 'code', 'html', 'img', 'pre', 'svg', 'template']);
		expect([...tokens.attributes].sort()).toEqual(['alt', 'class', 'data-code', 'data-theme', 'hidden', 'id', 'src']);
	});

	it('leaves out what scripts, styles and comments say, which is not markup', () => {
		const tokens = markupTokens(
			'<p class="a"></p><script>el.innerHTML = "<b class=\\"x\\">"</script><style>i{}</style><!-- <u class="y"> -->',
		);
		expect([...tokens.classes]).toEqual(['a']);
		expect([...tokens.tags].sort()).toEqual(['p', 'script', 'style']);
	});
});

describe('the part of a stylesheet a page can use', () => {
	const page = markupTokens(
		'<html data-theme="dark"><body><main class="content"><p id="intro">Hi</p><button class="copy">C</button></main></body></html>',
	);
	const part = (css: string) => criticalStylesheet(css).for(page);

	it('keeps a rule one of whose selectors the markup can match, and drops the others', () => {
		expect(part('.content p{margin:0}.catalog td{padding:0}#intro,.finder{color:red}[data-theme=light] p{color:#000}')).toBe(
			'.content p{margin:0}#intro,.finder{color:red}[data-theme=light] p{color:#000}',
		);
	});

	it('asks nothing of what :not(), :is() and :has() hold, and keeps pseudo-elements and states', () => {
		expect(part('p:not(.catalog){a:b}main:has(>.missing){c:d}:is(.x,.y) p{e:f}button:hover::after{g:h}.missing:hover{i:j}')).toBe(
			'p:not(.catalog){a:b}main:has(>.missing){c:d}:is(.x,.y) p{e:f}button:hover::after{g:h}',
		);
	});

	it('keeps what orders or defines: layer statements and blocks (even emptied), font faces, keyframes', () => {
		expect(
			part(
				'@layer base,page;@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{from{a:b}to{c:d}}@layer page{.catalog{a:b}}@layer base{p{c:d}}',
			),
		).toBe('@layer base,page;@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{from{a:b}to{c:d}}@layer page{}@layer base{p{c:d}}');
	});

	it('drops a media or supports block left empty, and keeps one with a rule the page can use', () => {
		expect(part('@media (min-width:50rem){.catalog{a:b}}@media print{@supports (x:y){p{c:d}}}@supports (a:b){.none{e:f}}')).toBe(
			'@media print{@supports (x:y){p{c:d}}}',
		);
	});

	it('keeps a rule whose selector it cannot read, and one with rules nested in it', () => {
		expect(part('.catalog{a:b;&:hover{c:d}}')).toBe('.catalog{a:b;&:hover{c:d}}');
	});
});
