/**
 * Loads content/runbooks/<id>.yaml into the `runbooks` collection. YAML parsing and the schema
 * were most of Astro's content sync, on one thread (npm run bench, 1,000 runbooks: 5 s of 9), so
 * in `astro build` the loader takes what the content check beside it has parsed
 * (checked-runbooks.ts), or else parses the files in worker threads, one per core (up to four),
 * with the same parser and schema as the check (lib/validate-runbook.ts).
 *
 * Everything else goes to Astro's own glob loader, which this one wraps: the dev server (it
 * watches the files), a file name that is not already an id, a file that fails the schema (the
 * glob loader reports it as Astro does, and the content check beside the build says how to fix
 * it), a worker that fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { startJobWorker } from '../worker-jobs.ts';
import { ID_PATTERN } from '../../schema/ids.ts';
import { CHECKED_RUNBOOKS_ENV, filesKey, readCheckedRunbooks } from './checked-runbooks.ts';

/** What a worker sends back for one file. */
export interface ParsedRunbook {
	data: Record<string, unknown>;
	digest: string;
}

/** The id of a file whose name is `<id>.yaml` or `<id>.yml`, else undefined. */
function idOf(name: string): string | undefined {
	const id = name.replace(/\.ya?ml$/, '');
	return id !== name && ID_PATTERN.test(id) ? id : undefined;
}

/** The workers' share of the files: contiguous runs, as even as can be. */
export function shares<T>(items: T[], workers: number): T[][] {
	const count = Math.max(1, Math.min(workers, items.length));
	return Array.from({ length: count }, (_, i) => items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
}

/**
 * What the content check parsed, when `npm run build` runs it beside Astro: it is usually done by
 * the time content sync starts, else the loader waits for it (a failed check stops the build).
 */
async function fromTheCheck(names: string[], files: string[]): Promise<ParsedRunbook[] | undefined> {
	const folder = process.env[CHECKED_RUNBOOKS_ENV];
	if (!folder) return undefined;
	const key = filesKey(names.map((name, i) => ({ name, source: readFileSync(files[i]!, 'utf8') })));
	for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 25))) {
		const runbooks = readCheckedRunbooks(folder, key);
		if (runbooks?.length === files.length) return runbooks as ParsedRunbook[];
	}
	return undefined;
}

async function parseInWorkers(files: string[]): Promise<ParsedRunbook[] | undefined> {
	const entry = new URL('./parse-runbooks-worker.ts', import.meta.url);
	const parts = shares(files, Math.min(availableParallelism(), 4)).map((part) => ({ part, worker: startJobWorker<string, ParsedRunbook>(entry, part, { role: 'runsheet-runbooks' }) }));
	const parsed = await Promise.all(parts.map(({ part, worker }) => Promise.all(part.map((_, i) => worker.wait(i)))));
	const all = parsed.flat();
	return all.every((one) => one !== undefined) ? (all as ParsedRunbook[]) : undefined;
}

export function runbookLoader({ base }: { base: string }): Loader {
	// Pages read the typed data only: the YAML text is not kept in Astro's data store.
	const globLoader = glob({ base, pattern: '*.{yaml,yml}', retainBody: false });
	return {
		name: 'runsheet-runbooks',
		load: async (context) => {
			if (context.watcher) return globLoader.load(context);
			const root = fileURLToPath(context.config.root);
			const dir = join(root, base);
			const names = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
			// The glob loader's id is the file name made a slug: the same only for names that are ids.
			const ids = names.map(idOf);
			if (!ids.every(Boolean)) return globLoader.load(context);
			const files = names.map((name) => join(dir, name));
			const parsed = (await fromTheCheck(names, files)) ?? (await parseInWorkers(files));
			if (!parsed) return globLoader.load(context);
			const stale = new Set(context.store.keys());
			parsed.forEach(({ data, digest }, i) => {
				const id = ids[i]!;
				stale.delete(id);
				context.store.set({ id, data, digest, filePath: relative(root, files[i]!).split('\\').join('/') });
			});
			for (const id of stale) context.store.delete(id);
		},
	};
}
