import { isScalar, LineCounter, parseDocument } from 'yaml';
import { lineOfPath } from '../../src/build/content/yaml-lines.ts';
import { plainText } from '../../src/model/text.ts';
import type { DataPath } from '../../src/model/lint/types.ts';

/**
 * The line a finding's field is on. A YAML file knows every field's line; a Markdown runbook
 * (read through the importer) is searched for the step's or section's words, and otherwise
 * the finding points at the file.
 */
export function lineFinder(file: string, source: string, data: unknown): (path: DataPath, needle?: string) => number | undefined {
	if (/\.ya?ml$/i.test(file)) {
		const lineCounter = new LineCounter();
		const doc = parseDocument(source, { lineCounter });
		return (path, needle) => {
			// A value inside a block of code (`code: |-`): the line it is written on.
			const field = doc.getIn(path, true);
			if (needle && isScalar(field) && field.range && typeof field.value === 'string') {
				const at = source.indexOf(needle, field.range[0]);
				if (at >= 0 && at < field.range[1]) return lineCounter.linePos(at).line;
			}
			return lineOfPath(doc, lineCounter, path);
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
