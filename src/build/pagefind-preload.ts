import { pagefindPath } from '../model/paths.ts';

/**
 * The head entry of a page that starts Pagefind as it is parsed (components/PagefindStart.astro:
 * the home page, the rollback finder): Pagefind's script starts downloading with the page, not
 * after it.
 */
export const pagefindPreload = () => ({ tag: 'link' as const, attrs: { rel: 'modulepreload', href: pagefindPath() } });
