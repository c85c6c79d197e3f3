import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stylesheets are one file a feature, each a cascade layer whose order the entry file declares
 * once (CONTRIBUTING.md, Styles). Unlayered CSS would beat every layer, Starlight's included, and a
 * layer nobody declared would take its place by where it first appears: both are kept out here.
 */
const ENTRIES = [
	{ entry: 'src/styles/runsheet.css', prefix: 'runsheet', before: ['starlight', 'runsheet'] },
	{ entry: 'src/styles/sheet.css', prefix: 'sheet', before: [] },
];

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The top-level statements and blocks of a stylesheet, as their preludes (`@layer a, b`, `@import '…'`, `@layer a`). */
function topLevel(css: string): { prelude: string; block: boolean }[] {
	const out: { prelude: string; block: boolean }[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < css.length; i++) {
		const c = css[i];
		if (c === '{') {
			if (depth === 0) out.push({ prelude: css.slice(start, i).trim(), block: true });
			depth++;
		} else if (c === '}') {
			depth--;
			if (depth === 0) start = i + 1;
		} else if (c === ';' && depth === 0) {
			out.push({ prelude: css.slice(start, i).trim(), block: false });
			start = i + 1;
		}
	}
	return out;
}

const names = (prelude: string) =>
	prelude
		.replace(/^@layer\s+/, '')
		.split(',')
		.map((n) => n.trim());

describe.each(ENTRIES)('$entry', ({ entry, prefix, before }) => {
	const parts = topLevel(withoutComments(readFileSync(entry, 'utf8')));
	const statements = parts.filter((p) => !p.block && p.prelude.startsWith('@layer'));
	const declared = statements.flatMap((s) => names(s.prelude));
	const imports = parts.filter((p) => p.prelude.startsWith('@import')).map((p) => /['"]([^'"]+)['"]/.exec(p.prelude)![1]!);

	it('declares the layer order first, after Starlight’s where the site has Starlight, and holds nothing but imports', () => {
		expect(parts.every((p) => !p.block)).toBe(true);
		expect(parts[0]!.prelude.startsWith('@layer')).toBe(true);
		expect(declared.slice(0, before.length)).toEqual(before);
		expect(declared.slice(before.length).every((n) => n.startsWith(`${prefix}.`))).toBe(true);
	});

	it('has every feature file put its rules in a declared layer of its own, none left unlayered', () => {
		const used = new Set<string>();
		for (const file of imports) {
			const blocks = topLevel(withoutComments(readFileSync(join(dirname(entry), file), 'utf8')));
			for (const { prelude, block } of blocks) {
				expect(block, `${file}: ${prelude}`).toBe(true);
				expect(prelude, file).toMatch(/^@layer [\w.-]+$/);
				const layer = names(prelude)[0]!;
				expect(declared, `${file}: ${layer}`).toContain(layer);
				used.add(layer);
			}
		}
		expect([...used].sort()).toEqual(declared.slice(before.length).sort());
	});

	it('imports the files in the order of their layers', () => {
		const firstLayer = (file: string) => names(topLevel(withoutComments(readFileSync(join(dirname(entry), file), 'utf8')))[0]!.prelude)[0]!;
		const order = imports.map((file) => declared.indexOf(firstLayer(file)));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});
});
