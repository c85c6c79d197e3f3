import type { LintRuleId, LintSettings, LintSeverity } from '../../schema/lint.ts';
import type { Runbook } from '../../schema/runbook.ts';
import { lintContext } from './context.ts';
import { CHECKS, DEFAULT_SEVERITY } from './rules.ts';
import type { DataPath, Finding } from './types.ts';

export interface LintOptions {
	/** YYYY-MM-DD: the day reviews are judged on. */
	today: string;
	reviewEveryDays: number;
	/** Severities from runsheet.config.yaml. */
	rules?: LintSettings['rules'];
}

/**
 * Whether the data on the way to `path` turns the rule off: `lint: { ignore: [...] }` on the
 * runbook, a section (and so its sub-sections and steps) or a step (and its sub-steps).
 */
function ignoredAt(runbook: Runbook, path: DataPath, rule: LintRuleId): boolean {
	let node: unknown = runbook;
	for (let i = 0; i <= path.length; i++) {
		if (node && typeof node === 'object' && 'lint' in node) {
			const lint = (node as { lint?: { ignore: string[] } }).lint;
			if (lint?.ignore.includes(rule)) return true;
		}
		if (i === path.length || node === null || typeof node !== 'object') break;
		node = (node as Record<string | number, unknown>)[path[i]!];
	}
	return false;
}

const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The findings for one runbook: every check, less what the data turns off, at the site's severities. */
export function lintRunbook(runbook: Runbook, options: LintOptions): Finding[] {
	const context = lintContext(runbook, options);
	const findings: Finding[] = [];
	for (const check of CHECKS) {
		for (const raw of check(context)) {
			const severity = options.rules?.[raw.rule] ?? DEFAULT_SEVERITY[raw.rule];
			if (severity === 'off' || ignoredAt(runbook, raw.path, raw.rule)) continue;
			findings.push({ ...raw, severity });
		}
	}
	return findings;
}

export type SeverityCounts = Record<LintSeverity, number>;

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
	const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
	for (const finding of findings) counts[finding.severity]++;
	return counts;
}

/** Most severe first; the order of the checks within a severity. */
export function bySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
	return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** "2 warnings, 1 info", or "no findings". */
export function countsText(counts: SeverityCounts): string {
	const parts = [
		counts.error && `${counts.error} error${counts.error === 1 ? '' : 's'}`,
		counts.warning && `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
		counts.info && `${counts.info} info`,
	].filter(Boolean);
	return parts.length ? parts.join(', ') : 'no findings';
}
