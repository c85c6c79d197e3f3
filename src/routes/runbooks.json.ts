import type { APIRoute } from 'astro';
import { catalogJsonPieces } from '../build/pages/catalog-json.ts';

/** /runbooks.json: every runbook with the URL of every section and step (catalog.schema.json). */
// Without indentation: read by programs (status pages, alert tooling, the offline copy); at
// 1,000 runbooks indenting made it 34 MB instead of 27 and took half a second longer to write.
// Written a runbook at a time: made whole, at 10,000 runbooks it was the build's peak of memory.
export const GET: APIRoute = async ({ site }) => {
	const pieces = await catalogJsonPieces(site);
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			const next = pieces.next();
			if (next.done) {
				controller.enqueue(encoder.encode('\n'));
				controller.close();
			} else controller.enqueue(encoder.encode(next.value));
		},
	});
	return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
