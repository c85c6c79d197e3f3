// Expressive Code options live here, not in astro.config.mjs: the <Code> component can only use
// plugins from this file (functions cannot be passed through the integration's options).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginPlainSpaces } from './src/render/expressive-code-spaces.ts';
import { pluginVariables } from './src/render/expressive-code-variables.ts';
import { SHIKI_OPTIONS } from './src/render/shiki-options.ts';

export default defineEcConfig({
	plugins: [pluginVariables(), pluginPlainSpaces()],
	// Shiki's JavaScript regular expressions, and lines bounded by length, never by the clock
	// (src/render/shiki-options.ts says why).
	shiki: SHIKI_OPTIONS,
	// A comment is part of its command and copied with it, as the source wrote it (issue 34); a `#`
	// line may also be root's prompt, typed in a shell an earlier command opened.
	frames: { removeCommentsWhenCopyingTerminalFrames: false },
});
