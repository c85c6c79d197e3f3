import type { LintRuleId, LintSeverity } from '../../schema/lint.ts';
import type { LintContext } from './context.ts';
import { commandLiterals } from './rules/command-literals.ts';
import { dangerousCommands } from './rules/dangerous-commands.ts';
import { ownership } from './rules/ownership.ts';
import { proceduresWithoutTrigger } from './rules/procedure-trigger.ts';
import { longSections } from './rules/section-length.ts';
import { bareVerbSteps, duplicateSteps, stepsWithoutInstruction } from './rules/step-wording.ts';
import type { RawFinding } from './types.ts';

/** Each check, run once per runbook; one check may report under several rule ids. */
export const CHECKS: ((context: LintContext) => RawFinding[])[] = [
	ownership,
	proceduresWithoutTrigger,
	longSections,
	stepsWithoutInstruction,
	bareVerbSteps,
	duplicateSteps,
	commandLiterals,
	dangerousCommands,
];

/**
 * Defaults: what can hurt a responder (a stale date or version in a restore, a destructive
 * command without a word of warning, a rollback step that says nothing) is a warning; what
 * makes a checklist weaker is info. Nothing is an error by default, so a team's first import
 * builds; runsheet.config.yaml raises any rule to error.
 */
export const DEFAULT_SEVERITY: Record<LintRuleId, LintSeverity> = {
	'literal-date': 'warning',
	'literal-version': 'warning',
	'literal-host': 'info',
	'step-without-instruction': 'warning',
	'procedure-without-trigger': 'warning',
	'section-too-long': 'info',
	'bare-verb-step': 'info',
	'duplicate-step': 'warning',
	'missing-owner': 'warning',
	'review-overdue': 'warning',
	'review-due-soon': 'info',
	'dangerous-command': 'warning',
};

/** One line per rule, for `--help`, SARIF's rule list and the guide. */
export const RULE_SUMMARY: Record<LintRuleId, string> = {
	'literal-date': 'A date written into a command (a backup stamp, a day): make it a variable',
	'literal-version': 'A version written into a command: make it a variable',
	'literal-host': 'A host name or IP address written into a command: make it a variable',
	'step-without-instruction': 'A rollback or mitigation step with no command and no instruction beyond its title',
	'procedure-without-trigger': 'A rollback or mitigation procedure that does not say when to use it',
	'section-too-long': 'More than 9 steps at one level: more than one pause point holds',
	'bare-verb-step': 'A step that is a bare verb ("Check logs") with nothing to confirm and no expected result',
	'duplicate-step': 'The same step text twice in one list',
	'missing-owner': 'A runbook with no owners',
	'review-overdue': 'A review that is overdue, or a runbook never reviewed',
	'review-due-soon': 'A review falling due within 30 days',
	'dangerous-command': 'rm -rf, DROP, --force, kubectl delete namespace … without a warning note',
};
