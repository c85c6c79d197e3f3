import { lintContext } from '../model/lint/context.ts';
import { writeAsVariable } from '../model/lint/literals.ts';
import { commandLiterals } from '../model/lint/rules/command-literals.ts';
import type { Runbook } from '../schema/runbook.ts';
import type { Variable } from '../schema/variables.ts';
import type { ImportedRunbook } from './types.ts';

/**
 * Dates, versions and hosts written into the source's commands (`backup_20231120.sql`,
 * `docker-compose.prod-v0.9.0.yml`) become variables as the linter's --fix would write them
 * (src/model/lint/rules/command-literals.ts): an import is never worse than its lint, and a
 * re-import over a fixed file gives the same file. Mutates the runbook's commands; returns the
 * new declarations and one report line each.
 */
export function proposeLiteralVariables(runbook: ImportedRunbook): { variables: Variable[]; proposals: string[] } {
	const findings = commandLiterals(lintContext(runbook as unknown as Runbook, { today: '', reviewEveryDays: 0 }));
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
