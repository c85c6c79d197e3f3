import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Axe's rules that read colours: what differs between the light and the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Resolves once every code block that scrolls sideways can take focus. Expressive Code's script makes
 * such a block focusable (tabindex 0, role region) from a ResizeObserver, a 250 ms debounce and an
 * idle callback after load: axe run before that reads a block a keyboard cannot scroll yet, and on a
 * busy CI machine it did (scrollable-region-focusable on a guide's YAML block, one run in several).
 */
export async function codeBlocksSettled(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
			(pre) => pre.scrollWidth <= pre.clientWidth || pre.getAttribute('tabindex') === '0',
		),
	);
}

/** An AxeBuilder that waits for the page's code blocks to settle before it looks. */
class SettledAxeBuilder extends AxeBuilder {
	readonly #page: Page;
	constructor(page: Page) {
		super({ page });
		this.#page = page;
	}
	override async analyze(): ReturnType<AxeBuilder['analyze']> {
		await codeBlocksSettled(this.#page);
		return super.analyze();
	}
}

/**
 * Axe for a page, asking for violations only: by default axe also writes up every node that passes
 * and every rule that does not apply, which on a big runbook page (thousands of highlighted code
 * tokens checked for contrast) is a third of its time.
 *
 * Run in the page itself ("legacy mode"): otherwise @axe-core/playwright runs axe's checks in each
 * frame, carries every partial result out of the page and opens a blank page to put them together,
 * which on a big runbook page took 7.4 of analyze()'s 9.7 s (axe's own audit 2.3 s). What legacy
 * mode gives up is checking frames of another origin together, and the site has no frames.
 *
 * In the dark theme only the rules about colour run: Starlight's dark theme swaps colour properties
 * and nothing else, and every page the tests check dark they also check light with every rule (the
 * others took two thirds of axe's time on a big runbook page, for the same answers).
 */
export function axe(page: Page, scheme: 'light' | 'dark' = 'light'): AxeBuilder {
	const builder = new SettledAxeBuilder(page).setLegacyMode(true).options({ resultTypes: ['violations'] });
	return scheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder;
}
