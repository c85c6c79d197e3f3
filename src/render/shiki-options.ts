import type { PluginShikiOptions } from 'astro-expressive-code';
import type { ShikiTransformer } from 'shiki';

/**
 * Lines longer than this are shown uncoloured (VS Code's own default for
 * `editor.maxTokenizationLineLength`): a bound that depends on the text alone.
 */
export const MAX_TOKENIZED_LINE = 20_000;

/**
 * Shiki's options for every command block (ec.config.mjs).
 *
 * - Shiki's JavaScript regular expressions instead of its Oniguruma WebAssembly: byte-identical
 *   pages for every bundled command, and about 6 s less of a 1,000-runbook build (npm run bench).
 *   Expressive Code runs it "forgiving": a rare grammar pattern it cannot translate is skipped
 *   (that token is less coloured), never an error.
 * - No wall-clock limit on tokenizing a line. Shiki gives up on a line after 500 ms by the clock
 *   and leaves the rest of it as one uncoloured token; the first line of a language also compiles
 *   its grammar, so on a busy machine a block could come out plain in one build and coloured in the
 *   next (npm run test:speed-ups builds under load). What a page shows must not depend on how busy
 *   the machine was: lines are bounded by their length instead.
 */
export const SHIKI_OPTIONS = {
	engine: 'javascript',
	transformers: [tokenizeByLength()],
} satisfies PluginShikiOptions;

function tokenizeByLength(): ShikiTransformer {
	return {
		name: 'runsheet:tokenize-by-length-not-time',
		// Expressive Code hands this hook the options it tokenizes with (it supports no hook that
		// changes the code).
		preprocess(_code, options) {
			options.tokenizeTimeLimit = 0;
			options.tokenizeMaxLineLength = MAX_TOKENIZED_LINE;
		},
	};
}
