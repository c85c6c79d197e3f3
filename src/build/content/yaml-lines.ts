/**
 * Where a field of a YAML file is written, for `file:line: field: problem` messages: the runbooks'
 * (validate.ts) and the config file's (src/config/read-config.ts).
 */
import { type Document, isMap, isNode, isScalar, type LineCounter } from 'yaml';

/** The line of a field in a YAML document, or of the nearest field above it that exists. */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number | undefined {
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n), true);
		if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
	}
	return undefined;
}

/** The line of a key of a map (an unknown key is reported on its own line, not the map's). */
export function lineOfKey(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[], key: string): number | undefined {
	const map = doc.getIn(path, true);
	const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
	const range = isScalar(pair?.key) ? pair.key.range : undefined;
	return range ? lineCounter.linePos(range[0]).line : lineOfPath(doc, lineCounter, path);
}

/** A YAML syntax error of a parsed document: its line and what to say. */
export function yamlSyntaxErrors(doc: Document, lineCounter: LineCounter): { line: number; message: string }[] {
	return doc.errors.map((error) => ({
		line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
		message: `YAML syntax error: ${error.message.split('\n')[0]}. Hint: check indentation and quoting on this line; strings containing ": " or starting with "*", "&", "[" or "{" need quotes`,
	}));
}
