import type { Settings } from '../schema/settings.ts';

/** The site's address when the config names none (nor RUNSHEET_SITE): the preview server's. */
export const DEFAULT_SITE = 'http://localhost:4321';

/** The site's public base URL (the config's `site`, or RUNSHEET_SITE), for absolute links: the JSON catalog, alert addresses, `npm run alerts`. */
export function siteUrl(settings: Pick<Settings, 'site'>): string {
	return settings.site || DEFAULT_SITE;
}
