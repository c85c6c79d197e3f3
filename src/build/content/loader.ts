/**
 * Loads the runbooks under content/runbooks (YAML files, and Markdown files read through the
 * importer) into the `runbooks` collection, through the same reading and checks as the content
 * check (runbook-collection.ts).
 *
 * In `npm run build` the content check runs beside Astro and is usually done before content sync
 * starts (npm run bench, 1,000 runbooks: 3 s against Astro's 3 s of start-up): the loader then
 * takes what it checked (checked-runbooks.ts) instead of reading everything again. The dev server
 * reads the folder itself and again whenever a file in it changes.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem } from './validate.ts';
import { CHECKED_RUNBOOKS_ENV, folderKey, readCheckedRunbooks, type CheckedRunbook } from './checked-runbooks.ts';
import { readRunbookCollection, runbookFiles } from './collection.ts';
import { filesUnder } from './walk.ts';

/**
 * What the content check wrote for exactly these files: it is usually done by the time content
 * sync starts, else the loader waits for it a while (a failed check stops the build).
 */
async function fromTheCheck(dir: string, all: string[]): Promise<CheckedRunbook[] | undefined> {
	const folder = process.env[CHECKED_RUNBOOKS_ENV];
	if (!folder) return undefined;
	const key = folderKey(dir, all);
	for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 25))) {
		const runbooks = readCheckedRunbooks(folder, key);
		if (runbooks) return runbooks;
	}
	return undefined;
}

/** Puts exactly these runbooks in the store: changed ones replaced, gone ones removed. */
function keep(context: LoaderContext, root: string, runbooks: readonly CheckedRunbook[]): void {
	const stale = new Set(context.store.keys());
	for (const { id, file, data, digest } of runbooks) {
		stale.delete(id);
		// Astro keeps files by their path from the project (a folder built from elsewhere too).
		const filePath = relative(root, resolve(root, file)).split('\\').join('/');
		context.store.set({ id, data: data as Record<string, unknown>, digest, filePath });
	}
	for (const id of stale) context.store.delete(id);
}

export function runbookLoader({ base }: { base: string }): Loader {
	let watching = false;
	return {
		name: 'runsheet-runbooks',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const dir = resolve(root, base);
			const label = relative(root, dir).split('\\').join('/');
			const read = () => readRunbookCollection(dir, label);
			if (context.watcher) {
				// The dev server: a bad file is reported and left out, the others stay on screen.
				const reload = () => {
					const collection = read();
					for (const problem of collection.problems) context.logger.error(formatProblem(problem));
					keep(context, root, collection.entries);
				};
				reload();
				if (watching) return;
				watching = true;
				context.watcher.add(dir);
				context.watcher.on('all', (_event, path) => {
					if (path.startsWith(dir)) reload();
				});
				return;
			}
			const all = filesUnder(dir);
			if (!runbookFiles(all).yaml.length && !runbookFiles(all).markdown.length) {
				throw new Error(`No runbooks found in ${label}/: add a <id>.yaml file, or a folder of Markdown runbooks (see the guide).`);
			}
			const checked = await fromTheCheck(dir, all);
			if (checked) return keep(context, root, checked);
			const collection = read();
			if (collection.problems.length) {
				throw new Error(`${collection.problems.length} problems in the runbooks:\n${collection.problems.map(formatProblem).join('\n')}`);
			}
			keep(context, root, collection.entries);
		},
	};
}
