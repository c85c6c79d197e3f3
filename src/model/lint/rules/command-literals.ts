import type { Variable } from '../../../schema/variables.ts';
import { plainText } from '../../text.ts';
import type { LintContext } from '../context.ts';
import { findLiterals, type Literal, patternFor, proposeName } from '../literals.ts';
import type { RawFinding } from '../types.ts';
import { placedSteps, stepCommands } from '../walk.ts';

/** What the responder is asked for, by the proposed name. */
const WHAT: Record<string, string> = {
	BACKUP_DATE: 'The date of the backup to use',
	DATE: 'The date for this run',
	PREVIOUS_VERSION: 'The version to go back to',
	VERSION: 'The version for this run',
	HOST_IP: 'The address for this environment',
	HOST: 'The host for this environment',
};

const RULE = { date: 'literal-date', version: 'literal-version', host: 'literal-host' } as const;

const WHY = {
	date: 'a date written into a command is the date of one past run; the next responder would restore or read the wrong one',
	version: 'a version written into a command pins the release it was written for; the next run needs another',
	host: 'a host written into a command ties it to one environment; a variable lets each run say which',
} as const;

/**
 * Dates, versions and hosts written into commands (`psql … < backup_20231120.sql`,
 * `docker-compose.prod-v0.9.0.yml`). One variable per value across the runbook: the same
 * 20231120 in three commands is one BACKUP_DATE. A variable the runbook already declares with
 * that value as its default or example is reused.
 */
export function commandLiterals(context: LintContext): RawFinding[] {
	const declared = context.runbook.variables ?? [];
	const names = new Set(declared.map((v) => v.name));
	const byValue = new Map<string, { variable: Variable; declared: boolean }>();
	for (const variable of declared) {
		for (const value of [variable.default, variable.example])
			if (value && !byValue.has(value)) byValue.set(value, { variable, declared: true });
	}
	const variableFor = (literal: Literal, text: string, rollback: boolean) => {
		const known = byValue.get(literal.value);
		if (known) return known;
		const base = proposeName(literal, { text, rollback });
		let name = base;
		for (let n = 2; names.has(name); n++) name = `${base}_${n}`;
		names.add(name);
		const pattern = patternFor(literal);
		const variable: Variable = {
			name,
			label: name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' '),
			description: `${WHAT[name.replace(/_\d+$/, '')] ?? `The ${literal.kind} for this run`} (the runbook was written with ${literal.value}).`,
			// A host is right today and changes with the environment; a date or a version is chosen per run.
			...(literal.kind === 'host' ? { default: literal.value } : { example: literal.value }),
			...(pattern ? { pattern } : {}),
		};
		const entry = { variable, declared: false };
		byValue.set(literal.value, entry);
		return entry;
	};

	const findings: RawFinding[] = [];
	for (const section of context.sections) {
		for (const step of placedSteps(section)) {
			for (const command of stepCommands(step)) {
				const seen = new Set<string>();
				for (const literal of findLiterals(command.command.code)) {
					if (seen.has(literal.value)) continue;
					seen.add(literal.value);
					const line = command.command.code.slice(0, literal.end).split('\n').pop() ?? '';
					const { variable, declared: isDeclared } = variableFor(literal, `${plainText(step.step.text)} ${line}`, section.emergency);
					findings.push({
						rule: RULE[literal.kind],
						path: command.path,
						message: `the command pins the ${literal.kind} ${literal.value}: ${WHY[literal.kind]}`,
						fix: isDeclared
							? `write {{${variable.name}}} for ${literal.value} (the variable is declared)`
							: `declare the variable ${variable.name} and write {{${variable.name}}} for ${literal.value} (--fix does both)`,
						literal: { path: command.path, value: literal.value, variable, declared: isDeclared },
					});
				}
			}
		}
	}
	return findings;
}
