import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What Astro 7.3's dist/content/instance.js exports: the content layer that synced, kept in a singleton. */
interface ContentLayerSingleton {
	get?: () => unknown;
	dispose?: () => void;
}

/**
 * A speed-up for memory (build/speed-ups.ts): lets the content layer of `astro build`'s sync go.
 * Astro keeps it to the end of the build in a module's singleton, with its store, which holds every
 * runbook's data (72 KB a runbook, docs/notes-memory-37.md), though nothing reads it once the sync
 * is done: the pages read the bundled copy of the store (`astro:data-layer-content`), and only
 * `astro dev` syncs again. Called at `astro:build:start`, which comes after the sync. Astro exports
 * no way to it, so its module is found by path (astro's folder given), and left alone unless it
 * holds a content layer, i.e. is the very module that synced: another version that moves or
 * renames it only keeps the memory. Resolves with whether it let one go.
 */
export async function releaseContentLayer(astroDir: string): Promise<boolean> {
	try {
		// By its real path: the one Node loaded Astro's own modules from.
		const module = pathToFileURL(realpathSync(join(astroDir, 'dist/content/instance.js'))).href;
		const { globalContentLayer } = (await import(module)) as { globalContentLayer?: ContentLayerSingleton };
		if (!globalContentLayer?.get?.() || typeof globalContentLayer.dispose !== 'function') return false;
		globalContentLayer.dispose();
		return true;
	} catch {
		return false;
	}
}
