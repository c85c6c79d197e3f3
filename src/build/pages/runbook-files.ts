/**
 * Files kept beside the runbooks (the images a Markdown runbook shows, a linked script or PDF),
 * published at /runbook-files/<path in the content folder> (src/pages/runbook-files/[...path].ts):
 * the address links in imported runbooks were rewritten to (model/paths.ts `paths.file`).
 * Runbook files themselves are not published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFolder } from '../content/content-folder.ts';
import { filesBesideRunbooks } from '../content/walk.ts';

export function runbookFilePaths() {
	const dir = contentFolder();
	return filesBesideRunbooks(dir).map((path) => ({ params: { path }, props: { file: join(dir, path) } }));
}

export function runbookFileBody({ file }: { file: string }) {
	return readFileSync(file);
}
