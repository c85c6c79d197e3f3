import config from 'virtual:starlight/user-config';

/**
 * The site's title, as Starlight was given it: the config file's `title` on Runsheet's own site,
 * the team's on its docs site. Pages outside Starlight's layout (redirects) and the not-found page say it.
 */
const titles = (config as unknown as { title: Record<string, string>; defaultLocale: { lang: string } }).title;
export const siteTitle: string =
	titles[(config as unknown as { defaultLocale: { lang: string } }).defaultLocale.lang] ?? Object.values(titles)[0] ?? 'Runsheet';
