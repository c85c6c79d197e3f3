import type { Blockquote, Code, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Command } from '../schema/command.ts';
import { codeBlockCommands } from './shell.ts';

/**
 * A note (block Markdown) as the page shows it: prose, and its code blocks as command blocks with
 * a copy button and the run's values, like a step's commands. A code block in prose ("the alert
 * means this query is above 0.9", a config excerpt, an example session) is as likely to be copied
 * at 3 a.m. as one under a step. Terminal transcripts lose their `$ ` prompts and keep what they
 * printed apart, as an example.
 */
export type NotePart = { markdown: string } | { command: Command };

const parser = unified().use(remarkParse).use(remarkGfm);
/** A line that may open an indented code block, in a quote or not (MkDocs admonitions read as callouts hold them). */
const INDENTED_CODE = /(?:^|\n)(?:> ?)*(?: {4}|\t)\S/;

// The same note text gives the same command objects: pages and the highlighting worker find a
// block by its object (build/highlight/order.ts, components/CommandBlock.astro).
const cache = new Map<string, NotePart[]>();

export function noteParts(markdown: string): NotePart[] {
	let parts = cache.get(markdown);
	if (parts) return parts;
	parts = [];
	if (!markdown.includes('```') && !markdown.includes('~~~') && !INDENTED_CODE.test(markdown)) parts.push({ markdown });
	else {
		const tree = parser.parse(markdown) as Root;
		let from = 0;
		const prose = (to: number) => {
			const text = markdown.slice(from, to).trim();
			if (text) parts!.push({ markdown: text });
		};
		for (const node of tree.children) {
			if (node.type === 'blockquote' && node.children.some((child) => child.type === 'code')) {
				prose(node.position!.start.offset!);
				from = node.position!.end.offset!;
				parts.push(...quoteParts(markdown, node));
				continue;
			}
			if (node.type !== 'code') continue;
			prose(node.position!.start.offset!);
			from = node.position!.end.offset!;
			parts.push(...commandsOf(node));
		}
		prose(markdown.length);
	}
	cache.set(markdown, parts);
	return parts;
}

function commandsOf(node: Code): NotePart[] {
	if (!node.value.trim()) return [];
	return codeBlockCommands(node.value, (node.lang ?? 'bash').toLowerCase()).map((command) => ({ command }));
}

/**
 * A quote or callout that holds code blocks (`> [!note]` over "connect with:" and its command):
 * its code blocks are command blocks too, between the quote's parts. A callout's later parts keep
 * its kind, so each reads as the same note.
 */
function quoteParts(markdown: string, quote: Blockquote): NotePart[] {
	const parts: NotePart[] = [];
	const first = quote.children[0];
	const kind =
		first?.type === 'paragraph' && first.children[0]?.type === 'text' ? /^\[!(\w+)\]/.exec(first.children[0].value)?.[1] : undefined;
	let run: RootContent[] = [];
	const flush = () => {
		if (!run.length) return;
		// The run's lines, from the start of its first line, without the quote's `>` marks.
		const start = markdown.lastIndexOf('\n', run[0]!.position!.start.offset! - 1) + 1;
		const inner = markdown
			.slice(start, run.at(-1)!.position!.end.offset!)
			.split('\n')
			.map((line) => line.replace(/^ {0,3}> ?/, ''))
			.join('\n')
			.trim();
		const text = parts.length && kind ? `[!${kind}]\n${inner}` : inner;
		if (inner)
			parts.push({
				markdown: text
					.split('\n')
					.map((line) => (line ? `> ${line}` : '>'))
					.join('\n'),
			});
		run = [];
	};
	for (const child of quote.children) {
		if (child.type !== 'code') {
			run.push(child);
			continue;
		}
		flush();
		parts.push(...commandsOf(child));
	}
	flush();
	return parts;
}

/** The commands of a note, in order. */
export function* noteCommands(markdown: string | undefined): Generator<Command> {
	if (!markdown) return;
	for (const part of noteParts(markdown)) if ('command' in part) yield part.command;
}
