import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIndexFile, readIndex, type FolderIndex } from '../../import/folder.ts';
import { filesUnder } from './walk.ts';
import { isDocumentPath } from '../../import/generators/document-kinds.ts';

/**
 * What the folders of the runbooks say of themselves, in their index files (`_index.md`, as Hugo
 * keeps them; a folder imported with `npm run import` keeps its index files): a title, which is
 * the system of the runbooks in it, and a summary the catalog shows under that system.
 */
export function folderIndexes(dir: string): FolderIndex[] {
	let all: string[];
	try {
		all = filesUnder(dir);
	} catch {
		return [];
	}
	return all
		.filter((path) => isDocumentPath(path) && isIndexFile(path, all))
		.map((path) => readIndex(path, readFileSync(join(dir, path), 'utf8')));
}

/** Each system's summary, from the index files whose title names it. */
export function systemSummaries(indexes: readonly FolderIndex[]): Map<string, string> {
	return new Map(indexes.flatMap((index) => (index.title && index.summary ? [[index.title, index.summary] as [string, string]] : [])));
}
