export { importChecklist, type ImportOptions, type ImportResult, type ImportSummary, type ImportedRunbook } from './import-checklist.ts';
export { repairMojibake } from './mojibake.ts';
export { runbookToYaml, SCHEMA_HEADER } from './to-yaml.ts';
