/**
 * The content check's parsed runbooks, handed to Astro's content sync in a file. In `npm run build`
 * the check (scripts/validate-content.ts) and Astro start together, and both parse every runbook
 * file with the same parser and schema; the check is done before Astro's content sync begins
 * (npm run bench, 1,000 runbooks: 3 s against Astro's 3 s of start-up), so it writes what it
 * parsed and the loader (runbook-loader.ts) reads that instead of parsing again. The file is keyed
 * by the names and contents of all the files: a runbook changed since is never read from it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunbookFile {
	name: string;
	source: string;
}

export interface CheckedRunbook {
	id: string;
	/** The runbook's file, from the project root. */
	file: string;
	data: unknown;
	/** Of the file's text: Astro's data store tells changed entries by it. */
	digest: string;
}

/** Set by scripts/build.ts: the folder the check writes to, and that the loader may wait for it. */
export const CHECKED_RUNBOOKS_ENV = 'RUNSHEET_CHECKED_RUNBOOKS';

export function sourceDigest(source: string): string {
	return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/**
 * The key of a content folder: the names and texts of its runbook files (YAML and Markdown) and the
 * names of the others (a Markdown runbook's link to an image depends on the image being there).
 */
export function folderKey(dir: string, all: readonly string[]): string {
	return filesKey(all.map((name) => ({ name, source: /\.(ya?ml|md|markdown)$/i.test(name) ? readFileSync(join(dir, name), 'utf8') : '' })));
}

export function filesKey(files: RunbookFile[]): string {
	const hash = createHash('sha256');
	for (const { name, source } of files) hash.update(`${name}\0${source.length}\0`).update(source);
	return hash.digest('hex');
}

/** One file per set of runbook files, named by its key: a reader looks for its own. */
export function checkedRunbooksPath(folder: string, key: string): string {
	return join(folder, `runbooks-${key.slice(0, 32)}.json`);
}

/** Written whole or not at all (a rename), so a reader never sees half a file; older ones go. */
export function writeCheckedRunbooks(folder: string, key: string, runbooks: CheckedRunbook[]): void {
	mkdirSync(folder, { recursive: true });
	const path = checkedRunbooksPath(folder, key);
	for (const old of readdirSync(folder)) if (/^runbooks-[0-9a-f]+\.json$/.test(old) && join(folder, old) !== path) rmSync(join(folder, old), { force: true });
	const partial = `${path}.${process.pid}.tmp`;
	writeFileSync(partial, JSON.stringify({ key, runbooks }));
	renameSync(partial, path);
}

/** The runbooks written for exactly these files, else undefined. */
export function readCheckedRunbooks(folder: string, key: string): CheckedRunbook[] | undefined {
	const path = checkedRunbooksPath(folder, key);
	if (!existsSync(path)) return undefined;
	try {
		const written = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; runbooks?: CheckedRunbook[] };
		return written.key === key ? written.runbooks : undefined;
	} catch {
		return undefined;
	}
}
