import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runsheet's own folder: this repository in a checkout, `node_modules/runsheet` in a team's. Found
 * upwards from this module, which is src/cli/ in a checkout and lib/ once packed (bundled).
 */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json')) && packageName(dir) === 'runsheet') return dir;
		if (dirname(dir) === dir) throw new Error(`runsheet: no package.json of runsheet above ${from}`);
	}
}

function packageName(dir: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
	} catch {
		return undefined;
	}
}

/** The version of the package installed, as package.json says it. */
export function packageVersion(): string {
	return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
