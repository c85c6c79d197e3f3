/**
 * Highlights one command block the way Starlight's <Code> component does, without <Code>'s page
 * bookkeeping: astro-expressive-code gives the page's stylesheet and script to the block whose
 * <Code> starts first, not to the first in the page, so here the caller says whether the block is
 * its page's first (command-html.ts). Used in the worker thread (ahead.ts) and, for
 * a block the worker has not done, on the main thread. A speed-up (build/speed-ups.ts).
 *
 * It reads the same configuration as <Code>: the virtual modules of astro-expressive-code (the
 * integration's options, ec.config.mjs and Starlight's preprocessing), so this module only runs
 * inside Astro's build. The steps mirror astro-expressive-code's components/renderer.ts and
 * Code.astro, in the version pinned below: a newer one stops the build until they are compared.
 * `npm run test:speed-ups` builds the site with <Code> and with this, every block from the worker,
 * and compares every page; a browser test holds each page's styles to its first block.
 */
// The types of astro-expressive-code's virtual modules: a declaration file it ships without an export.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../node_modules/astro-expressive-code/virtual.d.ts" />
import type { ExpressiveCodeBlockOptions } from 'astro-expressive-code';
import { toHtml, type ElementContent } from 'astro-expressive-code/hast';
import { assertPinned, installedVersion } from '../speed-ups.ts';

/** One command block: what <Code> gets from a step list (render/steps.ts), and the page it is on. */
export interface CodeBlockJob {
	code: string;
	lang: string;
	title: string | undefined;
	/** The page's path (it decides the locale of the block's labels). */
	page: string;
	/** The page's first block, which carries Expressive Code's stylesheet and script. */
	first: boolean;
}

export type CodeBlockRenderer = (job: CodeBlockJob) => Promise<string>;

/**
 * Starlight's translations of Expressive Code's frame texts (copy button, terminal title), by
 * language: what Starlight's preprocessing of the configuration reads through its translations.
 */
export type FrameTexts = Record<string, Record<string, string>>;
const FRAME_TEXT_KEYS = [
	'expressiveCode.copyButtonCopied',
	'expressiveCode.copyButtonTooltip',
	'expressiveCode.terminalWindowFallbackTitle',
];

/** The astro-expressive-code whose Code.astro and renderer.ts the steps below mirror. */
const PINNED = /^0\.44\./;
/** The Starlight whose configuration preprocessor the worker calls (dist/integrations/expressive-code/preprocessor.js). */
const STARLIGHT_PINNED = /^0\.42\./;

/**
 * The frame texts for every language of the site, read on the main thread with Starlight's own
 * translations, for a worker's renderer (createCodeBlockRenderer).
 */
export async function frameTexts(): Promise<FrameTexts> {
	const [{ useTranslations }, { default: config }] = await Promise.all([
		import('@astrojs/starlight/internal'),
		import('virtual:starlight/user-config'),
	]);
	const langs = new Set(['en', config.defaultLocale.lang, ...Object.values(config.locales ?? {}).map((locale) => locale?.lang)]);
	const texts: FrameTexts = {};
	for (const lang of langs) {
		if (!lang) continue;
		const t = useTranslations(lang);
		texts[lang] = Object.fromEntries(
			FRAME_TEXT_KEYS.filter((key) => t.exists(key)).map((key) => [key, t(key as 'expressiveCode.copyButtonTooltip')]),
		);
	}
	return texts;
}

/**
 * Starlight's preprocessing of the Expressive Code configuration, as its virtual module makes it
 * for <Code>, but reading the frame texts given instead of Starlight's translations: those load
 * the content store (every runbook, to find an `i18n` collection), which kept a worker thread from
 * starting its first block for about a second.
 */
async function preprocessorWithTexts(texts: FrameTexts) {
	assertPinned(
		"Starlight's Expressive Code preprocessing in the highlighting worker",
		installedVersion('@astrojs/starlight'),
		STARLIGHT_PINNED,
		"src/build/highlight/renderer.ts with @astrojs/starlight's integrations/expressive-code/index.js and translations.js",
	);
	const [{ getStarlightEcConfigPreprocessor }, { default: starlightConfig }] = await Promise.all([
		import('runsheet:starlight-ec-preprocessor'),
		import('virtual:starlight/user-config'),
	]);
	const useTranslations = (lang: string) => {
		const known = texts[lang] ?? {};
		return Object.assign((key: string) => known[key] ?? key, { exists: (key: string) => key in known });
	};
	// docsPath is read only for a block without a page URL; every block here has one.
	return getStarlightEcConfigPreprocessor({
		docsPath: '',
		starlightConfig,
		useTranslations: useTranslations as unknown as Parameters<typeof getStarlightEcConfigPreprocessor>[0]['useTranslations'],
	});
}

/**
 * `texts` (from frameTexts) in a worker thread; on the main thread, none: Starlight's own
 * preprocessing module is used, as <Code> uses it.
 */
export async function createCodeBlockRenderer(texts?: FrameTexts): Promise<CodeBlockRenderer> {
	assertPinned(
		'highlighting command blocks',
		installedVersion('astro-expressive-code'),
		PINNED,
		"src/build/highlight/renderer.ts with astro-expressive-code's components/Code.astro and components/renderer.ts",
	);
	const { astroConfig, ecConfigFileOptions, ecIntegrationOptions = {} } = await import('virtual:astro-expressive-code/config');
	const { createAstroRenderer, mergeEcConfigOptions } = await import('virtual:astro-expressive-code/api');
	const preprocessEcConfig = texts
		? await preprocessorWithTexts(texts)
		: (await import('virtual:astro-expressive-code/preprocess-config')).default;
	let ecConfig = mergeEcConfigOptions(ecIntegrationOptions, ecConfigFileOptions);
	ecConfig = (await preprocessEcConfig({ ecConfig, astroConfig })) || ecConfig;
	const { ec } = await createAstroRenderer({ astroConfig, ecConfig });
	const tabWidth = ecConfig.tabWidth ?? 2;

	return async ({ code, lang, title, page, first }) => {
		// Only the path is read (for the locale); the origin is never shown.
		const url = new URL(page, 'http://localhost');
		const input: ExpressiveCodeBlockOptions = {
			code: tabWidth > 0 ? code.replace(/\t/g, ' '.repeat(tabWidth)) : code,
			language: lang,
			meta: '',
			// Expressive Code adds the page's stylesheet and script to group 0.
			parentDocument: { sourceFilePath: url.href, positionInDocument: { groupIndex: first ? 0 : 1 } },
			props: { title, wrap: true },
		};
		if (ecConfig.getBlockLocale) input.locale = await ecConfig.getBlockLocale({ input, file: { url, path: '', cwd: '/', data: {} } });
		const { renderedGroupAst, styles } = await ec.render(input);
		if (styles.size) {
			const first = renderedGroupAst.children[0];
			const at = first?.type === 'element' && ['style', 'link'].includes(first.tagName) ? 1 : 0;
			const style: ElementContent = {
				type: 'element',
				tagName: 'style',
				properties: {},
				children: [{ type: 'text', value: [...styles].join('') }],
			};
			renderedGroupAst.children.splice(at, 0, style);
		}
		return toHtml(renderedGroupAst);
	};
}

let mainThreadRenderer: Promise<CodeBlockRenderer> | undefined;

/** Renders a block on the calling thread (one renderer per thread, made on first use). */
export async function renderCodeBlock(job: CodeBlockJob): Promise<string> {
	return (await (mainThreadRenderer ??= createCodeBlockRenderer()))(job);
}
