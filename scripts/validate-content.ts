/**
 * Runs beside `astro build` (scripts/build.ts): checks every content/runbooks/*.yaml against the
 * schema and stops the build with `file:line: field.path: problem. Hint: fix` lines for each bad file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKED_RUNBOOKS_ENV, filesKey, sourceDigest, writeCheckedRunbooks, type CheckedRunbook, type RunbookFile } from '../src/lib/content/checked-runbooks.ts';
import { findCollectionProblems, formatProblem, validateRunbookSource } from '../src/lib/validate-runbook.ts';

const dir = process.argv[2] ?? 'content/runbooks';
let files: string[];
try {
	files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
} catch {
	console.error(`validate: folder ${dir} not found. Hint: runbooks live in content/runbooks/<id>.yaml`);
	process.exit(1);
}
if (!files.length) {
	console.error(`validate: no runbooks in ${dir}. Hint: add one with "npm run import -- checklist.md --out ${dir}/<id>.yaml"`);
	process.exit(1);
}

let failed = 0;
const valid: { file: string; id: string; formerIds?: string[] | undefined }[] = [];
const sources: RunbookFile[] = [];
const checked: CheckedRunbook[] = [];
for (const file of files) {
	const path = join(dir, file);
	const source = readFileSync(path, 'utf8');
	sources.push({ name: file, source });
	const result = validateRunbookSource(source, path);
	if (!result.ok) {
		failed++;
		for (const problem of result.problems) console.error(formatProblem(problem));
	} else {
		for (const warning of result.warnings) console.warn(formatProblem(warning));
		valid.push({ file: path, id: file.replace(/\.ya?ml$/i, ''), formerIds: result.runbook.formerIds });
		checked.push({ data: result.runbook, digest: sourceDigest(source) });
	}
}
const across = findCollectionProblems(valid);
for (const problem of across) console.error(formatProblem(problem));
failed += new Set(across.map((p) => p.file)).size;
if (failed) {
	console.error(`validate: ${failed} of ${files.length} runbook files have problems (see above); the build stops here.`);
	process.exit(1);
}
// In `npm run build`, Astro's content sync reads what was parsed here (src/lib/content/checked-runbooks.ts).
const handOver = process.env[CHECKED_RUNBOOKS_ENV];
if (handOver) writeCheckedRunbooks(handOver, filesKey(sources), checked);
console.log(`validate: ${files.length} runbooks OK`);
