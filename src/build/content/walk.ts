import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder, as paths inside it with `/`, sorted. Hidden files and folders
 * (`.git`, `.obsidian`) and `node_modules` are not content.
 */
export function filesUnder(dir: string): string[] {
	const out: string[] = [];
	const visit = (relative: string) => {
		for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const path = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) visit(path);
			else if (entry.isFile()) out.push(path);
		}
	};
	visit('');
	return out.sort();
}

/** Files of a content folder by what they are. Names starting with "_" are not runbooks (`_index.md`). */
export function runbookFiles(all: readonly string[]): { yaml: string[]; markdown: string[] } {
	const name = (path: string) => path.split('/').pop()!;
	return {
		yaml: all.filter((path) => /\.ya?ml$/i.test(path) && !name(path).startsWith('_')),
		markdown: all.filter((path) => /\.(md|markdown)$/i.test(path)),
	};
}

/**
 * The files kept beside the runbooks (the images a Markdown runbook shows, a linked script or
 * PDF), as paths inside the folder, of all its files: not runbook files, nor index files, nor any
 * other YAML. Which of them the site publishes: model/published-files.ts.
 */
export function filesBeside(all: readonly string[]): string[] {
	const { yaml, markdown } = runbookFiles(all);
	const runbooks = new Set([...yaml, ...markdown]);
	return all.filter((path) => !runbooks.has(path) && !/\.ya?ml$/i.test(path));
}

/** The files kept beside the runbooks under `dir`. */
export const filesBesideRunbooks = (dir: string): string[] => filesBeside(filesUnder(dir));
