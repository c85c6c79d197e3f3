import type { APIRoute, GetStaticPaths } from 'astro';
import { runbookFileBody, runbookFilePaths } from '../../build/pages/runbook-files.ts';

/** Files kept beside the runbooks (images, linked files), at /runbook-files/<path in the content folder>. */
export const getStaticPaths = runbookFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(runbookFileBody(props as { file: string }));
