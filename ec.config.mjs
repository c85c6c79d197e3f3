// Expressive Code options live here, not in astro.config.mjs: the <Code> component can only use
// plugins from this file (functions cannot be passed through the integration's options).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginVariables } from './src/render/expressive-code-variables.ts';

export default defineEcConfig({
	plugins: [pluginVariables()],
	// Shiki's JavaScript regular expressions instead of its Oniguruma WebAssembly: byte-identical
	// pages for every bundled command, and about 6 s less of a 1,000-runbook build (npm run bench).
	// Expressive Code runs it "forgiving": a rare grammar pattern it cannot translate is skipped
	// (that token is less coloured), never an error.
	shiki: { engine: 'javascript' },
});
