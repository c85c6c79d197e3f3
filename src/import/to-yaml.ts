import { stringify } from 'yaml';
import type { ImportedRunbook } from './types.ts';

/** The yaml-language-server header that points editors at the JSON Schema (a path from the file's folder). */
export const schemaHeader = (schemaPath = '../../public/runbook.schema.json') => `# yaml-language-server: $schema=${schemaPath}`;

/** The header of a file in content/runbooks/. */
export const SCHEMA_HEADER = schemaHeader();

/** Writes a runbook as YAML with the schema header; stable key order, no line folding. */
export function runbookToYaml(runbook: ImportedRunbook, schemaPath?: string): string {
	const body = stringify(runbook, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
	return `${schemaHeader(schemaPath)}\n${body}`;
}
