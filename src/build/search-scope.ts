import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starlight's search step (Pagefind, at the end of `astro build`) reads every HTML file of the
 * built site, and indexes only those that mark a body to index. The sign-off sheets, a third of
 * the pages, mark none: they are paper forms, and the runbook page is what search finds. So
 * Runsheet sets their folder aside (a rename, no copy) just before that step and puts it back
 * just after (the integrations below, listed either side of Starlight): the index is the same,
 * and Pagefind reads 1,000 fewer files at 1,000 runbooks (1.5 s of 7; docs/performance.md).
 */
const ASIDE = ['signoff'];

/** Where a folder waits: beside the built site, not in it. */
const asideOf = (dist: string, folder: string) => `${dist.replace(/[\\/]+$/, '')}.${folder}-aside`;

/** Moves the folders out of the built site; a folder left aside by a build that failed is dropped first. */
export function setAside(dist: string, folders: readonly string[] = ASIDE): void {
	for (const folder of folders) {
		const aside = asideOf(dist, folder);
		rmSync(aside, { recursive: true, force: true });
		if (existsSync(join(dist, folder))) renameSync(join(dist, folder), aside);
	}
}

/** Moves the folders back into the built site. */
export function putBack(dist: string, folders: readonly string[] = ASIDE): void {
	for (const folder of folders) {
		const aside = asideOf(dist, folder);
		if (existsSync(aside)) renameSync(aside, join(dist, folder));
	}
}
