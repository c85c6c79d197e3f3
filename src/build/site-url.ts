/** The site's public base URL (RUNSHEET_SITE), for absolute links: the JSON catalog, alert addresses, `npm run alerts`. */
export const DEFAULT_SITE = 'http://localhost:4321';

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
	return env.RUNSHEET_SITE || DEFAULT_SITE;
}
