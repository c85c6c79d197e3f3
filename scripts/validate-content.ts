/**
 * npm run validate [-- <folder>]: checks every runbook of a folder (content/runbooks unless named;
 * YAML, and Markdown read through the importer) as the build reads them
 * (src/build/content/collection.ts), without building: `file:line: field.path: problem. Hint:
 * fix` for each problem, exit 1 when there is one.
 */
import { readRunbookCollection } from '../src/build/content/collection.ts';
import { contentFolder } from '../src/build/content/content-folder.ts';
import { formatProblem } from '../src/build/content/validate.ts';
import { unpublishedLines } from '../src/model/published-files.ts';
import { filesUnder } from '../src/build/content/walk.ts';

const dir = process.argv[2] ?? contentFolder();
try {
	filesUnder(dir);
} catch {
	console.error(`validate: folder ${dir} not found. Hint: runbooks live in content/runbooks/<id>.yaml`);
	process.exit(1);
}
const collection = await readRunbookCollection(dir);
if (!collection.files) {
	console.error(
		`validate: no runbooks in ${dir}. Hint: add one with "npm run import -- checklist.md --out ${dir}/<id>.yaml", or copy a folder of Markdown runbooks into it`,
	);
	process.exit(1);
}
for (const warning of collection.warnings) console.warn(formatProblem(warning));
for (const problem of collection.problems) console.error(formatProblem(problem));
for (const line of unpublishedLines(collection.runbookFiles)) console.warn(line);
const failed = new Set(collection.problems.map((p) => p.file)).size;
if (failed) {
	console.error(`validate: ${failed} of ${collection.files} runbook files have problems (see above).`);
	process.exit(1);
}
console.log(`validate: ${collection.files} runbooks OK`);
