import type { Code, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit as visitNodes } from 'unist-util-visit';
import { noteParts } from '../../model/note-parts.ts';

/** What an imported runbook holds, for comparing with its source: its text, its commands and outputs, its steps. */
export interface RunbookFigures {
	/** Every text a page shows, Markdown read as text; commands and outputs included (inline code may become either). */
	text: string[];
	/** The same without commands and outputs: where a code block kept as text is found. */
	prose: string[];
	/** Each command's lines, and each output's. */
	commandLines: Set<string>;
	outputLines: Set<string>;
	/** Lines of code blocks nested in a note's list or quote: shown as code, with no copy button. */
	plainLines: Set<string>;
	/** Commands with a {{NAME}} in them, as patterns a source line can be matched against. */
	variableLines: RegExp[];
	steps: number;
	alerts: string[];
	/** Each variable as `NAME` (label). */
	variables: string[];
}

/** Fields that name or key things rather than show text. */
const NOT_TEXT = new Set(['id', 'formerIds', 'source', 'lang', 'lint', 'kind', 'requires', 'pattern', 'secret', 'techniques']);
const markdown = unified().use(remarkParse).use(remarkGfm);

export function runbookFigures(runbook: unknown): RunbookFigures {
	const figures: RunbookFigures = {
		text: [],
		prose: [],
		commandLines: new Set(),
		outputLines: new Set(),
		plainLines: new Set(),
		variableLines: [],
		steps: 0,
		alerts: [],
		variables: [],
	};
	const visit = (value: unknown, key: string): void => {
		if (typeof value === 'string') {
			if (key === 'code') addLines(value, figures.commandLines, figures.variableLines);
			else if (key === 'output') addLines(value, figures.outputLines);
			const code = key === 'code' || key === 'output';
			if (code || !/[[*_`<#|~]/.test(value)) figures.text.push(value);
			else {
				const tree = markdown.parse(value) as Root;
				// Each text on its own, as sourceFigures reads the source: one string for the whole tree
				// runs a table's cells together ("Release|Candidate" read as "ReleaseCandidate").
				visitNodes(tree, (node) => {
					if ('value' in node && typeof node.value === 'string') figures.text.push(node.value);
				});
				// A note's code blocks are drawn as the page draws them: one at the top level as a command
				// block with a copy button (noteParts), one nested in a list or a quote as plain preformatted text.
				for (const part of noteParts(value)) {
					if (!('command' in part)) continue;
					addLines(part.command.code, figures.commandLines, figures.variableLines);
					if (part.command.output) addLines(part.command.output, figures.outputLines);
				}
				visitNodes(tree, 'code', (node, _index, parent) => {
					if (parent !== tree) addLines((node as Code).value, figures.plainLines);
				});
			}
			if (!code) figures.prose.push(value);
		} else if (Array.isArray(value)) {
			if (key === 'steps') figures.steps += value.length;
			for (const item of value) visit(item, key);
		} else if (value && typeof value === 'object') {
			for (const [field, item] of Object.entries(value)) if (!NOT_TEXT.has(field)) visit(item, field);
		}
	};
	visit(runbook, '');
	const alerts = (runbook as { alerts?: unknown }).alerts;
	if (Array.isArray(alerts)) figures.alerts = alerts.map(String);
	const variables = (runbook as { variables?: { name: string; label: string }[] }).variables;
	if (Array.isArray(variables)) figures.variables = variables.map((v) => `${v.name} (${v.label})`);
	return figures;
}

function addLines(text: string, lines: Set<string>, patterns?: RegExp[]): void {
	for (const line of significantLines(text)) {
		lines.add(line);
		// `{{NAME}}`, and `{{$NAME}}`, which the source wrote `$NAME` or `${NAME}`.
		if (patterns && /\{\{\$?[A-Z][A-Z0-9_]*\}\}/.test(line)) {
			const source = line
				.split(/\{\{\$?[A-Z][A-Z0-9_]*\}\}/)
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('.+?');
			patterns.push(new RegExp(`^${source}$`));
		}
	}
}

/**
 * A block's lines as compared: trailing space and blank lines do not count, nor a shell prompt:
 * `$ `, `PS> `, or a shell's an earlier command opened (`sh-4.4# `, `[root@node /]# `, `app=> `).
 */
export function significantLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim().replace(/^(?:\$|PS>|\w[\w.@:~/-]*[#$>]|\[[^\]\n]+\][#$]|[\w-]+=[#>])\s+(?=\S)/, ''))
		.filter(Boolean);
}
