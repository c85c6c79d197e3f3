import { describe, expect, it } from 'vitest';
import { importCycles, importsOf } from '../../../scripts/lib/import-cycles.ts';

describe('import cycles', () => {
	it('reads static, type-only, re-exported and dynamic imports, in TypeScript and in an Astro component’s front matter and scripts', () => {
		const ts = `import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport * from './c.ts';\nconst d = () => import('./d.ts');\nimport 'astro:content';`;
		expect(importsOf('src/x/y.ts', ts)).toEqual(['src/x/a.ts', 'src/b.ts', 'src/x/c.ts', 'src/x/d.ts']);
		const astro = `---\nimport Card from '../components/Card.astro';\n---\n<p>import nothing from './not-code.ts'</p>\n<script>\n\timport { start } from '../client/start.ts';\n</script>`;
		expect(importsOf('src/routes/p.astro', astro)).toEqual(['src/components/Card.astro', 'src/client/start.ts']);
	});

	it('finds each cycle once, from whichever module it is entered, and none in a graph that only branches', () => {
		const graph = new Map([
			['a', ['b', 'c']],
			['b', ['c']],
			['c', ['d']],
			['d', ['b']],
			['e', ['e']],
			['f', ['a', 'outside']],
		]);
		expect(importCycles(graph)).toEqual([
			['b', 'c', 'd', 'b'],
			['e', 'e'],
		]);
		expect(
			importCycles(
				new Map([
					['a', ['b', 'c']],
					['b', ['c']],
					['c', []],
				]),
			),
		).toEqual([]);
	});
});
