/**
 * Files kept beside the runbooks (the images a Markdown runbook shows, a linked PDF), published
 * at /runbook-files/<path in the content folder> (src/routes/runbook-files/[...path].ts): the
 * address links in imported runbooks were rewritten to (model/paths.ts `paths.file`). Only the
 * files a runbook links, of the kinds allowed, and never one named like a secret
 * (model/published-files.ts); the loader has said which were left out, and stopped the build
 * on a link to a secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '../context.ts';
import { filesBesideRunbooks } from '../content/walk.ts';
import { planRunbookFiles } from '../../model/published-files.ts';

export async function runbookFilePaths() {
	const dir = contentDir;
	const runbooks = await getCollection('runbooks');
	const { publish } = planRunbookFiles(
		filesBesideRunbooks(dir),
		runbooks.map((entry) => ({ file: entry.filePath ?? entry.id, data: entry.data })),
	);
	return publish.map((path) => ({ params: { path }, props: { file: join(dir, path) } }));
}

export function runbookFileBody({ file }: { file: string }) {
	return readFileSync(file);
}
