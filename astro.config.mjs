// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { runsheetAfterSearch, runsheetIntegration } from './src/build/integration.ts';
import { runsheetOffline } from './src/build/offline/integration.ts';
import { loadSettings } from './src/settings.ts';
import { siteUrl } from './src/build/site-url.ts';
import { SEARCH_RANKING } from './src/model/search-terms.ts';

const settings = await loadSettings();
const base = settings.base ?? '';
// Every page says when its build was made: a copy shown offline says how old it is.
const built = new Date().toISOString();
// After load, so it never competes with the page: the service worker (src/client/offline/sw.ts),
// and, when it says a newer build waits, the notice that offers a reload (/sw-update.js).
const registerWorker = settings.offline
	? `;if(navigator.serviceWorker)addEventListener('load',()=>{const s=navigator.serviceWorker,u='${base}/sw-update.js';s.register('${base}/sw.js');s.onmessage=e=>e.data==u&&import(u)})`
	: '';

const site = starlight({
	title: settings.title,
	description: settings.description,
	customCss: ['./src/styles/runsheet.css'],
	// "On this page" marks the section under the reading line (src/client/page/toc.ts).
	components: {
		TableOfContents: './src/components/toc/TableOfContents.astro',
		MobileTableOfContents: './src/components/toc/MobileTableOfContents.astro',
	},
	// The sidebar is rendered into every page: it lists where to go, never every runbook,
	// so pages stay the same size with 5 runbooks or 1,000 (the catalog lists them all).
	sidebar: [
		{ label: 'Home', link: '/' },
		{ label: 'Runbooks', link: '/runbooks/' },
		{ label: 'Rollback finder', link: '/rollback/' },
		{ label: 'Alerts', link: '/alerts/' },
		{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }, { label: 'Schema reference', link: '/guides/schema/' }] },
	],
	lastUpdated: false,
	pagefind: { ranking: SEARCH_RANKING },
	// Runsheet's own not-found page (src/pages/404.astro) says where runbooks are.
	disable404Route: true,
	head: [
		// Where storage is blocked, reading window.localStorage throws, and Starlight's own
		// theme scripts would fail. A memory stand-in, marked so Runsheet can tell the user
		// that progress is not kept, lets every script run.
		{
			tag: 'script',
			content:
				"try{localStorage.length}catch{const m=new Map;try{Object.defineProperty(window,'localStorage',{value:{runsheetMemory:true,get length(){return m.size},key:i=>[...m.keys()][i]??null,getItem:k=>m.get(k+'')??null,setItem:(k,v)=>void m.set(k+'',v+''),removeItem:k=>void m.delete(k+''),clear:()=>m.clear()}})}catch{}}" +
				registerWorker,
		},
		{ tag: 'meta', attrs: { name: 'runsheet-built', content: built } },
	],
});
// The site is static: every page, the search index and the JSON Schema are files on any host.
export default defineConfig({
	site: siteUrl(settings),
	// A site below a path (GitHub or GitLab Pages, a shared host): `base: /ops-runbooks` in the config,
	// or RUNSHEET_BASE=/ops-runbooks. Every link Runsheet writes follows it (docs/hosting.md).
	...(base ? { base } : {}),
	// Another folder of runbooks (RUNSHEET_CONTENT) is built beside the bundled site, not over it.
	outDir: process.env.RUNSHEET_OUT ?? './dist',
	// Runsheet's first: it frees memory before Starlight builds the search index (src/build/integration.ts).
	// Runsheet offline last: it lists the built files, the search index included.
	// Between them, the sign-off sheets wait outside dist/ while Starlight indexes (src/build/search-scope.ts).
	integrations: [runsheetIntegration(), site, runsheetAfterSearch(), runsheetOffline({ enabled: settings.offline })],
});
