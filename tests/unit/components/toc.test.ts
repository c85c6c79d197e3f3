import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Runsheet's "On this page" (src/components/toc/) draws Starlight's markup with Starlight's styles
 * and its own script: pages look as Starlight made them. Should the installed Starlight draw its
 * table of contents differently, this fails: compare the two and bring the copy up to date.
 */
const STARLIGHT = 'node_modules/@astrojs/starlight/dist/';
const COPIES = [
	['components/TableOfContents.astro', 'src/components/toc/TableOfContents.astro'],
	['components/MobileTableOfContents.astro', 'src/components/toc/MobileTableOfContents.astro'],
	['components-internals/TableOfContents/TableOfContentsList.astro', 'src/components/toc/TocList.astro'],
] as const;

const read = (path: string) => readFileSync(path, 'utf8');

/** The component's style, its white space collapsed. */
const style = (source: string) => /<style[^>]*>([\s\S]*?)<\/style>/.exec(source)?.[1]?.replace(/\s+/g, ' ').trim();

/**
 * The component's template with Starlight's names for Runsheet's, its layout set aside (white
 * space and brackets: each project's Prettier lays it out). Starlight's `data-min-h`/`data-max-h`
 * are for its own script only, which Runsheet's replaces.
 */
const template = (source: string) =>
	source
		.replace(/^---[\s\S]*?\n---/, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/ data-(min|max)-h=\{toc\.(min|max)HeadingLevel\}/g, '')
		.replaceAll('runsheet-mobile-toc', 'mobile-starlight-toc')
		.replaceAll('runsheet-toc', 'starlight-toc')
		.replaceAll('TocList', 'TableOfContentsList')
		// Runsheet's list carries the depth itself (TocList.astro), not through define:vars on every element.
		.replace(' style={`--depth: ${depth};`}', '')
		.replace(/[\s()]/g, '');

describe('"On this page", copied from Starlight', () => {
	for (const [original, copy] of COPIES) {
		it(`${copy} draws what the installed Starlight's ${original} draws`, () => {
			const theirs = read(STARLIGHT + original);
			const ours = read(copy);
			expect(template(ours)).toBe(template(theirs));
			expect(style(ours)).toBe(style(theirs));
		});
	}

	it('sets the depth of a list once, on the list, where Starlight sets it with define:vars', () => {
		expect(read(STARLIGHT + COPIES[2][0])).toContain('<style define:vars={{ depth }}>');
		expect(read(COPIES[2][1])).toContain('<ul class:list={{ isMobile }} style={`--depth: ${depth};`}>');
		expect(read(COPIES[2][1])).not.toContain('<style define:vars');
	});

	it('defines its own elements, never Starlight’s (whose script is not loaded)', () => {
		for (const [, copy] of COPIES.slice(0, 2)) expect(read(copy)).not.toMatch(/starlight-toc|components-internals/);
	});
});
