import { z } from 'astro/zod';

/**
 * The runbook linter's rules (src/model/lint): what each checks is said in its module. The ids
 * are part of the format: runbooks turn a rule off by id and runsheet.config.yaml sets its
 * severity, so an id once published is never renamed.
 */
export const LINT_RULES = [
	'literal-date',
	'literal-version',
	'literal-host',
	'step-without-instruction',
	'procedure-without-trigger',
	'section-too-long',
	'bare-verb-step',
	'duplicate-step',
	'missing-owner',
	'review-overdue',
	'review-due-soon',
	'dangerous-command',
] as const;

export type LintRuleId = (typeof LINT_RULES)[number];

export const LINT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

const ruleIdSchema = z.enum(LINT_RULES, {
	error: (issue) => `${JSON.stringify(issue.input)} is not a lint rule. Hint: use one of ${LINT_RULES.join(', ')}`,
});

/** `lint: { ignore: [literal-date], reason: "…" }` on a runbook, a section or a step. */
export const lintIgnoreSchema = z
	.strictObject({
		ignore: z
			.array(ruleIdSchema)
			.min(1, { error: 'name the rules to turn off. Hint: `ignore: [literal-date]`' })
			.describe('Rule ids turned off here (and below: a section covers its steps, a runbook everything)'),
		reason: z
			.string({ error: 'say why the rule does not apply here. Hint: add `reason: "the date is the release this runbook pins"`' })
			.min(1)
			.describe('Why the rule does not apply here: read by the next reviewer'),
	})
	.optional()
	.describe('Lint rules turned off here, with the reason (npm run lint:runbooks)');

export type LintIgnore = z.infer<typeof lintIgnoreSchema>;

/** runsheet.config.yaml `lint:`. */
export const lintSettingsSchema = z
	.strictObject({
		showOnPages: z
			.boolean({ error: 'lint.showOnPages must be true or false. Hint: write `showOnPages: true` to show findings on pages' })
			.default(false)
			.describe('Show a small "N findings" note on each runbook page, for maintainers (off for readers by default)'),
		rules: z
			.record(
				z.string(),
				z.enum([...LINT_SEVERITIES, 'off'], {
					error: (issue) => `${JSON.stringify(issue.input)} is not a severity. Hint: use error, warning, info or off`,
				}),
			)
			.superRefine((rules, ctx) => {
				for (const key of Object.keys(rules))
					if (!(LINT_RULES as readonly string[]).includes(key))
						ctx.addIssue({
							code: 'custom',
							path: [key],
							message: `${JSON.stringify(key)} is not a lint rule. Hint: use one of ${LINT_RULES.join(', ')}`,
						});
			})
			.transform((rules) => rules as Partial<Record<LintRuleId, LintSeverity | 'off'>>)
			.default({})
			.describe('Severity per rule id (error, warning, info or off); rules not named keep their default'),
	})
	.default({ showOnPages: false, rules: {} });

export type LintSettings = z.infer<typeof lintSettingsSchema>;
