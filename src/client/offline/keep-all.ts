import { formatBytes } from '../../model/bytes.ts';
import { PAGES_CACHE } from '../../model/offline-caches.ts';

interface Manifest {
	version: string;
	keep: { url: string; bytes: number }[];
	keepBytes: number;
	runbooks: number;
}

const KEPT = 'runsheet:offline:kept';
/** Files fetched at once: enough to fill a slow line, few enough to show progress. */
const AT_ONCE = 4;

/**
 * "Keep all runbooks offline", on the catalog: fetches every runbook and rollback page, their
 * JSON, the catalog and the search index (/offline.json lists them with their sizes) into the
 * cache the service worker reads when the network is down, with a progress bar, then says the
 * total. Shown only where a service worker can serve them.
 */
export function startKeepAll(root: HTMLElement): void {
	if (!('serviceWorker' in navigator) || !('caches' in window)) return;
	const button = root.querySelector<HTMLButtonElement>('[data-keep-all]')!;
	const progress = root.querySelector<HTMLProgressElement>('progress')!;
	const status = root.querySelector<HTMLElement>('[data-keep-status]')!;
	root.hidden = false;
	try {
		const kept = JSON.parse(localStorage.getItem(KEPT) ?? 'null') as { at: string; bytes: number; runbooks: number } | null;
		if (kept)
			status.textContent = `${kept.runbooks} runbooks kept on this device on ${kept.at} (${formatBytes(kept.bytes)}). Keep them again to refresh.`;
	} catch {
		// Nothing said about an earlier keep.
	}

	button.addEventListener('click', async () => {
		button.disabled = true;
		progress.hidden = false;
		status.textContent = 'Fetching the runbooks…';
		try {
			const manifest = (await (await fetch(root.dataset.manifest!, { cache: 'no-cache' })).json()) as Manifest;
			const cache = await caches.open(PAGES_CACHE);
			progress.max = manifest.keepBytes;
			progress.value = 0;
			let done = 0;
			let failed = 0;
			const queue = [...manifest.keep];
			const worker = async () => {
				for (let file = queue.shift(); file; file = queue.shift()) {
					const url = new URL(file.url, location.origin);
					try {
						const response = await fetch(url, { cache: 'no-cache' });
						if (!response.ok) throw new Error(String(response.status));
						await cache.put(`${url.origin}${url.pathname}`, response);
					} catch {
						failed++;
					}
					done += file.bytes;
					progress.value = done;
					status.textContent = `Fetching the runbooks… ${formatBytes(done)} of ${formatBytes(manifest.keepBytes)}`;
				}
			};
			await Promise.all(Array.from({ length: AT_ONCE }, worker));
			const at = new Date().toISOString().slice(0, 10);
			if (failed)
				status.textContent = `${failed} of ${manifest.keep.length} files could not be fetched; the others are kept. Try again on a better network.`;
			else {
				status.textContent = `All ${manifest.runbooks} runbooks are kept on this device: ${formatBytes(manifest.keepBytes)}. They open without a network.`;
				try {
					localStorage.setItem(KEPT, JSON.stringify({ at, bytes: manifest.keepBytes, runbooks: manifest.runbooks }));
				} catch {
					// Kept all the same; only this note is lost.
				}
			}
		} catch {
			status.textContent = 'The list of runbooks could not be fetched. Try again when online.';
		} finally {
			button.disabled = false;
			progress.hidden = true;
		}
	});
}
