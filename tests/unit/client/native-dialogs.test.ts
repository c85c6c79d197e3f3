import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The page asks in its own dialog (src/client/run/ask.ts), never in the browser's prompt(),
 * confirm() or alert() boxes, which block the page and some browsers offer to silence (issue 36).
 * ESLint's no-alert says so while writing; this holds every browser file to it, however called.
 */
const files = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
		.map((e) => join(e.parentPath, e.name));

/** The code of a file without its comments (a comment may name what is not used). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** A call of one of them: bare, or through the global object. */
const NATIVE = [
	/(?<![.\w$])(?:prompt|confirm|alert)\s*\(/,
	/\b(?:window|globalThis|self)\s*(?:\.\s*|\[\s*['"`])(?:prompt|confirm|alert)\b/,
];

/** What of a file runs in the browser: a component's <script> elements (its prose may say "the alert (…)"). */
const browserCode = (file: string, text: string) =>
	file.endsWith('.astro') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;

const nativeDialogs = (text: string) => NATIVE.filter((re) => re.test(code(text))).length;

describe('no native dialog in the browser code', () => {
	it('finds the calls it looks for, and not their names in comments or as methods', () => {
		expect(nativeDialogs("const name = prompt('Name?', '');")).toBe(1);
		expect(nativeDialogs('if (!confirm(`Delete?`)) return;')).toBe(1);
		expect(nativeDialogs("window.alert('x')")).toBe(1);
		expect(nativeDialogs("globalThis['prompt']('x')")).toBe(1);
		expect(nativeDialogs('// never prompt() here\n/* nor confirm() */ paths.alert(name); const prompted = 1;')).toBe(0);
		expect(
			nativeDialogs(browserCode('x.astro', '<p>named after the alert (its file)</p><script>if (!confirm("Go?")) go();</script>')),
		).toBe(1);
		expect(nativeDialogs(browserCode('x.astro', '<p>named after the alert (its file)</p>'))).toBe(0);
	});

	it('none in src/client, nor in any component or route script', () => {
		const found = [...files('src/client'), ...files('src').filter((f) => f.endsWith('.astro'))].filter((f) =>
			nativeDialogs(browserCode(f, readFileSync(f, 'utf8'))),
		);
		expect(found).toEqual([]);
	});
});
