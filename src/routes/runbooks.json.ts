import type { APIRoute } from 'astro';
import { catalogJson } from '../build/pages/catalog-json.ts';

/** /runbooks.json: every runbook with the URL of every section and step (catalog.schema.json). */
// Without indentation: read by programs (status pages, alert tooling, the offline copy); at
// 1,000 runbooks indenting made it 34 MB instead of 27 and took half a second longer to write.
export const GET: APIRoute = async ({ site }) =>
	new Response(`${JSON.stringify(await catalogJson(site))}\n`, { headers: { 'Content-Type': 'application/json' } });
