interface ImportMetaEnv {
	/** Astro's `trailingSlash`, defined by src/build/integration.ts for pages and browser code. */
	readonly RUNSHEET_TRAILING_SLASH?: 'always' | 'never' | 'ignore';
}

/** Starlight's Expressive Code preprocessor module itself, aliased by src/build/integration.ts (highlight/renderer.ts says why). */
declare module 'runsheet:starlight-ec-preprocessor' {
	export { getStarlightEcConfigPreprocessor } from '@astrojs/starlight/internal';
}

/** The mobile menu's footer, a site's override of it included, as Starlight's own Sidebar imports it. */
declare module 'virtual:starlight/components/MobileMenuFooter' {
	const MobileMenuFooter: (props: Record<string, never>) => unknown;
	export default MobileMenuFooter;
}

/** Starlight's configuration, as its own modules import it. */
declare module 'virtual:starlight/user-config' {
	const config: Parameters<typeof import('@astrojs/starlight/internal').getStarlightEcConfigPreprocessor>[0]['starlightConfig'];
	export default config;
}

/** What the site is built from, as the Runsheet plugin resolved it (src/plugin/integration.ts writes it; src/build/context.ts reads it). */
declare module 'virtual:runsheet/context' {
	/** The config file's settings (runsheet.config.yaml), environment overrides applied. */
	export const settings: import('./schema/settings.ts').Settings;
	/** The runbooks folder, absolute. */
	export const contentDir: string;
	/** The runbooks folder as messages name it: from the folder the command ran in. */
	export const contentLabel: string;
	/** Runsheet is the whole site, its guides included (src/plugin/routes.ts). */
	export const standalone: boolean;
}
