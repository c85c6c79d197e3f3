import type { Root } from 'mdast';
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

// The same note text gives the same command objects: pages and the highlighting worker find a
// block by its object (build/highlight/order.ts, components/CommandBlock.astro).
const cache = new Map<string, NotePart[]>();

export function noteParts(markdown: string): NotePart[] {
	let parts = cache.get(markdown);
	if (parts) return parts;
	parts = [];
	if (!markdown.includes('```') && !markdown.includes('~~~')) parts.push({ markdown });
	else {
		const tree = parser.parse(markdown) as Root;
		let from = 0;
		const prose = (to: number) => {
			const text = markdown.slice(from, to).trim();
			if (text) parts!.push({ markdown: text });
		};
		for (const node of tree.children) {
			if (node.type !== 'code') continue;
			prose(node.position!.start.offset!);
			from = node.position!.end.offset!;
			if (!node.value.trim()) continue;
			for (const command of codeBlockCommands(node.value, (node.lang ?? 'bash').toLowerCase())) parts.push({ command });
		}
		prose(markdown.length);
	}
	cache.set(markdown, parts);
	return parts;
}

/** The commands of a note, in order. */
export function* noteCommands(markdown: string | undefined): Generator<Command> {
	if (!markdown) return;
	for (const part of noteParts(markdown)) if ('command' in part) yield part.command;
}
