/**
 * Starlight route middleware, on a team's own site only (src/plugin/starlight.ts): the sidebar's
 * Runsheet group would become the "Next" of the site's last docs page (Starlight's pagination
 * follows the sidebar). A docs page's previous and next stay its own docs pages.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { RUNSHEET_SIDEBAR_PAGES } from './sidebar-paths.ts';

const isRunsheetPage = (href: string | undefined) =>
	Boolean(href && RUNSHEET_SIDEBAR_PAGES.some(({ link }) => href.replace(/\/?$/, '/').endsWith(link)));

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (isRunsheetPage(context.url.pathname)) return;
	if (isRunsheetPage(route.pagination.next?.href)) route.pagination.next = undefined;
	if (isRunsheetPage(route.pagination.prev?.href)) route.pagination.prev = undefined;
});
