/**
 * npm run links -- <runbook-id> [--base https://runbooks.example.com] [--format text|markdown|json]
 * Prints the URL of every section and step of a runbook, ready to paste into an alert rule, a
 * status page template or a ticket. Reads the runbook file itself; no build needed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { absolute, paths } from '../src/model/paths.ts';
import { sectionLinks } from '../src/model/links.ts';
import { rollbackContent } from '../src/model/rollback.ts';
import { formatProblem, validateRunbookSource } from '../src/build/content/validate.ts';

const USAGE = 'usage: npm run links -- <runbook-id> [--base <site URL>] [--format text|markdown|json]';
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		base: { type: 'string', default: process.env.RUNSHEET_SITE ?? 'http://localhost:4321' },
		format: { type: 'string', default: 'text' },
		help: { type: 'boolean', short: 'h' },
	},
});
const id = positionals[0];
if (values.help || !id || positionals.length > 1 || !['text', 'markdown', 'json'].includes(values.format!)) {
	console.error(USAGE);
	process.exit(values.help ? 0 : 2);
}

const file = `content/runbooks/${id}.yaml`;
let source: string;
try {
	source = readFileSync(file, 'utf8');
} catch {
	console.error(`links: no runbook "${id}" (${file} not found). Hint: the id is the file name in content/runbooks/`);
	process.exit(1);
}
const result = validateRunbookSource(source, file);
if (!result.ok) {
	for (const problem of result.problems) console.error(formatProblem(problem));
	process.exit(1);
}

const base = values.base!;
const at = (path: string) => absolute(base, path);
const rows: { kind: string; label: string; url: string }[] = [
	{ kind: 'runbook', label: result.runbook.title, url: at(paths.runbook(id)) },
	...(rollbackContent(result.runbook.sections)
		? [{ kind: 'rollback', label: `Roll back ${result.runbook.system}`, url: at(paths.rollback(id)) }]
		: []),
	{ kind: 'signoff', label: 'Sign-off sheet', url: at(paths.signoff(id)) },
];
for (const section of sectionLinks(id, result.runbook.sections)) {
	rows.push({ kind: 'section', label: section.title, url: at(section.path) });
	for (const step of section.steps) {
		rows.push({ kind: 'step', label: `${section.title} › ${step.text}`, url: at(step.path) });
		if (step.rollbackPath)
			rows.push({ kind: 'rollback-step', label: `${section.title} › ${step.text} (rollback page)`, url: at(step.rollbackPath) });
	}
}

if (values.format === 'json') console.log(JSON.stringify(rows, null, 2));
else if (values.format === 'markdown') for (const row of rows) console.log(`- [${row.label.replace(/[[\]]/g, '\\$&')}](${row.url})`);
else for (const row of rows) console.log(`${row.url}\t${row.label}`);
