export { importReport, otherDocuments, type ImportReport, type ReportInput } from './import-report.ts';
export { formatReport } from './format-report.ts';
export type { DocumentReport } from './document-report.ts';
