import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { ID_PATTERN } from '../../schema/ids.ts';
import { schemaFieldNames } from '../../model/schema-reference.ts';
import { nearMiss } from '../../model/near-miss.ts';
import { lineOfKey, lineOfPath, yamlSyntaxErrors } from './yaml-lines.ts';
import { type Runbook, runbookSchema } from '../../schema/runbook.ts';
import { slugify } from '../../model/ids.ts';
import { findReferences } from '../../schema/template.ts';
import { unusedVariables } from '../../schema/variables.ts';

/** One thing wrong with a runbook file, precise enough to fix without reading the schema. */
export interface RunbookProblem {
	file: string;
	line?: number;
	/** Field path such as `sections[2].steps[0].id`; empty for the file itself. */
	path: string;
	message: string;
}

/** Valid files may still carry warnings (a declared variable nothing uses): printed, not fatal. */
export type ValidationResult = { ok: true; runbook: Runbook; warnings: RunbookProblem[] } | { ok: false; problems: RunbookProblem[] };

/** Warnings for a valid runbook; the line is looked up only when there is one to print. */
function warningsFor(runbook: Runbook, file: string, source: string): RunbookProblem[] {
	const unused = unusedVariables(runbook, findReferences(runbook));
	if (!unused.length) return [];
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter });
	return unused.map(({ name, index }) => {
		const line = lineOfPath(doc, lineCounter, ['variables', index]);
		return {
			file,
			line,
			path: `variables[${index}]`,
			message: `warning: variable ${name} is declared but no step, command or note uses it. Hint: write {{${name}}} where the value goes, or remove the declaration`,
		};
	});
}

type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

export function formatProblem(problem: RunbookProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** The id a runbook file gets: its name without the extension, whatever folder it is in. */
export function runbookIdFromFile(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file;
	return base.replace(/\.ya?ml$/i, '');
}

// The schema's own field names: a field added to it is suggested without a change here.
const KNOWN_KEYS = schemaFieldNames();

interface ZodIssueLike {
	code: string;
	path: PathKey[];
	message: string;
	input?: unknown;
	keys?: string[];
	expected?: string;
}

/** Zod's own messages say what is wrong; this adds how to fix it where the schema did not. */
function explain(issue: ZodIssueLike): string {
	if (issue.message.includes('Hint:')) return issue.message;
	const key = issue.path.at(-1);
	switch (issue.code) {
		case 'unrecognized_keys':
			return (issue.keys ?? [])
				.map((k) => {
					const suggestion = nearMiss(k, KNOWN_KEYS);
					return `unknown field "${k}". Hint: ${suggestion ? `did you mean "${suggestion}"?` : 'check the spelling against the schema (public/runbook.schema.json)'}`;
				})
				.join('; ');
		case 'invalid_type':
			if (issue.input === undefined && typeof key === 'string') {
				return `missing required field "${key}". Hint: add \`${key}:\` here`;
			}
			return `${issue.message}. Hint: this field must be a ${issue.expected ?? 'different type'}`;
		case 'too_small':
			return `${issue.message}. Hint: fill it in or remove the field`;
		default:
			return `${issue.message}. Hint: see the schema reference in the guide`;
	}
}

/**
 * Parses and validates one runbook file. Used by the build (beside Astro, whose output waits for
 * it) and by tests, so that a bad file is reported as `file:line: field.path: what is wrong. Hint: how to fix it`.
 */
/**
 * The runbook in a file's text, or undefined when it is not valid (validateRunbookSource says
 * why): js-yaml, the parser Astro's own loader uses, with the YAML 1.2 core schema as the full
 * parser reads it (dates stay text and are checked), then the schema.
 */
export function parseRunbookSource(source: string): Runbook | undefined {
	try {
		const result = runbookSchema.safeParse(loadYaml(source, { schema: CORE_SCHEMA }));
		return result.success ? result.data : undefined;
	} catch {
		return undefined;
	}
}

export function validateRunbookSource(source: string, file: string): ValidationResult {
	const problems: RunbookProblem[] = [];
	const id = runbookIdFromFile(file);
	if (!ID_PATTERN.test(id)) {
		problems.push({
			file,
			path: '',
			message: `file name "${id}" is not a URL-safe runbook id. Hint: rename the file to "${slugify(id) || 'my-runbook'}.yaml"`,
		});
	}

	// Fast path. Most files are fine, and the slower parser below (which knows every line) is only
	// needed to point at a problem.
	if (!problems.length) {
		const runbook = parseRunbookSource(source);
		if (runbook) return { ok: true, runbook, warnings: warningsFor(runbook, file, source) };
	}

	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (doc.errors.length) {
		for (const { line, message } of yamlSyntaxErrors(doc, lineCounter)) problems.push({ file, line, path: '', message });
		return { ok: false, problems };
	}

	const at = (path: PathKey[]) => path as (string | number)[];

	const result = runbookSchema.safeParse(doc.toJS());
	if (!result.success) {
		for (const issue of result.error.issues as unknown as ZodIssueLike[]) {
			const line =
				issue.code === 'unrecognized_keys' && issue.keys?.[0]
					? lineOfKey(doc, lineCounter, at(issue.path), issue.keys[0])
					: lineOfPath(doc, lineCounter, at(issue.path));
			problems.push({ file, line, path: formatPath(issue.path), message: explain(issue) });
		}
	}
	if (problems.length || !result.success) return { ok: false, problems };
	return { ok: true, runbook: result.data, warnings: warningsFor(result.data, file, source) };
}

/**
 * Checks across files: a runbook's former id must not be another runbook's id (its old URL
 * would then show the other runbook instead of redirecting) nor a former id of two runbooks.
 */
export function findCollectionProblems(entries: { file: string; id: string; formerIds?: string[] | undefined }[]): RunbookProblem[] {
	const problems: RunbookProblem[] = [];
	const current = new Map<string, string>();
	for (const entry of entries) {
		// Ids become URLs and file names: whatever gave this one, it is a name, never a path. (A YAML
		// file's name was checked above; a Markdown file's front matter id, by the importer.)
		if (!ID_PATTERN.test(entry.id)) {
			problems.push({
				file: entry.file,
				path: '',
				message: `the runbook id ${JSON.stringify(entry.id)} is not a URL-safe id. Hint: use lowercase words joined by hyphens`,
			});
			continue;
		}
		// Ids are URLs (/runbooks/<id>/): two files, in two folders or one YAML and one Markdown, cannot share one.
		const other = current.get(entry.id);
		if (other)
			problems.push({
				file: entry.file,
				path: '',
				message: `the runbook id "${entry.id}" is also the id of ${other}. Hint: rename one file, or give one of them another id (\`id:\` in a Markdown file's front matter)`,
			});
		else current.set(entry.id, entry.file);
	}
	const claimed = new Map<string, string>();
	for (const entry of entries) {
		entry.formerIds?.forEach((former, i) => {
			const path = `formerIds[${i}]`;
			const other = current.get(former);
			if (other) {
				const message =
					other === entry.file
						? `former id "${former}" is this runbook's own id. Hint: remove it`
						: `former id "${former}" is the id of ${other}, so its old URL would open that runbook. Hint: remove it here or rename that file`;
				problems.push({ file: entry.file, path, message });
			} else if (claimed.has(former)) {
				problems.push({
					file: entry.file,
					path,
					message: `former id "${former}" is also a former id of ${claimed.get(former)}. Hint: keep it on the runbook old links should reach`,
				});
			} else claimed.set(former, entry.file);
		});
	}
	return problems;
}
