/** /runbooks/<id>.json (src/routes/runbooks/[id].json.ts): one runbook's full typed data (runbook.schema.json); former ids get a copy. */
import { getCollection } from 'astro:content';

export async function runbookJsonPaths() {
	const runbooks = await getCollection('runbooks');
	return runbooks.flatMap((entry) =>
		[entry.id, ...(entry.data.formerIds ?? [])].map((id) => ({ params: { id }, props: { data: entry.data } })),
	);
}
