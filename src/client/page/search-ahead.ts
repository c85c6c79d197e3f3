import { pagefindPath } from '../../model/paths.ts';

/**
 * Pagefind's script, fetched once the page has loaded. Starlight's search dialog imports it only
 * when it opens, then Pagefind's worker, entry, metadata and index, one round trip after the other
 * (six before the first hit). Fetched ahead (14 KB gzipped, once; the dialog then finds the module
 * loaded) that is one round trip less: on Fast 3G the bundled site's first hit came 0.6 s sooner
 * (docs/performance.md). Nothing more is fetched ahead (the index is tens to hundreds of KB), and
 * nothing where the reader asks to save data, or offline.
 */

// The dev server has no index. Offline, a page the service worker kept has no use for the script
// until the dialog opens (and a failed fetch would be one more error in the console).
if (!import.meta.env.DEV && !(navigator as { connection?: { saveData?: boolean } }).connection?.saveData)
	addEventListener('load', () =>
		setTimeout(() => navigator.onLine && import(/* @vite-ignore */ pagefindPath()).catch(() => undefined), 100),
	);
