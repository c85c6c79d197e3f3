import type { LintRuleId, LintSeverity } from '../../schema/lint.ts';
import type { Variable } from '../../schema/variables.ts';

export type DataPath = (string | number)[];

/** A literal in a command that `npm run lint:runbooks -- --fix` turns into a variable. */
export interface LiteralFix {
	/** The command's `code` field. */
	path: DataPath;
	value: string;
	/** The variable to write `{{NAME}}` for; declared unless the runbook already has it. */
	variable: Variable;
	declared: boolean;
}

/** One finding: where (the field path in the runbook's data), which rule, what is wrong, how to fix it. */
export interface Finding {
	rule: LintRuleId;
	severity: LintSeverity;
	path: DataPath;
	message: string;
	fix: string;
	literal?: LiteralFix;
}

/** What a rule reports, before the severity (from the rule's default and the settings) is set. */
export type RawFinding = Omit<Finding, 'severity'>;
