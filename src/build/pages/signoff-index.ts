/** The list of sign-off sheets, /signoff/ (src/routes/signoff/index.astro): every runbook by title. */
import { getCollection } from 'astro:content';

export async function signoffIndexData() {
	return { runbooks: (await getCollection('runbooks')).sort((a, b) => a.data.title.localeCompare(b.data.title)) };
}
