import { spawnSync } from 'node:child_process';

/**
 * When each file of the runbooks folder was last changed: its last commit's date, read in one
 * `git log` for the whole folder (newest first, so a file's first appearance is its last change).
 * Deterministic for a given commit, costs one process whatever the number of runbooks, and says
 * nothing (an empty map) where the folder is not in a Git repository or Git is not installed, or
 * for a file never committed. Paths are from the folder, with `/`.
 */
export function lastChanged(folder: string): Map<string, string> {
	const dates = new Map<string, string>();
	const log = spawnSync(
		'git',
		['-c', 'core.quotePath=false', 'log', '--format=%x1e%cI', '--name-only', '--relative', '--no-renames', '--', '.'],
		{
			cwd: folder,
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'ignore'],
		},
	);
	if (log.status !== 0 || !log.stdout) return dates;
	for (const commit of log.stdout.split('\x1e')) {
		const [date, ...files] = commit.split('\n');
		for (const file of files) if (file && date && !dates.has(file)) dates.set(file, date);
	}
	return dates;
}

/** A file's date among `dates`, by its path from anywhere above the folder (Astro's entries keep theirs from the project). */
export function changedAt(dates: ReadonlyMap<string, string>, path: string): string | undefined {
	const parts = path.split('/');
	for (let i = 0; i < parts.length; i++) {
		const date = dates.get(parts.slice(i).join('/'));
		if (date) return date;
	}
	return undefined;
}
