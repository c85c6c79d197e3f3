import { ImportContext } from '../../../../src/import/context.ts';
import { normaliseSource } from '../../../../src/import/normalise.ts';
import type { ImportOptions } from '../../../../src/import/options.ts';
import { readDocument } from '../../../../src/import/readers/document.ts';

/** A document read by the readers alone (no pass run): what they leave in the context. */
export function read(lines: string[], options: ImportOptions = {}): ImportContext {
	const source = normaliseSource(lines.join('\n'));
	const ctx = new ImportContext(source.text, options, source.repairs);
	readDocument(ctx);
	return ctx;
}
