/**
 * npm run lint:runbooks [-- <files or folders...>] [--format text|json|sarif] [--fix]
 *   [--max-warnings N] [--today YYYY-MM-DD] [--config runsheet.config.yaml]
 *
 * Checks runbooks against the rules good checklists follow (src/model/lint): literals in
 * commands, rollback steps that say nothing, procedures without a trigger, sections too long for
 * one pause point, bare-verb steps, duplicates, owners and reviews, destructive commands without
 * a warning. Each finding: file:line, the field, the rule, what is wrong and the fix. Severities
 * come from the config file (runsheet.config.yaml; --config names another, --settings too); runbooks turn rules off with `lint: { ignore, reason }`.
 * --fix writes each literal date, version or host as a declared variable (YAML files).
 * Exit 1 on an error, or on more warnings than --max-warnings; 2 on a file that is not valid.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { readRunbookCollection, type CollectionEntry } from '../src/build/content/collection.ts';
import { formatProblem, type RunbookProblem } from '../src/build/content/validate.ts';
import { contentFolder } from '../src/build/content/content-folder.ts';
import { lintRunbook } from '../src/model/lint/lint.ts';
import type { Finding } from '../src/model/lint/types.ts';
import { isoDay } from '../src/model/review.ts';
import { isCalendarDate } from '../src/schema/date.ts';
import { readConfig } from '../src/config/read-config.ts';
import { maxFileBytes, type Settings } from '../src/schema/settings.ts';
import { applyLiteralFixes } from './lib/lint-fix.ts';
import { lineFinder } from './lib/lint-lines.ts';
import { FORMATS, formatReport, type Format, type PlacedFinding } from './lib/lint-report.ts';

const usage =
	'usage: npm run lint:runbooks -- [<files or folders...>] [--format text|json|sarif] [--fix] [--max-warnings N] [--today YYYY-MM-DD] [--config FILE]';
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			format: { type: 'string', default: 'text' },
			fix: { type: 'boolean', default: false },
			'max-warnings': { type: 'string' },
			today: { type: 'string' },
			config: { type: 'string' },
			// The option's earlier name.
			settings: { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
}
let args: ReturnType<typeof parse>;
try {
	args = parse();
} catch (error) {
	console.error(`lint:runbooks: ${(error as Error).message}\n${usage}`);
	process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
	console.log(usage);
	process.exit(0);
}
const format = values.format as Format;
if (!FORMATS.includes(format)) {
	console.error(`lint:runbooks: --format ${values.format} is not one of ${FORMATS.join(', ')}`);
	process.exit(2);
}
const today = values.today ?? isoDay(new Date());
if (!isCalendarDate(today)) {
	console.error(`lint:runbooks: --today ${today} is not a date. Hint: YYYY-MM-DD, e.g. --today 2026-12-01`);
	process.exit(2);
}
const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) {
	console.error(`lint:runbooks: --max-warnings ${values['max-warnings']} is not a whole number`);
	process.exit(2);
}
let settings: Settings;
try {
	settings = (await readConfig({ explicit: values.config ?? values.settings, runbooks: contentFolder() })).settings;
} catch (error) {
	console.error(`lint:runbooks: ${(error as Error).message}`);
	process.exit(2);
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
			problems.push({ file: input, path: '', message: 'not found. Hint: name runbook files or folders, e.g. content/runbooks' });
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

const lintOptions = { today, reviewEveryDays: settings.reviewEveryDays, rules: settings.lint.rules };
const inputs = positionals.length ? positionals : [contentFolder()];
let { entries, problems } = await read(inputs);

let fixed = 0;
if (values.fix) {
	for (const entry of entries) {
		if (!/\.ya?ml$/i.test(entry.file)) continue;
		const fixes = lintRunbook(entry.data, lintOptions).flatMap((f) => (f.literal ? [f.literal] : []));
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
	const found: Finding[] = lintRunbook(entry.data, lintOptions);
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
		`lint:runbooks: ${problems.length} problem${problems.length === 1 ? '' : 's'} stop files being linted (see above; npm run validate)`,
	);
	process.exit(2);
}
const errors = findings.filter((f) => f.severity === 'error').length;
const warnings = findings.filter((f) => f.severity === 'warning').length;
if (errors || warnings > maxWarnings) {
	console.error(
		`lint:runbooks: ${errors ? `${errors} error${errors === 1 ? '' : 's'}` : `${warnings} warnings, more than --max-warnings ${maxWarnings}`}`,
	);
	process.exit(1);
}
