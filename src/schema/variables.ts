import { z } from 'astro/zod';
import { VARIABLE_NAME } from './names.ts';
import { FILLED_FIELDS, fieldOf, type Reference, wholeValuePattern } from './template.ts';

/**
 * Runbook variables: values a responder fills in once per run (a domain, a release tag, the
 * backup file) and that every step and command then shows. Names are UPPER_SNAKE_CASE so a
 * reference, `{{DOMAIN}}`, cannot be mistaken for a Helm or GitHub Actions template
 * (`{{ .Values.x }}`, `${{ secrets.X }}`), which stay as written (the pattern: names.ts).
 */
export { VARIABLE_NAME };

export const variableSchema = z
	.strictObject({
		name: z
			.string({ error: 'a variable needs a name. Hint: add e.g. `name: DOMAIN`, then write {{DOMAIN}} in steps and commands' })
			.regex(VARIABLE_NAME, {
				error: (issue) =>
					`${JSON.stringify(issue.input)} is not a variable name. Hint: use capital letters, digits and single underscores, e.g. "${
						String(issue.input)
							.toUpperCase()
							.replace(/[^A-Z0-9]+/g, '_')
							.replace(/^_+|_+$/g, '') || 'DOMAIN'
					}"`,
			})
			.describe('Referenced as {{NAME}} in step text, details, notes, commands, contacts and links'),
		label: z
			.string({ error: 'a variable needs a label. Hint: add e.g. `label: "Production domain"`' })
			.min(1)
			.describe('Shown beside the input'),
		description: z.string().optional().describe('What value to give and where to find it'),
		default: z.string().min(1).optional().describe('Used until the run sets another value'),
		example: z.string().min(1).optional().describe('Shown as a hint in the empty input; never used as a value'),
		pattern: z.string().min(1).optional().describe('Regular expression the whole value must match, e.g. "v\\d+\\.\\d+\\.\\d+"'),
		secret: z.boolean().optional().describe('Secret-like (a token, a password): never saved, exported, shared or printed'),
	})
	.superRefine((variable, ctx) => {
		if (variable.pattern) {
			// A pattern is matched against the whole value; an invalid one fails the build.
			let re: RegExp;
			try {
				re = wholeValuePattern(variable.pattern);
			} catch (error) {
				ctx.addIssue({
					code: 'custom',
					path: ['pattern'],
					message: `the pattern is not a valid regular expression (${(error as Error).message}). Hint: escape special characters with a backslash, e.g. "v\\\\d+\\\\.\\\\d+"`,
				});
				return;
			}
			for (const key of ['default', 'example'] as const) {
				const value = variable[key];
				if (value !== undefined && !re.test(value)) {
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: `${key} "${value}" does not match the pattern ${variable.pattern}. Hint: fix the ${key} or widen the pattern`,
					});
				}
			}
		}
		if (variable.secret && variable.default !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['default'],
				message:
					'a secret variable cannot have a default: it would be published in the site. Hint: remove `default:` (an `example:` may show the format)',
			});
		}
	});

export const variablesSchema = z
	.array(variableSchema)
	.optional()
	.describe('Values filled in per run; steps and commands reference them as {{NAME}}');

export type Variable = z.infer<typeof variableSchema>;

type Issue = { message: string; path: (string | number)[] };

/** The declared name closest to a misspelt one (most letters in common at the same places). */
function closestName(wrong: string, names: string[]): string | undefined {
	let best: string | undefined;
	let bestScore = 0;
	for (const name of names) {
		let score = 0;
		for (let i = 0; i < Math.min(name.length, wrong.length); i++) if (name[i] === wrong[i]) score++;
		if (score > bestScore) [best, bestScore] = [name, score];
	}
	return best;
}

/**
 * Checks between the declarations and the text: names are unique; every `{{NAME}}` is declared
 * and sits in a field that is shown filled in (not a title, which is a heading, a search entry
 * and a link text).
 */
export function findVariableIssues(runbook: { variables?: Variable[] | undefined }, references: Reference[]): Issue[] {
	const issues: Issue[] = [];
	const declared = new Set<string>();
	runbook.variables?.forEach((variable, i) => {
		if (declared.has(variable.name))
			issues.push({ path: ['variables', i, 'name'], message: `variable ${variable.name} is declared twice. Hint: remove one` });
		declared.add(variable.name);
	});
	for (const { name, path } of references) {
		const field = fieldOf(path);
		if (!FILLED_FIELDS.has(field)) {
			issues.push({
				path,
				message: `{{${name}}} cannot be used in "${field}": only ${[...FILLED_FIELDS].join(', ')} are filled in. Hint: move the value into the step text or a command`,
			});
		} else if (!declared.has(name)) {
			const near = closestName(name, [...declared]);
			issues.push({
				path,
				message: `{{${name}}} is not declared. Hint: ${near ? `did you mean {{${near}}}? Or declare it` : 'declare it'} under \`variables:\`, e.g. \`- { name: ${name}, label: "${name.toLowerCase().replace(/_/g, ' ')}", example: "…" }\``,
			});
		}
	}
	return issues;
}

/** Declared variables no text refers to: allowed, but worth a warning. */
export function unusedVariables(
	runbook: { variables?: Variable[] | undefined },
	references: Reference[],
): { name: string; index: number }[] {
	const used = new Set(references.map((r) => r.name));
	return (runbook.variables ?? []).flatMap((v, index) => (used.has(v.name) ? [] : [{ name: v.name, index }]));
}
