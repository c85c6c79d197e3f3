/**
 * npm run import -- <checklist.md> [--out <file.yaml>] [--id <id>] [--system <name>] [--title <title>]
 * Turns a Markdown checklist into a runbook file; prints a summary and warnings on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importChecklist, runbookToYaml } from '../src/lib/import/index.ts';
import { runbookIdFromFile } from '../src/lib/validate-runbook.ts';
import { slugify } from '../src/lib/ids.ts';

const USAGE = 'usage: npm run import -- <checklist.md> [--out content/runbooks/<id>.yaml] [--id <id>] [--system <name>] [--title <title>]';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		out: { type: 'string' },
		id: { type: 'string' },
		system: { type: 'string' },
		title: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});

if (values.help || positionals.length !== 1) {
	console.error(USAGE);
	process.exit(values.help ? 0 : 2);
}

const input = positionals[0]!;
let markdown: string;
try {
	markdown = readFileSync(input, 'utf8');
} catch (error) {
	console.error(`import: cannot read ${input}: ${(error as Error).message}`);
	process.exit(1);
}

const id = values.id ?? (values.out ? runbookIdFromFile(values.out) : slugify(basename(input).replace(/\.(md|markdown)$/i, '')));
const { runbook, summary, warnings, proposals } = importChecklist(markdown, {
	id,
	system: values.system,
	title: values.title,
	sourceName: basename(input),
});
const yaml = runbookToYaml(runbook);

if (values.out) writeFileSync(values.out, yaml);
else process.stdout.write(yaml);

const counts = Object.entries(summary)
	.map(([key, value]) => `${key}: ${value}`)
	.join(', ');
console.error(`import: ${input} -> ${values.out ?? 'stdout'} (id "${id}")\n  ${counts}`);
for (const proposal of proposals) console.error(`  proposed (check it): ${proposal}`);
for (const warning of warnings) console.error(`  warning: ${warning}`);
