import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseContentLayer } from '../../../src/build/release-content-layer.ts';

/** An astro folder whose dist/content/instance.js is `source`. */
function astroWith(source: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'astro-'));
	mkdirSync(join(dir, 'dist/content'), { recursive: true });
	writeFileSync(join(dir, 'dist/content/instance.js'), source);
	return dir;
}

const SINGLETON = (held: string) =>
	`let instance = ${held};\nglobalThis.__disposed = 0;\nexport const globalContentLayer = { get: () => instance, dispose: () => { instance = null; globalThis.__disposed++; } };\n`;

describe('letting the content layer of the sync go', () => {
	it('disposes of the singleton that holds one', async () => {
		expect(await releaseContentLayer(astroWith(SINGLETON('{ store: new Map() }')))).toBe(true);
		expect((globalThis as { __disposed?: number }).__disposed).toBe(1);
	});

	it('leaves alone a singleton that holds none (another copy of the module), and an Astro without that module', async () => {
		expect(await releaseContentLayer(astroWith(SINGLETON('null')))).toBe(false);
		expect((globalThis as { __disposed?: number }).__disposed).toBe(0);
		expect(await releaseContentLayer(astroWith('export const somethingElse = 1;\n'))).toBe(false);
		expect(await releaseContentLayer(mkdtempSync(join(tmpdir(), 'astro-')))).toBe(false);
	});
});
