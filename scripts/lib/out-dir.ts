import { copyFileSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The one place a folder import writes: every file it writes or copies goes through here, and
 * here its final path is checked against the out dir, after the folders are made and their links
 * followed. Ids and paths are checked where they are made (front matter `id:` against the id
 * pattern, links that leave the folder dropped); this is the last guard should one of those ever
 * let a `../` or a link through.
 */
export class OutDir {
	readonly root: string;

	constructor(root: string) {
		this.root = resolve(root);
	}

	/** Whether `path` (absolute or from the working folder) is inside the out dir. */
	holds(path: string): boolean {
		return isInside(this.root, resolve(path));
	}

	write(path: string, text: string): void {
		writeFileSync(this.prepare(path), text);
	}

	copy(from: string, path: string): void {
		copyFileSync(from, this.prepare(path));
	}

	/** The path to write to, once its folder exists and lies inside the out dir; else it throws, naming both. */
	private prepare(path: string): string {
		const target = resolve(path);
		if (!isInside(this.root, target)) throw new OutsideOutDir(target, this.root);
		mkdirSync(dirname(target), { recursive: true });
		// A folder on the way, or the out dir itself, may be a link: the folder the file lands in is
		// what counts. A link in the file's place would be written through: refused.
		const realRoot = realpathSync(this.root);
		const realTarget = join(realpathSync(dirname(target)), basename(target));
		if (!isInside(realRoot, realTarget)) throw new OutsideOutDir(realTarget, realRoot);
		if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw new OutsideOutDir(target, this.root, 'it is a link');
		return target;
	}
}

export class OutsideOutDir extends Error {
	constructor(target: string, root: string, why = `it is outside the out dir ${root}`) {
		super(`refused to write ${target}: ${why}`);
		this.name = 'OutsideOutDir';
	}
}

function isInside(root: string, path: string): boolean {
	const rel = relative(root, path);
	return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
