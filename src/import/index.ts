export {
	importChecklist,
	normaliseSource,
	type ImportOptions,
	type ImportResult,
	type ImportSummary,
	type ImportedRunbook,
} from './import-checklist.ts';
export {
	documentIds,
	importFolder,
	isIndexFile,
	pinMarkdown,
	readIndex,
	type FolderImport,
	type FolderIndex,
	type ImportedDocument,
	type SourceDocument,
} from './folder.ts';
export { repairMojibake } from './mojibake.ts';
export { runbookToYaml, schemaHeader, SCHEMA_HEADER } from './to-yaml.ts';
export { isRoutineWarning } from './routine-warnings.ts';
