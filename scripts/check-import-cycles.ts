/**
 * npm run lint's check that no module of src/ imports another in a cycle (scripts/lib/import-cycles.ts).
 * Exits 1 listing each cycle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../src/build/content/walk.ts';
import { importCycles, importsOf, type ImportGraph } from './lib/import-cycles.ts';

const files = filesUnder('src')
	.filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.d.ts'))
	.map((f) => join('src', f));
const graph: ImportGraph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
const cycles = importCycles(graph);
if (cycles.length) {
	console.error(`import cycles: ${cycles.length} in src/ (a module should not need, through others, a module that needs it):`);
	for (const cycle of cycles) console.error(`  ${cycle.join(' -> ')}`);
	process.exit(1);
}
console.log(`import cycles: none among ${files.length} modules of src/`);
