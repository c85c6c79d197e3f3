/**
 * Loads the runbooks of a content folder (YAML files, and Markdown files read through the
 * importer) into the `runbooks` collection, through the one reader of runbook files
 * (collection.ts), which the commands read them through too. A bad file stops the build with
 * `file:line: field: problem. Hint: fix`; the dev server shows it and keeps the others, and reads
 * the folder again whenever a file in it changes. The lint runs here, once for the collection:
 * the build prints its counts, stops on a rule raised to error, and keeps each runbook's findings
 * with its entry when pages show them (kept-findings.ts).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Finding } from '../../model/lint/types.ts';
import { formatProblem } from './validate.ts';
import { readRunbookCollection, sourceDigest, type CollectionEntry } from './collection.ts';
import { withFindings } from './kept-findings.ts';
import { lintCollection } from './lint.ts';
import { isoDay } from '../../model/review.ts';
import { unpublishedLines } from '../../model/published-files.ts';
import { maxFileBytes, settingsSchema, type Settings } from '../../schema/settings.ts';

/**
 * Puts exactly these runbooks in the store: changed ones replaced, gone ones removed. With
 * `findings`, each entry keeps its own, and its digest covers them: Astro's store keeps an entry
 * whose digest did not change, and findings change without the file (a review falls due, a rule's
 * severity is set).
 */
function keep(context: LoaderContext, root: string, runbooks: readonly CollectionEntry[], findings?: Map<string, Finding[]>): void {
	const stale = new Set(context.store.keys());
	for (const { id, file, data, digest } of runbooks) {
		stale.delete(id);
		// Astro keeps files by their path from the project (a folder built from elsewhere too).
		const filePath = relative(root, resolve(root, file)).split('\\').join('/');
		const found = findings?.get(id);
		context.store.set({
			id,
			data: data as Record<string, unknown>,
			filePath,
			...(found ? { digest: sourceDigest(`${digest}${JSON.stringify(found)}`), rendered: withFindings(found) } : { digest }),
		});
	}
	for (const id of stale) context.store.delete(id);
}

/**
 * `base` is the content folder (absolute, or from the project root), `label` how messages name it
 * (by default from the project root); `settings` the config file's review interval, lint rules
 * and file size limit (by default, the defaults: a test passes its own).
 */
export function runbookLoader({
	base,
	label: given,
	settings = settingsSchema.parse({}),
}: {
	base: string;
	label?: string;
	settings?: Pick<Settings, 'reviewEveryDays' | 'lint' | 'import'>;
}): Loader {
	let watching = false;
	const lintOptions = () => ({ today: isoDay(new Date()), reviewEveryDays: settings.reviewEveryDays, rules: settings.lint.rules });
	return {
		name: 'runsheet-runbooks',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			const dir = resolve(root, base);
			const label = given ?? relative(root, dir).split('\\').join('/');
			const read = () => readRunbookCollection(dir, label, { maxFileBytes: maxFileBytes(settings) });
			if (context.watcher) {
				// The dev server: a bad file is reported and left out, the others stay on screen.
				const reload = async () => {
					const collection = await read();
					for (const warning of collection.warnings) context.logger.warn(formatProblem(warning));
					for (const problem of collection.problems) context.logger.error(formatProblem(problem));
					for (const line of unpublishedLines(collection.runbookFiles)) context.logger.warn(line);
					const found = settings.lint.showOnPages ? lintCollection(collection.entries, lintOptions()) : undefined;
					keep(context, root, collection.entries, found?.findings);
				};
				await reload();
				if (watching) return;
				watching = true;
				context.watcher.add(dir);
				context.watcher.on('all', (_event, path) => {
					if (path.startsWith(dir)) void reload();
				});
				return;
			}
			const collection = await read();
			if (!collection.files)
				throw new Error(`No runbooks found in ${label}/: add a <id>.yaml file, or a folder of Markdown runbooks (see the guide).`);
			if (collection.problems.length) {
				throw new Error(`${collection.problems.length} problems in the runbooks:\n${collection.problems.map(formatProblem).join('\n')}`);
			}
			for (const warning of collection.warnings) context.logger.warn(formatProblem(warning));
			// Once a build: the files beside the runbooks that the site leaves out.
			for (const line of unpublishedLines(collection.runbookFiles)) context.logger.warn(line);
			const found = lintCollection(collection.entries, lintOptions());
			if (found.errors.length) throw new Error(`${found.errors.length} lint errors in the runbooks:\n${found.errors.join('\n')}`);
			context.logger.info(found.line);
			keep(context, root, collection.entries, settings.lint.showOnPages ? found.findings : undefined);
		},
	};
}
