/**
 * validate [<folder>]: checks every runbook of a folder (content/runbooks unless named; YAML, and
 * Markdown read through the importer) as the build reads them (src/build/content/collection.ts),
 * without building: `file:line: field.path: problem. Hint: fix` for each problem, exit 1 when
 * there is one.
 */
import { readRunbookCollection } from '../build/content/collection.ts';
import { contentFolder } from '../build/content/content-folder.ts';
import { formatProblem } from '../build/content/validate.ts';
import { filesUnder } from '../build/content/walk.ts';
import { unpublishedLines } from '../model/published-files.ts';
import { maxFileBytes } from '../schema/settings.ts';
import { settings } from '../settings.ts';
import { NPM, type Invocation } from './invocation.ts';

export async function validate(argv: string[], how: Invocation = NPM): Promise<number> {
	const dir = argv[0] ?? contentFolder();
	try {
		filesUnder(dir);
	} catch {
		console.error(`validate: folder ${dir} not found. Hint: runbooks live in content/runbooks/<id>.yaml`);
		return 1;
	}
	const collection = await readRunbookCollection(dir, dir, { maxFileBytes: maxFileBytes(settings) });
	if (!collection.files) {
		console.error(
			`validate: no runbooks in ${dir}. Hint: add one with "${how.usage('import', `checklist.md --out ${dir}/<id>.yaml`)}", or copy a folder of Markdown runbooks into it`,
		);
		return 1;
	}
	for (const warning of collection.warnings) console.warn(formatProblem(warning));
	for (const problem of collection.problems) console.error(formatProblem(problem));
	for (const line of unpublishedLines(collection.runbookFiles)) console.warn(line);
	const failed = new Set(collection.problems.map((p) => p.file)).size;
	if (failed) {
		console.error(`validate: ${failed} of ${collection.files} runbook files have problems (see above).`);
		return 1;
	}
	console.log(`validate: ${collection.files} runbooks OK`);
	return 0;
}
