import { countBySeverity, countsText, lintRunbook, type LintOptions } from '../../model/lint/lint.ts';
import type { CollectionEntry } from './collection.ts';

/**
 * The lint as the build tells it: one line of counts (the details are `npm run lint:runbooks`),
 * and the findings a site raised to error, which stop the build. Warnings never do.
 */
export function lintForBuild(entries: readonly CollectionEntry[], options: LintOptions): { line: string; errors: string[] } {
	const all = entries.flatMap((entry) => lintRunbook(entry.data, options).map((finding) => ({ ...finding, file: entry.file })));
	const counts = countBySeverity(all);
	const errors = all
		.filter((f) => f.severity === 'error')
		.map((f) => `${f.file}: ${f.rule}: ${f.message}. Fix: ${f.fix} (or set the rule's severity in content/settings.yaml)`);
	const line = `lint: ${entries.length} runbooks, ${countsText(counts)}${all.length ? ' (npm run lint:runbooks lists them, with fixes)' : ''}`;
	return { line, errors };
}
