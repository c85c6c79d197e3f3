import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { writeAsVariable } from '../../src/model/lint/literals.ts';
import type { LiteralFix } from '../../src/model/lint/types.ts';

/**
 * `npm run lint:runbooks -- --fix`: writes what the literal rules propose into a runbook file.
 * Each literal becomes `{{NAME}}` in its command and each new variable is declared once, under
 * `variables:` (made just before `sections:` when the file has none). Edited through the YAML
 * document, so comments, quoting and key order elsewhere stay as they were.
 */
export function applyLiteralFixes(source: string, fixes: readonly LiteralFix[]): { source: string; applied: number } {
	if (!fixes.length) return { source, applied: 0 };
	const doc = parseDocument(source);
	let applied = 0;
	for (const fix of fixes) {
		const node = doc.getIn(fix.path, true);
		if (!isScalar(node) || typeof node.value !== 'string') continue;
		const written = writeAsVariable(node.value, fix.value, fix.variable.name);
		node.value = written.code;
		applied += written.count;
	}

	const declarations = new Map(fixes.filter((fix) => !fix.declared).map((fix) => [fix.variable.name, fix.variable]));
	if (declarations.size) {
		const root = doc.contents;
		if (!isMap(root)) throw new Error('a runbook file holds a mapping at its top level');
		let variables = doc.get('variables', true);
		if (!isSeq(variables)) {
			variables = doc.createNode([]);
			const pair = doc.createPair('variables', variables);
			const at = root.items.findIndex((item) => isScalar(item.key) && item.key.value === 'sections');
			root.items.splice(at < 0 ? root.items.length : at, 0, pair as (typeof root.items)[number]);
		}
		for (const variable of declarations.values()) {
			(variables as { items: unknown[] }).items.push(doc.createNode(variable));
		}
	}
	return { source: doc.toString({ lineWidth: 0, blockQuote: 'literal' }), applied };
}
