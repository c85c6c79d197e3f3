import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** /runbooks/<id>.json: one runbook's full typed data (runbook.schema.json); former ids get a copy. */
export const getStaticPaths = (async () => {
	const runbooks = await getCollection('runbooks');
	return runbooks.flatMap((entry) =>
		[entry.id, ...(entry.data.formerIds ?? [])].map((id) => ({ params: { id }, props: { data: entry.data } })),
	);
}) satisfies GetStaticPaths;

// Without indentation, as /runbooks.json (a program reads it; `jq .` shows it indented).
export const GET: APIRoute = ({ props }) =>
	new Response(`${JSON.stringify(props.data)}\n`, { headers: { 'Content-Type': 'application/json' } });
