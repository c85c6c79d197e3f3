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
