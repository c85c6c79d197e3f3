/**
 * Runs beside `astro build` (scripts/build.ts): checks every runbook under content/runbooks (YAML,
 * and Markdown read through the importer) and stops the build with
 * `file:line: field.path: problem. Hint: fix` lines for each bad file.
 */
import { CHECKED_RUNBOOKS_ENV, folderKey, writeCheckedRunbooks } from '../src/build/content/checked-runbooks.ts';
import { readRunbookCollection } from '../src/build/content/collection.ts';
import { filesUnder } from '../src/build/content/walk.ts';
import { formatProblem } from '../src/build/content/validate.ts';

const dir = process.argv[2] ?? process.env.RUNSHEET_CONTENT ?? 'content/runbooks';
let all: string[];
try {
	all = filesUnder(dir);
} catch {
	console.error(`validate: folder ${dir} not found. Hint: runbooks live in content/runbooks/<id>.yaml`);
	process.exit(1);
}
const collection = readRunbookCollection(dir);
if (!collection.files) {
	console.error(`validate: no runbooks in ${dir}. Hint: add one with "npm run import -- checklist.md --out ${dir}/<id>.yaml", or copy a folder of Markdown runbooks into it`);
	process.exit(1);
}
for (const warning of collection.warnings) console.warn(formatProblem(warning));
for (const problem of collection.problems) console.error(formatProblem(problem));
const failed = new Set(collection.problems.map((p) => p.file)).size;
if (failed) {
	console.error(`validate: ${failed} of ${collection.files} runbook files have problems (see above); the build stops here.`);
	process.exit(1);
}
// In `npm run build`, Astro's content sync reads what was checked here (src/build/content/checked-runbooks.ts).
const handOver = process.env[CHECKED_RUNBOOKS_ENV];
if (handOver) writeCheckedRunbooks(handOver, folderKey(dir, all), collection.entries);
console.log(`validate: ${collection.files} runbooks OK`);
