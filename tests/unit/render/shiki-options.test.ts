import { ExpressiveCode, loadShikiTheme, type PluginShikiOptions } from 'astro-expressive-code';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOKENIZED_LINE, SHIKI_OPTIONS } from '../../../src/render/shiki-options.ts';

/** The distinct colours a block's code is drawn in (Expressive Code writes them as --0:#rrggbb). */
async function colours(shiki: PluginShikiOptions, code: string, language = 'bash') {
	const ec = new ExpressiveCode({ themes: [await loadShikiTheme('night-owl')], shiki, useStyleReset: false });
	const { renderedGroupAst } = await ec.render({ code, language });
	return new Set(JSON.stringify(renderedGroupAst).match(/--0:#[0-9a-fA-F]{6}/g));
}

/** A clock that runs a second per reading: every line takes "longer" than any time limit. */
function slowClock() {
	let now = Date.now();
	vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
}

describe('command blocks are coloured the same however busy the machine is', () => {
	afterEach(() => void vi.restoreAllMocks());

	it('with Shiki’s default time limit, a slow clock leaves a command uncoloured (the fault)', async () => {
		slowClock();
		expect((await colours({ engine: 'javascript' }, 'docker-compose -p "$PROJECT" down --volumes')).size).toBe(1);
	});

	it('with Runsheet’s options, the same slow clock changes nothing', async () => {
		const idle = await colours(SHIKI_OPTIONS, 'kubectl rollout undo deployment/api -n "$NAMESPACE"');
		slowClock();
		const busy = await colours(SHIKI_OPTIONS, 'kubectl rollout undo deployment/api -n "$NAMESPACE"');
		expect(busy).toEqual(idle);
		expect(busy.size).toBeGreaterThan(1);
	});

	it('bounds a line by its length instead: a line longer than the bound is left uncoloured, whatever the clock', async () => {
		const long = `echo "${'x'.repeat(MAX_TOKENIZED_LINE)}"`;
		expect((await colours(SHIKI_OPTIONS, long)).size).toBe(1);
		expect((await colours(SHIKI_OPTIONS, long.slice(0, 200))).size).toBeGreaterThan(1);
	});
});
