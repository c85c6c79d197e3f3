import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/**
 * The modules of src/ and the modules each imports (static, type-only, re-exported and dynamic
 * imports alike: a reader follows all of them), and the cycles among them. A cycle makes a reader
 * go round in circles to learn what a module needs, and ties two modules' loading together.
 */
export type ImportGraph = Map<string, string[]>;

/** The code of a module: a TypeScript file whole, an Astro component's front matter and scripts. */
export function moduleCode(file: string, text: string): string {
	if (!file.endsWith('.astro')) return text;
	const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
	return [front, ...scripts].join('\n');
}

/** The relative imports of one module, as paths from the project's root (TypeScript's own scanner reads them). */
export function importsOf(file: string, text: string): string[] {
	const { importedFiles } = ts.preProcessFile(moduleCode(file, text), true, true);
	return importedFiles
		.map((f) => f.fileName)
		.filter((name) => name.startsWith('.'))
		.map((name) => normalize(join(dirname(file), name)));
}

/** Every cycle, each once, as the list of its modules from its first (in sorted order) back to it. */
export function importCycles(graph: ImportGraph): string[][] {
	const cycles = new Map<string, string[]>();
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		path.push(file);
		for (const next of graph.get(file) ?? []) {
			if (!graph.has(next)) continue;
			if (state.get(next) === 'open') {
				const cycle = path.slice(path.indexOf(next));
				// The same cycle found from another of its modules is one cycle: start it at its least.
				const at = cycle.indexOf([...cycle].sort()[0]!);
				const key = [...cycle.slice(at), ...cycle.slice(0, at)];
				cycles.set(key.join(' -> '), [...key, key[0]!]);
			} else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(file, 'done');
	};
	for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
	return [...cycles.values()];
}
