import type { APIRoute, GetStaticPaths } from 'astro';
import { runbookJsonPaths } from '../../build/pages/runbook-json.ts';

/** /runbooks/<id>.json: one runbook's full typed data (runbook.schema.json); former ids get a copy. */
export const getStaticPaths = runbookJsonPaths satisfies GetStaticPaths;

// Without indentation, as /runbooks.json (a program reads it; `jq .` shows it indented).
export const GET: APIRoute = ({ props }) =>
	new Response(`${JSON.stringify(props.data)}\n`, { headers: { 'Content-Type': 'application/json' } });
