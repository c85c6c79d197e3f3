/**
 * Runsheet's service worker (built into /sw.js by src/build/offline/integration.ts): runbooks
 * readable when the network is not.
 * - Pages, their JSON and Pagefind's entry files: network first, so a reader online always gets
 *   the current runbook; the cached copy when the network is down or too slow (NETWORK_WAIT),
 *   marked as an offline copy with its build date. A runbook page also brings its JSON and its
 *   rollback page into the cache.
 * - Hashed files (Astro's CSS and JavaScript, Pagefind's index chunks): cache first.
 * - A new build's worker installs beside the old one and waits: the page offers to reload
 *   (update-notice.ts), it never swaps content under a reader mid-run.
 */

// A module for the type checker (the build drops the export); `self` is the worker's scope.
const sw = self as unknown as ServiceWorkerGlobalScope;
/**
 * Written in front of this file by the build: the site's base path, the shell to keep and the
 * cache names (model/offline-caches.ts). The file has no imports: Node strips its types, no bundler needed.
 */
declare const RUNSHEET_SW: {
	version: string;
	base: string;
	shell: string[];
	caches: { prefix: string; pages: string; assets: string };
};

const { base, shell } = RUNSHEET_SW;
const { prefix: CACHE_PREFIX, pages: PAGES_CACHE, assets: ASSETS_CACHE } = RUNSHEET_SW.caches;
const KNOWN_CACHES = [PAGES_CACHE, ASSETS_CACHE];
/** How long a page waits for the network before the kept copy is shown (a bad network). */
const NETWORK_WAIT = 4000;
const HASHED = new RegExp(`^${base}/(?:_astro/|pagefind/(?:index|fragment|filter)/)`);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(ASSETS_CACHE);
			await cache.addAll(shell);
			// A worker already in charge: this is a new build. Tell its pages, which offer to reload.
			if (sw.registration.active) await notify();
		})(),
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && !KNOWN_CACHES.includes(name)) await caches.delete(name);
			await sw.clients.claim();
			await keepOpenPages();
		})(),
	);
});

/** The pages open when the worker first starts were loaded without it: they are kept now. */
async function keepOpenPages(): Promise<void> {
	const cache = await caches.open(PAGES_CACHE);
	for (const client of await sw.clients.matchAll({ type: 'window' })) {
		const url = new URL(client.url);
		if (url.origin !== location.origin || !url.pathname.startsWith(`${base}/`) || (await cache.match(keyOf(url)))) continue;
		const response = await fetch(keyOf(url)).catch(() => undefined);
		if (!response?.ok || response.type !== 'basic') continue;
		await cache.put(keyOf(url), response.clone());
		await keepCompanions(cache, url, response);
	}
}

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

/** Every page of the site learns there is a newer build: it loads the notice that offers a reload. */
async function notify(only?: string): Promise<void> {
	const clients = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	for (const client of clients) if (!only || client.id === only) client.postMessage(`${base}/sw-update.js`);
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(`${base}/`)) return;
	if (url.pathname === `${base}/sw.js`) return;
	if (HASHED.test(url.pathname)) {
		event.respondWith(cacheFirst(request, url.pathname.startsWith(`${base}/_astro/`) ? ASSETS_CACHE : PAGES_CACHE));
		return;
	}
	event.respondWith(networkFirst(event, url));
	// A page opened while a newer build waits: it offers the reload too.
	if (request.mode === 'navigate' && sw.registration.waiting && event.resultingClientId)
		event.waitUntil(new Promise((done) => setTimeout(done, 1000)).then(() => notify(event.resultingClientId)));
});

async function cacheFirst(request: Request, name: string): Promise<Response> {
	const cache = await caches.open(name);
	const kept = await cache.match(request, { ignoreSearch: true });
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

/** The page's cache key: its address without ?run= and #step, which it does not depend on. */
const keyOf = (url: URL) => `${url.origin}${url.pathname}`;

async function networkFirst(event: FetchEvent, url: URL): Promise<Response> {
	const cache = await caches.open(PAGES_CACHE);
	const navigate = event.request.mode === 'navigate';
	const network = fetch(event.request).then(async (response) => {
		if (response.ok && response.type === 'basic') {
			await cache.put(keyOf(url), response.clone());
			if (navigate) event.waitUntil(keepCompanions(cache, url, response.clone()));
		}
		return response;
	});
	// Answered by the copy, the request may still fail later: nothing waits for it then.
	network.catch(() => undefined);
	// Kept as a page, or in the shell (the icon).
	const kept = await caches.match(keyOf(url));
	try {
		// With a copy at hand, a network that keeps the reader waiting counts as down.
		const response = await (kept ? Promise.race([network, new Promise<never>((_, fail) => setTimeout(fail, NETWORK_WAIT))]) : network);
		// The docs host is the thing that is down: its error page is worth less than the copy.
		if (kept && response.status >= 500) return navigate ? offlineCopy(kept) : kept;
		return response;
	} catch {
		if (kept) return navigate ? offlineCopy(kept) : kept;
		return navigate ? notKept() : Response.error();
	}
}

/** A runbook page's rollback page comes with it: at 3 a.m. the rollback is one tap away. */
async function keepCompanions(cache: Cache, url: URL, page: Response): Promise<void> {
	const runbook = new RegExp(`^${base}/runbooks/([a-z0-9-]+)/$`).exec(url.pathname)?.[1];
	if (!runbook) return;
	const rollback = `${base}/rollback/${runbook}/`;
	if (!(await page.text()).includes(`href="${rollback}`)) return;
	const at = new URL(rollback, url);
	if (await cache.match(keyOf(at))) return;
	const response = await fetch(at).catch(() => undefined);
	if (response?.ok) await cache.put(keyOf(at), response);
}

/**
 * A kept page shown without the network says so at its top, with the date of the build it came
 * from (its `runsheet-built` meta tag, checked to be a date before it is written).
 */
async function offlineCopy(kept: Response): Promise<Response> {
	const html = await kept.text();
	const built = /<meta name="runsheet-built" content="(\d{4}-\d\d-\d\dT\d\d:\d\d)[^"]*"/.exec(html)?.[1];
	const note = `<div class="rs-offline-copy" role="status" data-offline-copy>Offline: this is the copy kept on this device${
		built ? `, built ${built.replace('T', ' ')} UTC` : ''
	}. Ticks and values are still kept.</div>`;
	// At the top of the content, under the site's header (which is fixed); a page without one
	// (a sheet) at the top of its body.
	const marked = /<main[\s>]/.test(html)
		? html.replace(/<main([^>]*)>/, `<main$1>${note}`)
		: html.replace(/<body([^>]*)>/, `<body$1>${note}`);
	return new Response(marked, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** Offline, and this page was never kept: say so, and where kept pages are. */
function notKept(): Response {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline | Runsheet</title><link rel="icon" href="${base}/favicon.svg" type="image/svg+xml"></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>You are offline</h1><p>This page was not kept on this device. Runbooks you opened before open without a network, and all of them after “Keep all runbooks offline” in the catalog.</p><p><a href="${base}/runbooks/">The catalog</a></p></body></html>`;
	return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

export {};
