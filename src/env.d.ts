interface ImportMetaEnv {
	/** Astro's `trailingSlash`, defined by src/build/integration.ts for pages and browser code. */
	readonly RUNSHEET_TRAILING_SLASH?: 'always' | 'never' | 'ignore';
}

/** Starlight's Expressive Code preprocessor module itself, aliased by src/build/integration.ts (highlight/renderer.ts says why). */
declare module 'runsheet:starlight-ec-preprocessor' {
	export { getStarlightEcConfigPreprocessor } from '@astrojs/starlight/internal';
}

/** Starlight's configuration, as its own modules import it. */
declare module 'virtual:starlight/user-config' {
	const config: Parameters<typeof import('@astrojs/starlight/internal').getStarlightEcConfigPreprocessor>[0]['starlightConfig'];
	export default config;
}
