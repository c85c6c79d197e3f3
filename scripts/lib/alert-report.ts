/** How `npm run alerts` prints its findings: text for a terminal, JSON for tools, Markdown for a pull request. */
import { OUTCOMES, type AlertResult, type Outcome } from './alert-check.ts';
import type { RuleProblem } from './alert-rules.ts';

export type Format = 'text' | 'json' | 'markdown';
export const FORMATS: Format[] = ['text', 'json', 'markdown'];

export interface Report {
	base: string;
	files: number;
	results: AlertResult[];
	problems: RuleProblem[];
	/** Files met in folders that hold no rules (kustomization.yaml ...). */
	skipped: string[];
	strict: boolean;
	failed: boolean;
}

const ORDER: Outcome[] = ['broken', 'missing', 'elsewhere', 'unchecked', 'found', 'linked'];

export function counts(results: AlertResult[]): Record<Outcome, number> {
	const out = Object.fromEntries(ORDER.map((o) => [o, 0])) as Record<Outcome, number>;
	for (const r of results) out[r.outcome]++;
	return out;
}

export function summary(report: Report): string {
	const count = counts(report.results);
	const parts = ORDER.filter((o) => count[o]).map((o) => `${count[o]} ${OUTCOMES[o]}`);
	const problems = report.problems.length ? `; ${report.problems.length} unreadable input${report.problems.length > 1 ? 's' : ''}` : '';
	return `${report.results.length} alert${report.results.length === 1 ? '' : 's'} in ${report.files} rule file${report.files === 1 ? '' : 's'}: ${parts.join(', ') || 'none'}${problems}`;
}

const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) => a.file.localeCompare(b.file) || a.line - b.line;

export function formatText(report: Report): string {
	const lines: string[] = [];
	for (const problem of [...report.problems].sort(byPlace)) lines.push(`error      ${problem.file}:${problem.line}: ${problem.message}`);
	const results = [...report.results].sort((a, b) => ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome) || byPlace(a, b));
	for (const r of results)
		lines.push(`${r.outcome.padEnd(10)} ${r.file}:${r.line}: ${r.name}${r.severity ? ` (${r.severity})` : ''}: ${r.message}`);
	if (report.skipped.length) lines.push(`skipped    ${report.skipped.length} YAML files with no rules: ${report.skipped.join(', ')}`);
	lines.push('', summary(report));
	lines.push(
		report.failed
			? `FAILED: ${report.problems.length ? 'unreadable rule files; ' : ''}${counts(report.results).broken ? 'runbook_url into this site broken; ' : ''}${report.strict && counts(report.results).missing ? 'alerts with no runbook (--strict)' : ''}`.replace(
					/; $/,
					'',
				)
			: 'OK',
	);
	return `${lines.join('\n')}\n`;
}

export function formatJson(report: Report): string {
	return `${JSON.stringify(
		{
			base: report.base,
			ok: !report.failed,
			summary: counts(report.results),
			problems: report.problems,
			skipped: report.skipped,
			alerts: [...report.results].sort(byPlace),
		},
		null,
		'\t',
	)}\n`;
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(report: Report): string {
	const lines = [`**Alerts and their runbooks** (${report.base}): ${summary(report)}${report.failed ? ' — **failed**' : ''}`, ''];
	if (report.problems.length) {
		lines.push('Files that could not be read:', '');
		for (const p of report.problems) lines.push(`- \`${p.file}:${p.line}\`: ${cell(p.message)}`);
		lines.push('');
	}
	lines.push('| | Alert | Where | What |', '| --- | --- | --- | --- |');
	const results = [...report.results].sort((a, b) => ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome) || byPlace(a, b));
	for (const r of results) lines.push(`| ${OUTCOMES[r.outcome]} | \`${r.name}\` | \`${r.file}:${r.line}\` | ${cell(r.message)} |`);
	return `${lines.join('\n')}\n`;
}

export function formatReport(report: Report, format: Format): string {
	return format === 'json' ? formatJson(report) : format === 'markdown' ? formatMarkdown(report) : formatText(report);
}
