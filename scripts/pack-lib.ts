/**
 * npm pack's `prepack`: the modules Node itself loads from an installed package, bundled into
 * lib/ as JavaScript. Node runs TypeScript as it is, but never inside node_modules
 * (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), and Astro loads a site's astro.config.mjs, with
 * the plugins it imports, and Expressive Code's ec.config.mjs through Node. What Vite loads (the
 * pages in src/routes, the components, the runbooks collection) stays TypeScript and Astro files,
 * which Vite compiles (the plugin marks the package for it: src/plugin/integration.ts).
 *
 * - lib/cli.js: the command line (bin/runsheet.mjs imports it);
 * - lib/starlight.js: `runsheet/starlight`, the Starlight plugin;
 * - lib/ec.config.js: `runsheet/ec-config`, Runsheet's Expressive Code options.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

export const LIB_ENTRIES = {
	cli: 'src/cli/main.ts',
	starlight: 'src/plugin/starlight.ts',
	'ec.config': 'ec.config.mjs',
};

rmSync('lib', { recursive: true, force: true });
await build({
	entryPoints: LIB_ENTRIES,
	outdir: 'lib',
	bundle: true,
	// The package's dependencies are installed beside it: only Runsheet's own code is bundled.
	packages: 'external',
	platform: 'node',
	format: 'esm',
	target: 'node22.12',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
});
console.log(`pack-lib: ${Object.keys(LIB_ENTRIES).length} entries bundled into lib/`);
