import { describe, expect, it } from 'vitest';
import type { List } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ImportContext } from '../../../../src/import/context.ts';

/** The shared state of the readers: ids from pins or words, the source as written, prose without a sink. */
describe('ImportContext', () => {
	it('takes a pinned id once, then gives the second holder an id of its own words and warns', () => {
		const ctx = new ImportContext('', {}, 0);
		expect(ctx.idFor('drain', 'Drain the node', 'step', undefined)).toBe('drain');
		expect(ctx.idFor('drain', 'Drain it again', 'step', undefined)).toBe('drain-it-again');
		expect(ctx.warnings.join()).toContain('{#drain} is used twice');
	});

	it('records where a pin would go for an id made from words', () => {
		const ctx = new ImportContext('', {}, 0);
		ctx.idFor(undefined, 'Restart the pod', 'step', 42);
		expect(ctx.pins).toEqual([{ offset: 42, id: 'restart-the-pod' }]);
	});

	it('reads a pin off a text and warns about one that is not an id', () => {
		const ctx = new ImportContext('', {}, 0);
		expect(ctx.pinOf('Drain the node {#drain}', 3)).toMatchObject({ text: 'Drain the node', id: 'drain' });
		ctx.pinOf('Drain {#Not_An_Id}', 7);
		expect(ctx.warnings.join()).toMatch(/^line 7: .*not a usable id/);
	});

	it('gives a nested block as written without the indentation of its list item', () => {
		const source = ['- Run it:', '', '  ```sh', '  make deploy', '  ```'].join('\n');
		const ctx = new ImportContext(source, {}, 0);
		const list = unified().use(remarkParse).parse(source).children[0] as List;
		const code = list.children[0]!.children[1]!;
		expect(ctx.blockSource(code)).toBe('```sh\nmake deploy\n```');
	});

	it('keeps prose before any heading as the runbook’s own notes', () => {
		const ctx = new ImportContext('', {}, 0);
		ctx.note('Read this first.');
		expect(ctx.preamble).toEqual(['Read this first.']);
	});
});
