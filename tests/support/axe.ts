import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Axe for a page, asking for violations only: by default axe also writes up every node that passes
 * and every rule that does not apply, which on a big runbook page (thousands of highlighted code
 * tokens checked for contrast) is most of its time. Every rule still runs on every node.
 */
export function axe(page: Page): AxeBuilder {
	return new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
}
