// Expressive Code options live here, not in astro.config.mjs: the <Code> component can only use
// plugins from this file (functions cannot be passed through the integration's options).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginVariables } from './src/lib/expressive-code-variables.ts';

export default defineEcConfig({
	plugins: [pluginVariables()],
});
