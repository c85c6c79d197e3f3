import { z } from 'astro/zod';

/**
 * The name of an alert as its rule names it (`alert: etcdMembersDown` in a Prometheus rule, the
 * alert rule's title in Grafana): letters, digits, `_`, `.`, `:` and `-`, so that it can stand
 * in a URL path as it is.
 */
export const ALERT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;

export const alertNameSchema = z.string().regex(ALERT_NAME, {
	error: (issue) =>
		`${JSON.stringify(issue.input)} is not an alert name. Hint: write the name exactly as the alerting rule has it (\`alert: KubePodCrashLooping\`): letters, digits, "_", ".", ":" and "-"`,
});

export const alertsSchema = z
	.array(alertNameSchema)
	.optional()
	.describe('The alerts this runbook answers, named as in the alerting rules (e.g. etcdMembersDown)');

/** How urgent an alert is, as its rule labels it (`labels: {severity: critical}`). */
export const severitySchema = z
	.string()
	.regex(/^[A-Za-z0-9_-]+$/, {
		error: (issue) =>
			`${JSON.stringify(issue.input)} is not a severity. Hint: write it as the alerting rule labels it, one word (critical, warning, info)`,
	})
	.optional()
	.describe('How urgent the alerts this runbook answers are, as their rules label them (critical, warning, info)');
