import { isNode, LineCounter, parseDocument } from 'yaml';
import { plainText } from '../../src/model/text.ts';
import type { DataPath } from '../../src/model/lint/types.ts';

/**
 * The line a finding's field is on. A YAML file knows every field's line; a Markdown runbook
 * (read through the importer) is searched for the step's or section's words, and otherwise
 * the finding points at the file.
 */
export function lineFinder(file: string, source: string, data: unknown): (path: DataPath) => number | undefined {
	if (/\.ya?ml$/i.test(file)) {
		const lineCounter = new LineCounter();
		const doc = parseDocument(source, { lineCounter });
		return (path) => {
			for (let n = path.length; n >= 0; n--) {
				const node = doc.getIn(path.slice(0, n), true);
				if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
			}
			return undefined;
		};
	}
	const lines = source.split('\n');
	return (path) => {
		for (let n = path.length; n > 0; n--) {
			let node: unknown = data;
			for (const key of path.slice(0, n)) node = (node as Record<string | number, unknown> | undefined)?.[key];
			const record = node as { text?: unknown; title?: unknown } | undefined;
			const words = typeof record?.text === 'string' ? record.text : typeof record?.title === 'string' ? record.title : undefined;
			if (!words) continue;
			const needle = plainText(words).trim();
			const at = lines.findIndex((line) => line.includes(needle));
			if (needle && at >= 0) return at + 1;
		}
		return undefined;
	};
}
