import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentFolder } from '../build/content/content-folder.ts';

/**
 * The runbooks folder a command reads when it is named none: `runbooks/` in a team's repository
 * (as `runsheet init` writes it), else this repository's `content/runbooks` (or RUNSHEET_CONTENT).
 */
export function defaultFolder(cwd = process.cwd()): string {
	if (isFolder('runbooks', cwd)) return 'runbooks';
	const content = contentFolder();
	return isFolder(content, cwd) ? content : 'runbooks';
}

export function isFolder(path: string, cwd = process.cwd()): boolean {
	try {
		return statSync(resolve(cwd, path)).isDirectory();
	} catch {
		return false;
	}
}

/** Why a folder given as the runbooks' cannot be read, in words that say what to do; undefined when it can. */
export function folderProblem(path: string, named: boolean, verb: string): string | undefined {
	if (isFolder(path)) return undefined;
	if (existsSync(path))
		return `${path} is a file, not a folder. Hint: name the folder that holds the runbooks, e.g. runsheet ${verb} runbooks/`;
	return named
		? `folder ${path} not found (in ${process.cwd()}). Hint: name the folder that holds the runbooks, e.g. runsheet ${verb} runbooks/`
		: `no runbooks/ folder in ${process.cwd()}. Hint: name the folder that holds the runbooks (runsheet ${verb} path/to/runbooks/), or start one with runsheet init`;
}
