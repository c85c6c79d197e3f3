interface ImportMetaEnv {
	/** Astro's `trailingSlash`, defined by src/build/integration.ts for pages and browser code. */
	readonly RUNSHEET_TRAILING_SLASH?: 'always' | 'never' | 'ignore';
}
