import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { writeAsVariable } from '../../src/model/lint/literals.ts';
import type { LiteralFix } from '../../src/model/lint/types.ts';

/**
 * `npm run lint:runbooks -- --fix`: writes what the literal rules propose into a runbook file.
 * Each literal becomes `{{NAME}}` in its command and each new variable is declared once, under
 * `variables:` (made just before `sections:` when the file has none). Only the commands changed
 * and the declarations added are written; every other byte stays as it was: comments, quoting,
 * key order, block scalars (`|`, `>-`) and the file's line ends (CRLF stays CRLF).
 */
export function applyLiteralFixes(source: string, fixes: readonly LiteralFix[]): { source: string; applied: number } {
	if (!fixes.length) return { source, applied: 0 };
	const eol = source.includes('\r\n') ? '\r\n' : '\n';
	const doc = parseDocument(source);
	const edits: { start: number; end: number; text: string }[] = [];
	const changed = new Map<Scalar, LiteralFix[]>();
	let applied = 0;
	for (const fix of fixes) {
		const node = doc.getIn(fix.path, true);
		if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
		const written = writeAsVariable(node.value, fix.value, fix.variable.name);
		if (!written.count) continue;
		node.value = written.code;
		applied += written.count;
		changed.set(node, [...(changed.get(node) ?? []), fix]);
	}
	for (const [node, onNode] of changed) {
		const [start, end] = node.range!;
		if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
			// A block scalar's lines are its text: the literal is replaced where it is written, indentation and style kept.
			let text = source.slice(start, end);
			for (const fix of onNode) text = writeAsVariable(text, fix.value, fix.variable.name).code;
			edits.push({ start, end, text });
		} else edits.push({ start, end, text: flowScalar(node) });
	}

	const declarations = [...new Map(fixes.filter((fix) => !fix.declared).map((fix) => [fix.variable.name, fix.variable])).values()];
	if (declarations.length) {
		const root = doc.contents;
		if (!isMap(root)) throw new Error('a runbook file holds a mapping at its top level');
		const variables = doc.get('variables', true);
		if (isSeq(variables) && !variables.flow && variables.range && variables.items.length) {
			// After the last declaration, at its indentation.
			const first = variables.items[0] as Node;
			const lineStart = source.lastIndexOf('\n', first.range![0] - 1) + 1;
			const indent = source.slice(lineStart, first.range![0]).replace(/-\s*$/, '');
			let at = variables.range[1];
			if (source[at - 1] !== '\n') at = source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at) + 1;
			const items = block(declarations)
				.split('\n')
				.filter(Boolean)
				.map((line) => `${indent}${line}\n`)
				.join('');
			edits.push({ start: at, end: at, text: `${at === source.length && !source.endsWith('\n') ? '\n' : ''}${items}` });
		} else if (!variables) {
			const sections = root.items.find((item) => isScalar(item.key) && item.key.value === 'sections');
			const at = sections && isScalar(sections.key) && sections.key.range ? sections.key.range[0] : source.length;
			const text = new Document({ variables: declarations }).toString({ lineWidth: 0 });
			edits.push({ start: at, end: at, text: `${at === source.length && !source.endsWith('\n') ? '\n' : ''}${text}` });
		} else {
			// `variables: []` written in flow style, or empty: the whole file is written anew.
			if (isSeq(variables)) for (const variable of declarations) variables.items.push(doc.createNode(variable));
			else doc.set('variables', doc.createNode(declarations));
			return { source: withLineEnds(doc.toString({ lineWidth: 0 }), eol), applied };
		}
	}
	let out = source;
	for (const edit of edits.sort((a, b) => b.start - a.start)) {
		out = `${out.slice(0, edit.start)}${withLineEnds(edit.text, eol)}${out.slice(edit.end)}`;
	}
	return { source: out, applied };
}

/** A plain or quoted scalar written again in its own style (quoted after all when plain cannot hold the new text). */
function flowScalar(node: Scalar): string {
	const scalar = new Scalar(node.value);
	if (node.type) scalar.type = node.type;
	return new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

/** List items as YAML at indentation 0. */
function block(items: readonly unknown[]): string {
	return new Document(items).toString({ lineWidth: 0 });
}

const withLineEnds = (text: string, eol: string) => (eol === '\n' ? text : text.replace(/\r?\n/g, eol));
