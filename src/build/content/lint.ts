import { countBySeverity, countsText, lintRunbook, type LintOptions } from '../../model/lint/lint.ts';
import type { Finding } from '../../model/lint/types.ts';
import type { CollectionEntry } from './collection.ts';

export interface CollectionLint {
	/** Each runbook's findings, by its id (an empty list for a runbook with none). */
	findings: Map<string, Finding[]>;
	/** The lint as the build tells it: one line of counts (the details are `npm run lint:runbooks`). */
	line: string;
	/** The findings a site raised to error: they stop the build. Warnings never do. */
	errors: string[];
}

/** Lints every runbook of the collection once: the build's line and errors, and what the pages show. */
export function lintCollection(entries: readonly CollectionEntry[], options: LintOptions): CollectionLint {
	const findings = new Map(entries.map((entry) => [entry.id, lintRunbook(entry.data, options)]));
	const all = entries.flatMap((entry) => findings.get(entry.id)!.map((finding) => ({ ...finding, file: entry.file })));
	const counts = countBySeverity(all);
	const errors = all
		.filter((f) => f.severity === 'error')
		.map((f) => `${f.file}: ${f.rule}: ${f.message}. Fix: ${f.fix} (or set the rule's severity in runsheet.config.yaml)`);
	const line = `lint: ${entries.length} runbooks, ${countsText(counts)}${all.length ? ' (npm run lint:runbooks lists them, with fixes)' : ''}`;
	return { findings, line, errors };
}
