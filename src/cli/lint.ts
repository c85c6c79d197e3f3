/**
 * lint [<files or folders...>] [--format text|json|sarif] [--fix] [--max-warnings N]
 *   [--today YYYY-MM-DD] [--settings FILE]
 *
 * Checks runbooks against the rules good checklists follow (src/model/lint): literals in
 * commands, rollback steps that say nothing, procedures without a trigger, sections too long for
 * one pause point, bare-verb steps, duplicates, owners and reviews, destructive commands without
 * a warning. Each finding: file:line, the field, the rule, what is wrong and the fix. Severities
 * come from the settings; runbooks turn rules off with `lint: { ignore, reason }`.
 * --fix writes each literal date, version or host as a declared variable (YAML files).
 * Exit 1 on an error, or on more warnings than --max-warnings; 2 on a file that is not valid.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { applyLiteralFixes } from '../../scripts/lib/lint-fix.ts';
import { lineFinder } from '../../scripts/lib/lint-lines.ts';
import { FORMATS, formatReport, type Format, type PlacedFinding } from '../../scripts/lib/lint-report.ts';
import { readRunbookCollection, type CollectionEntry } from '../build/content/collection.ts';
import { contentFolder } from '../build/content/content-folder.ts';
import { formatProblem, type RunbookProblem } from '../build/content/validate.ts';
import { lintRunbook } from '../model/lint/lint.ts';
import type { Finding } from '../model/lint/types.ts';
import { isoDay } from '../model/review.ts';
import { isCalendarDate } from '../schema/date.ts';
import { maxFileBytes, type Settings } from '../schema/settings.ts';
import { readConfig } from '../config/read-config.ts';
import { NPM, type Invocation } from './invocation.ts';
import { lintOptions } from './options.ts';

function parse(argv: string[]) {
	return parseArgs({
		args: argv,
		allowPositionals: true,
		options: lintOptions,
	});
}

export async function lint(argv: string[], how: Invocation = NPM): Promise<number> {
	const usage = `usage: ${how.usage('lint', '[<files or folders...>] [--format text|json|sarif] [--fix] [--max-warnings N] [--today YYYY-MM-DD] [--settings FILE]')}`;
	let args: ReturnType<typeof parse>;
	try {
		args = parse(argv);
	} catch (error) {
		console.error(`lint:runbooks: ${(error as Error).message}\n${usage}`);
		return 2;
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(usage);
		return 0;
	}
	const format = values.format as Format;
	if (!FORMATS.includes(format)) {
		console.error(`lint:runbooks: --format ${values.format} is not one of ${FORMATS.join(', ')}`);
		return 2;
	}
	const today = values.today ?? isoDay(new Date());
	if (!isCalendarDate(today)) {
		console.error(`lint:runbooks: --today ${today} is not a date. Hint: YYYY-MM-DD, e.g. --today 2026-12-01`);
		return 2;
	}
	const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
	if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) {
		console.error(`lint:runbooks: --max-warnings ${values['max-warnings']} is not a whole number`);
		return 2;
	}
	let settings: Settings;
	try {
		settings = (await readConfig({ explicit: values.config ?? values.settings, runbooks: contentFolder() })).settings;
	} catch (error) {
		console.error(`lint:runbooks: ${(error as Error).message}`);
		return 2;
	}

	/** The runbooks named: every runbook of a folder, or the one a file holds (read with its folder, for its links). */
	async function read(inputs: string[]): Promise<{ entries: CollectionEntry[]; problems: RunbookProblem[] }> {
		const entries: CollectionEntry[] = [];
		const problems: RunbookProblem[] = [];
		for (const input of inputs.map((i) => normalize(i).replace(/\/+$/, ''))) {
			let folder: boolean;
			try {
				folder = statSync(input).isDirectory();
			} catch {
				problems.push({ file: input, path: '', message: `not found. Hint: name runbook files or folders, e.g. ${how.folder}` });
				continue;
			}
			const dir = folder ? input : dirname(input);
			const collection = await readRunbookCollection(dir, dir, { maxFileBytes: maxFileBytes(settings) });
			const mine = (file: string) => folder || normalize(file) === input;
			entries.push(...collection.entries.filter((e) => mine(e.file)));
			problems.push(...collection.problems.filter((p) => mine(p.file)));
		}
		return { entries, problems };
	}

	const ruleOptions = { today, reviewEveryDays: settings.reviewEveryDays, rules: settings.lint.rules };
	const inputs = positionals.length ? positionals : [contentFolder()];
	let { entries, problems } = await read(inputs);

	let fixed = 0;
	if (values.fix) {
		for (const entry of entries) {
			if (!/\.ya?ml$/i.test(entry.file)) continue;
			const fixes = lintRunbook(entry.data, ruleOptions).flatMap((f) => (f.literal ? [f.literal] : []));
			if (!fixes.length) continue;
			const result = applyLiteralFixes(entry.source, fixes);
			writeFileSync(entry.file, result.source);
			fixed += result.applied;
		}
		// What is left, read again from the files as written.
		if (fixed) ({ entries, problems } = await read(inputs));
	}

	const findings: PlacedFinding[] = [];
	for (const entry of entries) {
		const found: Finding[] = lintRunbook(entry.data, ruleOptions);
		if (!found.length) continue;
		const lineOf = lineFinder(entry.file, entry.source, entry.data);
		const markdown = !/\.ya?ml$/i.test(entry.file);
		for (const { literal, ...finding } of found) {
			findings.push({
				...finding,
				// --fix edits YAML; a Markdown runbook is changed in its Markdown.
				...(literal && markdown
					? { fix: `write {{${literal.variable.name}}} for ${literal.value} and declare it in the front matter's variables` }
					: {}),
				file: entry.file,
				line: lineOf(finding.path, literal?.value),
			});
		}
	}

	process.stdout.write(formatReport({ runbooks: entries.length, findings, fixed }, format));
	for (const problem of problems) console.error(formatProblem(problem));
	if (problems.length) {
		console.error(
			`lint:runbooks: ${problems.length} problem${problems.length === 1 ? '' : 's'} stop files being linted (see above; ${how.name('validate')})`,
		);
		return 2;
	}
	const errors = findings.filter((f) => f.severity === 'error').length;
	const warnings = findings.filter((f) => f.severity === 'warning').length;
	if (errors || warnings > maxWarnings) {
		console.error(
			`lint:runbooks: ${errors ? `${errors} error${errors === 1 ? '' : 's'}` : `${warnings} warnings, more than --max-warnings ${maxWarnings}`}`,
		);
		return 1;
	}
	return 0;
}
