/**
 * The list of sign-off sheets, /signoff/ (src/routes/signoff/index.astro): every runbook by title;
 * on a site that lists systems (model/system-pages.ts), every system, whose page links each of its
 * runbooks' sheets.
 */
import { getCollection } from 'astro:content';
import { catalogPageData } from './catalog-page.ts';

export async function signoffIndexData() {
	// The catalog's systems, grouped once a build, and its one decision to list them.
	const { systems, bySystem } = await catalogPageData();
	if (bySystem)
		return {
			runbooks: [],
			systems: systems.map(({ system, slug, runbooks }) => ({ system, slug, count: runbooks.length })),
		};
	return { runbooks: (await getCollection('runbooks')).sort((a, b) => a.data.title.localeCompare(b.data.title)), systems: [] };
}
