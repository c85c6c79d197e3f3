import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { filesUnder, runbookFiles, RUNBOOKS_DIR } from '../../build/content/walk.ts';

/**
 * Files kept beside the runbooks (the images a Markdown runbook shows, a linked script or PDF),
 * published at /runbook-files/<path in content/runbooks>: the address links in imported runbooks
 * were rewritten to (model/links.ts `paths.file`). Runbook files themselves are not published.
 */
export const getStaticPaths = (() => {
	const all = filesUnder(RUNBOOKS_DIR);
	const { yaml, markdown } = runbookFiles(all);
	const runbooks = new Set([...yaml, ...markdown]);
	return all
		.filter((path) => !runbooks.has(path) && !/\.ya?ml$/i.test(path))
		.map((path) => ({ params: { path }, props: { file: join(RUNBOOKS_DIR, path) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(readFileSync((props as { file: string }).file));
