import { noteCommands } from '../../note-parts.ts';
import type { LintContext } from '../context.ts';
import type { RawFinding } from '../types.ts';
import { placedSteps, stepCommands } from '../walk.ts';

/** Commands that destroy what cannot be got back, by name. */
const DANGEROUS: [RegExp, string][] = [
	[/\brm\s+(?:-\w*r\w*f\w*|-\w*f\w*r\w*|-r\s+-f|-f\s+-r|--recursive\s+--force|--force\s+--recursive)\b/, 'rm -rf'],
	[/\b(?:drop\s+(?:table|database|schema|keyspace)|truncate\s+table|dropdb)\b/i, 'a DROP'],
	[/\bkubectl\s+delete\s+(?:namespaces?|ns)\b/, 'kubectl delete namespace'],
	[/(?:^|\s)--force(?:\s|=|$)/m, '--force'],
	[/\bterraform\s+destroy\b/, 'terraform destroy'],
	[/\bmkfs(?:\.\w+)?\s/, 'mkfs'],
];

/** The words a warning is written in, in any of the fields around a command. */
const WARNING =
	/\b(?:warning|caution|danger(?:ous)?|careful|irreversibl[ey]|permanent(?:ly)?|cannot be undone|can't be undone|data loss|destroys?|destructive|deletes? (?:all|every))\b|⚠|\[!(?:WARNING|CAUTION)\]/i;

const dangerIn = (code: string) => DANGEROUS.find(([pattern]) => pattern.test(code))?.[1];

/**
 * A command that deletes data, a namespace or history (rm -rf, DROP, --force, kubectl delete
 * namespace) needs a warning a responder reads before pasting it: in the step's text, details,
 * notes or expected result, or the command's title; for a code block in a note, in that note.
 */
export function dangerousCommands(context: LintContext): RawFinding[] {
	const findings: RawFinding[] = [];
	const report = (path: (string | number)[], what: string) =>
		findings.push({
			rule: 'dangerous-command',
			path,
			message: `the command runs ${what}, and nothing around it warns what it destroys`,
			fix: 'add a note to the step that starts "Warning:" and says what is lost and how to check first (or add a `title:` to the command that says so)',
		});
	for (const section of context.sections) {
		section.section.notes?.forEach((note, i) => {
			for (const command of noteCommands(note)) {
				const what = dangerIn(command.code);
				if (what && !WARNING.test(note.replace(command.code, ''))) report([...section.path, 'notes', i], what);
			}
		});
		for (const step of placedSteps(section)) {
			const around = [step.step.text, step.step.expect, ...(step.step.details ?? []), ...(step.step.notes ?? [])].join('\n');
			for (const command of stepCommands(step)) {
				const what = dangerIn(command.command.code);
				if (what && !WARNING.test(around) && !WARNING.test(command.command.title ?? '')) report(command.path, what);
			}
		}
	}
	return findings;
}
