import type { StarlightUserConfig } from '@astrojs/starlight/types';

type Head = NonNullable<StarlightUserConfig['head']>;

/**
 * What Runsheet puts in the head of every page: a stand-in for blocked storage, the service
 * worker's registration when offline is on, and when the build was made.
 */
export function runsheetHead({ base, offline, built }: { base: string; offline: boolean; built: string }): Head {
	const root = base.replace(/\/+$/, '');
	// After load, so it never competes with the page: the service worker (src/client/offline/sw.ts),
	// and, when it says a newer build waits, the notice that offers a reload (/sw-update.js).
	// In a block: a `let` at a classic script's top level would be every other script's too.
	const registerWorker = offline
		? `;{let w=navigator.serviceWorker;w&&addEventListener('load',()=>{w.register('${root}/sw.js');w.onmessage=e=>e.data=='${root}/sw-update.js'&&import(e.data)})}`
		: '';
	return [
		// Where storage is blocked, reading window.localStorage throws, and Starlight's own
		// theme scripts would fail. A memory stand-in, marked so Runsheet can tell the user
		// that progress is not kept (and keep runs in a store of its own, client/run/storage.ts),
		// lets every script run. It has what they call: getItem and setItem (Starlight's theme, the
		// offline list's date), nothing more, as every byte here is on every page.
		{
			tag: 'script',
			content:
				"try{localStorage.length}catch{const m=new Map;try{Object.defineProperty(window,'localStorage',{value:{runsheetMemory:1,getItem:k=>m.get(k+'')??null,setItem:(k,v)=>void m.set(k+'',v+'')}})}catch{}}" +
				registerWorker,
		},
		// Every page says when its build was made: a copy shown offline says how old it is.
		{ tag: 'meta', attrs: { name: 'runsheet-built', content: built } },
	];
}
