import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedRunbooksPath, filesKey, readCheckedRunbooks, sourceDigest, writeCheckedRunbooks } from '../../../src/build/content/checked-runbooks.ts';

const files = [
	{ name: 'a.yaml', source: 'title: A\n' },
	{ name: 'b.yaml', source: 'title: B\n' },
];
const runbooks = files.map(({ name, source }, i) => ({ id: name.replace('.yaml', ''), file: `content/runbooks/${name}`, data: { title: String.fromCharCode(65 + i) }, digest: sourceDigest(source) }));

describe('runbooks handed from the content check to content sync', () => {
	it('reads back what was written for the same files', () => {
		const folder = mkdtempSync(join(tmpdir(), 'checked-'));
		writeCheckedRunbooks(folder, filesKey(files), runbooks);
		expect(readCheckedRunbooks(folder, filesKey(files))).toEqual(runbooks);
	});

	it('never serves a file written for other contents, names or a different set of files', () => {
		const folder = mkdtempSync(join(tmpdir(), 'checked-'));
		writeCheckedRunbooks(folder, filesKey(files), runbooks);
		expect(readCheckedRunbooks(folder, filesKey([files[0]!, { name: 'b.yaml', source: 'title: B2\n' }]))).toBeUndefined();
		expect(readCheckedRunbooks(folder, filesKey([files[0]!, { name: 'c.yaml', source: 'title: B\n' }]))).toBeUndefined();
		expect(readCheckedRunbooks(folder, filesKey([files[0]!]))).toBeUndefined();
		// Moving text from one file's end to the next one's start is another set of files.
		expect(filesKey([{ name: 'a', source: 'xy' }, { name: 'b', source: '' }])).not.toBe(filesKey([{ name: 'a', source: 'x' }, { name: 'b', source: 'y' }]));
	});

	it('keeps one file per folder and ignores one that is not whole', () => {
		const folder = mkdtempSync(join(tmpdir(), 'checked-'));
		writeCheckedRunbooks(folder, filesKey(files), runbooks);
		const other = [{ name: 'a.yaml', source: 'title: A2\n' }];
		writeCheckedRunbooks(folder, filesKey(other), []);
		expect(readdirSync(folder)).toEqual([checkedRunbooksPath(folder, filesKey(other)).split('/').pop()]);
		writeFileSync(checkedRunbooksPath(folder, filesKey(files)), '{"key":');
		expect(readCheckedRunbooks(folder, filesKey(files))).toBeUndefined();
	});
});
