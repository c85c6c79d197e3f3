import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Axe's rules that read colours: what differs between the light and the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Axe for a page, asking for violations only: by default axe also writes up every node that passes
 * and every rule that does not apply, which on a big runbook page (thousands of highlighted code
 * tokens checked for contrast) is a third of its time.
 *
 * In the dark theme only the rules about colour run: Starlight's dark theme swaps colour properties
 * and nothing else, and every page the tests check dark they also check light with every rule (the
 * others took two thirds of axe's time on a big runbook page, for the same answers).
 */
export function axe(page: Page, scheme: 'light' | 'dark' = 'light'): AxeBuilder {
	const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
	return scheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder;
}
