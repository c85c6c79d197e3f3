import { lintContext } from '../model/lint/context.ts';
import { writeAsVariable } from '../model/lint/literals.ts';
import { commandLiterals } from '../model/lint/rules/command-literals.ts';
import type { Runbook } from '../schema/runbook.ts';
import type { Variable } from '../schema/variables.ts';
import type { ImportedRunbook } from './types.ts';

/**
 * The one place a literal of the source becomes a value to fill in: a date or a version in a
 * command of a rollback section (`backup_pre_deploy_20231120.sql`, `git checkout v0.9.0`) names
 * the backup or the release of the run it was written for, and a rollback is always back to
 * another run's: the linter's --fix writes it so (src/model/lint/rules/command-literals.ts), and
 * a re-import over a fixed file gives the same file. Anywhere else a literal stays as the source
 * wrote it (issue 34): a host or an API group (`monitoring.openshift.io`), a version in a manifest
 * (`app.kubernetes.io/version: 1.5.0`), a date in a log line are what the command means, and the
 * command must copy as written. Mutates the runbook's commands; returns the new declarations and
 * one report line each.
 */
export function proposeLiteralVariables(runbook: ImportedRunbook): { variables: Variable[]; proposals: string[] } {
	const findings = commandLiterals(lintContext(runbook as unknown as Runbook, { today: '', reviewEveryDays: 0 })).filter(
		(finding) => finding.rule !== 'literal-host' && finding.literal && inRollback(runbook, finding.literal.path),
	);
	const variables = new Map<string, Variable>();
	const replaced = new Map<string, string[]>();
	for (const { literal } of findings) {
		if (!literal) continue;
		let node: unknown = runbook;
		for (const key of literal.path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
		const owner = node as Record<string, string>;
		const field = literal.path.at(-1) as string;
		owner[field] = writeAsVariable(owner[field]!, literal.value, literal.variable.name).code;
		if (!literal.declared) variables.set(literal.variable.name, literal.variable);
		replaced.set(literal.variable.name, [...new Set([...(replaced.get(literal.variable.name) ?? []), literal.value])]);
	}
	return {
		variables: [...variables.values()],
		proposals: [...replaced].map(
			([name, values]) => `variable ${name}: ${values.map((v) => `"${v}"`).join(', ')} in commands → {{${name}}}`,
		),
	};
}

/** Whether a path into the runbook passes through a rollback section. */
function inRollback(runbook: ImportedRunbook, path: readonly (string | number)[]): boolean {
	let node: unknown = runbook;
	for (const key of path) {
		if (!node || typeof node !== 'object') return false;
		if ((node as { kind?: unknown }).kind === 'rollback') return true;
		node = (node as Record<string | number, unknown>)[key];
	}
	return false;
}
