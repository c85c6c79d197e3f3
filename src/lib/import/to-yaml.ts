import { stringify } from 'yaml';
import type { ImportedRunbook } from './import-checklist.ts';

/** Path from content/runbooks/ to the JSON Schema, for the yaml-language-server header. */
export const SCHEMA_HEADER = '# yaml-language-server: $schema=../../public/runbook.schema.json';

/** Writes a runbook as YAML with the schema header; stable key order, no line folding. */
export function runbookToYaml(runbook: ImportedRunbook): string {
	const body = stringify(runbook, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
	return `${SCHEMA_HEADER}\n${body}`;
}
