/** How `npm run lint:runbooks` prints its findings: text for a terminal, JSON for tools, SARIF for code scanning. */
import { formatPath } from '../../src/build/content/validate.ts';
import { countBySeverity, countsText } from '../../src/model/lint/lint.ts';
import { DEFAULT_SEVERITY, RULE_SUMMARY } from '../../src/model/lint/rules.ts';
import type { Finding } from '../../src/model/lint/types.ts';
import { LINT_RULES } from '../../src/schema/lint.ts';

export type Format = 'text' | 'json' | 'sarif';
export const FORMATS: Format[] = ['text', 'json', 'sarif'];

/** A finding with the file and line it is in. */
export interface PlacedFinding extends Omit<Finding, 'literal'> {
	file: string;
	line?: number | undefined;
}

export interface Report {
	runbooks: number;
	findings: PlacedFinding[];
	/** Literals written as variables by --fix. */
	fixed: number;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;
const byPlace = (a: PlacedFinding, b: PlacedFinding) =>
	a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || RANK[a.severity] - RANK[b.severity];

export function summary(report: Report): string {
	const files = new Set(report.findings.map((f) => f.file)).size;
	const fixed = report.fixed ? `; ${report.fixed} literal${report.fixed === 1 ? '' : 's'} written as variables` : '';
	return `${report.runbooks} runbook${report.runbooks === 1 ? '' : 's'}: ${countsText(countBySeverity(report.findings))}${files ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}${fixed}`;
}

export function formatText(report: Report): string {
	const lines = [...report.findings]
		.sort(byPlace)
		.map(
			(f) =>
				`${f.file}${f.line ? `:${f.line}` : ''}: ${f.severity} ${f.rule}: ${formatPath(f.path) || '(runbook)'}: ${f.message}. Fix: ${f.fix}`,
		);
	return `${[...lines, ...(lines.length ? [''] : []), `lint: ${summary(report)}`].join('\n')}\n`;
}

export function formatJson(report: Report): string {
	const findings = [...report.findings].sort(byPlace).map((f) => ({
		file: f.file,
		...(f.line ? { line: f.line } : {}),
		path: formatPath(f.path),
		rule: f.rule,
		severity: f.severity,
		message: f.message,
		fix: f.fix,
	}));
	return `${JSON.stringify({ runbooks: report.runbooks, counts: countBySeverity(report.findings), findings }, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning and editors read it: one run, every rule described. */
export function formatSarif(report: Report): string {
	const sarif = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'runsheet-lint',
						informationUri: 'https://runsheet.dev/guides/linting/',
						rules: LINT_RULES.map((id) => ({
							id,
							shortDescription: { text: RULE_SUMMARY[id] },
							defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[id]] },
						})),
					},
				},
				results: [...report.findings].sort(byPlace).map((f) => ({
					ruleId: f.rule,
					ruleIndex: LINT_RULES.indexOf(f.rule),
					level: SARIF_LEVEL[f.severity],
					message: { text: `${formatPath(f.path) || 'runbook'}: ${f.message}. Fix: ${f.fix}` },
					locations: [
						{
							physicalLocation: {
								artifactLocation: { uri: f.file },
								...(f.line ? { region: { startLine: f.line } } : {}),
							},
						},
					],
				})),
			},
		],
	};
	return `${JSON.stringify(sarif, null, 2)}\n`;
}

export function formatReport(report: Report, format: Format): string {
	return format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report) : formatText(report);
}
