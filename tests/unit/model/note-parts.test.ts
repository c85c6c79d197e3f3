import { describe, expect, it } from 'vitest';
import { noteParts } from '../../../src/model/note-parts.ts';

describe('a note as the page shows it', () => {
	it('makes a code block inside a callout a command block between the callout’s parts, each part still that callout', () => {
		const note = [
			'> [!note] Weak keys',
			'> To check a server, connect with:',
			'>',
			'> ```shell',
			'> ssh -oHostKeyAlgorithms=-ssh-rsa user@host',
			'> ```',
			'>',
			'> If it fails, upgrade the server.',
			'',
			'After the note.',
		].join('\n');
		expect(noteParts(note)).toEqual([
			{ markdown: '> [!note] Weak keys\n> To check a server, connect with:' },
			{ command: { lang: 'shell', code: 'ssh -oHostKeyAlgorithms=-ssh-rsa user@host' } },
			{ markdown: '> [!note]\n> If it fails, upgrade the server.' },
			{ markdown: 'After the note.' },
		]);
	});

	it('makes an indented code block in a quote a command block (MkDocs admonitions are read as such quotes)', () => {
		const note =
			'> [!danger] Before expanding\n> Take a snapshot first:\n>\n>     aws ec2 create-snapshot --volume-id vol-0abc\n>\n> It cannot be shrunk afterwards.';
		expect(noteParts(note).map((part) => ('command' in part ? part.command.code : part.markdown))).toEqual([
			'> [!danger] Before expanding\n> Take a snapshot first:',
			'aws ec2 create-snapshot --volume-id vol-0abc',
			'> [!danger]\n> It cannot be shrunk afterwards.',
		]);
	});

	it('leaves a quote without code as written, and code in a list item as the list’s', () => {
		const quote = '> Takes about a minute.\n> Then check `df -h`.';
		expect(noteParts(quote)).toEqual([{ markdown: quote }]);
		const list = '- Check the disk:\n\n  ```shell\n  df -h\n  ```';
		expect(noteParts(list)).toEqual([{ markdown: list }]);
	});
});
