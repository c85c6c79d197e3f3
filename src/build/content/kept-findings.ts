import type { Finding } from '../../model/lint/types.ts';

/**
 * A runbook's lint findings, kept with its entry in Astro's data store by the loader when the
 * site shows them on its pages (runsheet.config.yaml `lint.showOnPages`): the page shows what
 * the build's lint found, linted once with the collection. Astro keeps of an entry its data (the
 * runbook exactly as the schema gives it, which /runbooks/<id>.json publishes) and what was
 * rendered of it, with metadata: the findings are that metadata, with no HTML of their own.
 */
interface WithRendered {
	rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}

export function withFindings(findings: Finding[]): NonNullable<WithRendered['rendered']> {
	return { html: '', metadata: { lintFindings: findings } };
}

/** The findings the loader kept with an entry, or undefined when the site does not show them. */
export function keptFindings(entry: WithRendered): Finding[] | undefined {
	return entry.rendered?.metadata?.lintFindings as Finding[] | undefined;
}
